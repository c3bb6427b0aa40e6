using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Webhooks;

namespace PayFunctions.Core.Tests.Webhooks;

/// <summary>Webhook connections against a real HTTP server on loopback.</summary>
public sealed class WebhookConnectorTests : IAsyncLifetime
{
    private WebApplication? server;
    private int hookHits;

    private Uri Base { get; set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        server = builder.Build();
        server.MapPost("/hook", () =>
        {
            Interlocked.Increment(ref hookHits);
            return Results.NoContent();
        });
        server.MapPost("/redirect", () => Results.Redirect("/hook", permanent: false, preserveMethod: true));
        await server.StartAsync();
        Base = new Uri(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Loopback_IsRefusedWhenPrivateNetworksAreNotAllowed()
    {
        using var client = Client(allowPrivateNetworks: false);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(client, $"https://127.0.0.1:{Base.Port}/hook"));

        Assert.IsType<WebhookDestinationRefusedException>(failure.InnerException);
        Assert.Equal(0, hookHits);
    }

    [Fact]
    public async Task PublicLookingName_ThatResolvesToLoopback_IsRefusedAtConnect()
    {
        using var client = Client(allowPrivateNetworks: false, Answer(IPAddress.Loopback));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(client, $"https://hooks.merchant.example:{Base.Port}/hook"));

        Assert.Contains("loopback", Assert.IsType<WebhookDestinationRefusedException>(failure.InnerException).Message, StringComparison.Ordinal);
        Assert.Equal(0, hookHits);
    }

    [Fact]
    public async Task Name_WithAnyInternalAddressAmongItsAnswers_IsRefused()
    {
        using var client = Client(allowPrivateNetworks: false, Answer(IPAddress.Parse("93.184.215.14"), IPAddress.Parse("::ffff:169.254.169.254")));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(client, $"https://hooks.merchant.example:{Base.Port}/hook"));

        Assert.Contains("cloud metadata", failure.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloudMetadata_IsRefusedEvenWhenPrivateNetworksAreAllowed()
    {
        using var client = Client(allowPrivateNetworks: true, Answer(IPAddress.Parse("169.254.169.254")));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(client, $"http://sink.test:{Base.Port}/hook"));

        Assert.IsType<WebhookDestinationRefusedException>(failure.InnerException);
    }

    [Fact]
    public async Task Redirect_IsNotFollowed()
    {
        using var client = Client(allowPrivateNetworks: true);

        using var response = await PostAsync(client, new Uri(Base, "/redirect").ToString());

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(0, hookHits);
    }

    [Fact]
    public async Task Loopback_IsDeliveredWhenPrivateNetworksAreAllowed()
    {
        using var client = Client(allowPrivateNetworks: true, Answer(IPAddress.Loopback));

        using var byAddress = await PostAsync(client, new Uri(Base, "/hook").ToString());
        using var byName = await PostAsync(client, $"http://sink.test:{Base.Port}/hook");

        Assert.Equal(HttpStatusCode.NoContent, byAddress.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byName.StatusCode);
        Assert.Equal(2, hookHits);
    }

    [Fact]
    public async Task WebhookClient_FromTheServiceCollection_RefusesLoopbackByDefault()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging();
        services.AddPayFunctionsCore(ChannelWorkTransport.StorageQueue);
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookSender.HttpClientName);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(client, new Uri(Base, "/hook").ToString()));

        Assert.IsType<WebhookDestinationRefusedException>(failure.InnerException);
        Assert.Equal(0, hookHits);
    }

    private static Func<string, CancellationToken, Task<IPAddress[]>> Answer(params IPAddress[] addresses) => (_, _) => Task.FromResult(addresses);

    private static HttpClient Client(bool allowPrivateNetworks, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        var options = Options.Create(new WebhookOptions { AllowPrivateNetworks = allowPrivateNetworks });
        var connector = resolve is null
            ? new WebhookConnector(options, NullLogger<WebhookConnector>.Instance)
            : new WebhookConnector(options, NullLogger<WebhookConnector>.Instance, resolve);
        return new HttpClient(connector.CreateHandler()) { Timeout = TimeSpan.FromSeconds(10) };
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url) =>
        client.PostAsync(url, new StringContent("{}", Encoding.UTF8, "application/json"));
}

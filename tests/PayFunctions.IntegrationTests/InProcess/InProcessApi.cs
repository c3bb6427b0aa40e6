using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;
using PayFunctions.Core.Storage;

namespace PayFunctions.IntegrationTests.InProcess;

/// <summary>
/// Core's handlers wired as the hosts wire them, on the fixture's Azurite and secrets, but in this
/// process: the clock is a <see cref="FakeTimeProvider"/> and table requests can be made to fail.
/// </summary>
internal sealed class InProcessApi : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public InProcessApi(PlatformFixture platform, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = PlatformFixture.ConnectionString,
                ["Secrets:LocalDirectory"] = platform.SecretsDirectory,
                ["Api:PublicBaseUrl"] = "http://127.0.0.1/",
            })
            .Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging();
        collection.AddPayFunctionsCore(ChannelWorkTransport.StorageQueue);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(Faults, HttpPipelinePosition.PerCall);
        collection.AddSingleton(new StorageClients(new StorageOptions { ConnectionString = PlatformFixture.ConnectionString }, tableOptions));
        collection.AddSingleton<TimeProvider>(Time);
        configure?.Invoke(collection);
        services = collection.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public TableFaults Faults { get; } = new();

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public async Task<(int Status, JsonObject Body)> SendAsync(
        Func<HttpRequest, CancellationToken, Task<IResult>> handler, ApiRoute route, string path, string authorization, string? json = null, string? idempotencyKey = null)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = route.Method;
        context.Request.Path = path;
        context.Request.Headers.Authorization = "Bearer " + authorization;
        if (idempotencyKey is not null)
        {
            context.Request.Headers["Idempotency-Key"] = idempotencyKey;
        }

        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json ?? ""));
        var response = new MemoryStream();
        context.Response.Body = response;

        // The gate runs first, as both hosts run it around every route.
        var result = await Get<ApiGate>().AdmitAsync(context, route, CancellationToken.None) ?? await handler(context.Request, CancellationToken.None);
        await result.ExecuteAsync(context);
        var text = Encoding.UTF8.GetString(response.ToArray());
        return (context.Response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : []);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}

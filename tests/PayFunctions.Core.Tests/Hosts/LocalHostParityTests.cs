using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.LocalHost;

namespace PayFunctions.Core.Tests.Hosts;

/// <summary>Maps the LocalHost API onto a bare application and compares its endpoints with <see cref="ApiRoutes"/>.</summary>
public sealed class LocalHostParityTests
{
    [Fact]
    public async Task LocalHostEndpoints_AreExactlyTheApiRoutes()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddPayFunctionsCore(ChannelWorkTransport.StorageQueue);
        builder.Services.AddDurableTaskClient(client => client.UseGrpc());
        await using var app = builder.Build();

        app.MapPayFunctionsApi();

        var mapped = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => (
                Name: e.Metadata.GetRequiredMetadata<IEndpointNameMetadata>().EndpointName,
                Method: Assert.Single(e.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods),
                Template: e.RoutePattern.RawText ?? ""))
            .OrderBy(r => r.Name, StringComparer.Ordinal);
        var expected = ApiRoutes.All
            .Select(r => (r.Name, r.Method, Template: "/api/" + r.Template))
            .OrderBy(r => r.Name, StringComparer.Ordinal);
        Assert.Equal(expected, mapped);
    }
}

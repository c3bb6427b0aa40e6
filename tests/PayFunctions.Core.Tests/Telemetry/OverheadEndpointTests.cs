using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PayFunctions.Core.Telemetry;

namespace PayFunctions.Core.Tests.Telemetry;

public sealed class OverheadEndpointTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Answers_the_creates_and_activities_since_the_time_asked()
    {
        var samples = new OverheadSamples();
        samples.Record(OverheadSpans.CreateKind, T0.AddSeconds(-1), TimeSpan.FromMilliseconds(900));
        samples.Record(OverheadSpans.CreateKind, T0, TimeSpan.FromMilliseconds(3));
        samples.Record(OverheadSpans.ActivityKindPrefix + "EnqueuePrepayActivity", T0, TimeSpan.FromMilliseconds(2));

        var (status, body) = await GetAsync(samples, "127.0.0.1", "?since=2026-01-31T12:00:00Z");

        Assert.Equal(200, status);
        Assert.Equal(1, (int)body["create"]!["count"]!);
        Assert.Equal(3, (double)body["create"]!["p99_ms"]!);
        Assert.Equal(2, (double)body["activities"]!["EnqueuePrepayActivity"]!["p50_ms"]!);
    }

    [Theory]
    [InlineData("?since=yesterday")]
    [InlineData("?since=2026-01-31T12:00:00Z&since=2026-01-31T13:00:00Z")]
    public async Task A_since_that_is_not_one_time_is_refused(string query)
    {
        var (status, body) = await GetAsync(new OverheadSamples(), "::1", query);

        Assert.Equal(400, status);
        Assert.Equal("parameter_invalid", (string?)body["code"]);
        Assert.Equal("since", (string?)body["param"]);
    }

    [Theory]
    [InlineData("10.0.0.7")]
    [InlineData("203.0.113.9")]
    public async Task Callers_off_this_machine_find_nothing(string caller)
    {
        var http = Context(caller, "");
        await OverheadEndpoint.Get(http, new OverheadSamples()).ExecuteAsync(http);

        Assert.Equal(404, http.Response.StatusCode);
    }

    private static async Task<(int Status, JsonObject Body)> GetAsync(OverheadSamples samples, string caller, string query)
    {
        var http = Context(caller, query);
        using var body = new MemoryStream();
        http.Response.Body = body;
        await OverheadEndpoint.Get(http, samples).ExecuteAsync(http);
        return (http.Response.StatusCode, JsonNode.Parse(body.ToArray())!.AsObject());
    }

    private static DefaultHttpContext Context(string caller, string query)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Connection.RemoteIpAddress = IPAddress.Parse(caller);
        http.Request.Method = "GET";
        http.Request.Path = OverheadEndpoint.Path;
        http.Request.QueryString = new QueryString(query.Length > 0 ? query : null);
        return http;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// A host whose limit per API key is five an hour, so the outcome of a burst does not depend on how
/// fast the machine serves it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RateLimitTests(PlatformFixture platform) : IAsyncLifetime
{
    private const int KeyLimit = 5;
    private ManagedProcess? host;
    private HttpClient? api;

    public async Task InitializeAsync() =>
        (host, api) = await platform.StartExtraHostAsync("ratelimits", new Dictionary<string, string>
        {
            ["RateLimits__ApiKey__Limit"] = KeyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits__ApiKey__Window"] = "01:00:00",
        });

    public Task DisposeAsync()
    {
        api?.Dispose();
        host?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BurstOnOneKey_Gets429WithRetryAfterAndProblem_AndAnotherKeyIsNotLimited()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, KeyLimit + 3).Select(_ => ListAsync(PlatformFixture.DemoApiKey)));

        Assert.Equal(KeyLimit, answers.Count(a => a.Status == HttpStatusCode.OK));
        var limited = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(3, limited.Count);
        Assert.All(limited, a =>
        {
            Assert.Equal("application/problem+json", a.ContentType);
            Assert.Equal("rate_limited", (string?)a.Body["code"]);
            Assert.Equal(429, (int?)a.Body["status"]);
            // Five an hour: the next request is allowed 720 s after the burst.
            Assert.InRange(a.RetryAfter ?? TimeSpan.Zero, TimeSpan.FromSeconds(600), TimeSpan.FromSeconds(720));
        });

        var other = await ListAsync(PlatformFixture.OtherApiKey);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ListAsync(PlatformFixture.DemoApiKey)).Status);
    }

    private async Task<(HttpStatusCode Status, string? ContentType, TimeSpan? RetryAfter, JsonObject Body)> ListAsync(string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/payments?limit=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await api!.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.RetryAfter?.Delta,
            text.StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : []);
    }
}

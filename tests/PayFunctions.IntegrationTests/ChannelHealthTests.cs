using System.Net;
using PayFunctions.Channels;

namespace PayFunctions.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class ChannelHealthTests(PlatformFixture platform)
{
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Operators_read_every_configured_account_with_the_admin_key()
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/channels/health", PlatformFixture.OperatorKey);
        var (status, body, _) = await scenario.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("list", (string?)body["object"]);
        var accounts = body["data"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(
            ChannelCatalog.All.Select(m => m.Capabilities.Name).Order(StringComparer.Ordinal),
            accounts.Where(a => (string?)a["account"] == "main").Select(a => (string)a["channel"]!));
        Assert.All(accounts, a =>
        {
            Assert.Contains((string?)a["status"], new[] { "up", "degraded", "down" });
            Assert.Contains((string?)a["circuit"], new[] { "open", "closed" });
            Assert.InRange((double)a["success_rate"]!, 0, 1);
            Assert.True((double)a["samples"]! >= 0);
            Assert.NotNull(a["errors"]!["transient"]);
            Assert.NotNull(a["as_of"]);
        });
    }

    [Theory]
    [InlineData(PlatformFixture.DemoApiKey, HttpStatusCode.Forbidden, "insufficient_scope")]
    [InlineData("", HttpStatusCode.Unauthorized, "api_key_invalid")]
    public async Task Anyone_else_is_refused(string key, HttpStatusCode expected, string code)
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/channels/health", key);
        var (status, problem, response) = await scenario.SendAsync(request);

        Assert.Equal(expected, status);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_status_page_is_public_and_names_channels_not_accounts()
    {
        using var response = await platform.Api.GetAsync(new Uri("api/status", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        foreach (var module in ChannelCatalog.All)
        {
            Assert.Contains($"data-channel=\"{module.Capabilities.Name}\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(ChannelCatalog.All.Count, html.Split("data-channel=").Length - 1);
    }
}

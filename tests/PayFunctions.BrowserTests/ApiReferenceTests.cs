using Microsoft.Playwright;
using PayFunctions.IntegrationTests;

namespace PayFunctions.BrowserTests;

/// <summary>
/// The API reference pages in headless Chromium, against the real platform: each renders the description its host
/// serves with the bundled renderer, under the consoles' strict policy, and nothing is loaded from another origin.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public Task The_merchant_reference_renders_its_operations() =>
        AssertRendersAsync("api/docs", "Merchant API reference", "Create a payment", "/api/v1/payments");

    [Fact]
    public Task The_operator_reference_renders_its_operations() =>
        AssertRendersAsync("api/docs/ops", "Operator API reference", "Onboard a merchant", "/api/ops/merchants");

    /// <summary>
    /// Opens the page, checks its headers and its files' (hardened, and cached for good at their version), waits for
    /// the POST with this summary and path to be drawn, and checks that the page broke no rule of its policy and asked
    /// nothing of another origin on the way.
    /// </summary>
    private async Task AssertRendersAsync(string path, string title, string summary, string operationPath)
    {
        await using var context = await browser.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        var elsewhere = new List<string>();
        var origin = new Uri(platform.Api.BaseAddress!, "/").AbsoluteUri;
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        var assets = new List<IResponse>();
        page.Response += (_, answer) =>
        {
            if (answer.Url.Contains("/api/docs/assets/", StringComparison.Ordinal))
            {
                assets.Add(answer);
            }
        };

        var response = await page.GotoAsync(new Uri(platform.Api.BaseAddress!, path).AbsoluteUri);
        AssertHardened(response!);
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        var operation = page.Locator(".opblock").Filter(new() { Has = page.Locator(".opblock-summary-description", new() { HasTextString = summary }) });
        await Assertions.Expect(operation).ToHaveCountAsync(1);
        await Assertions.Expect(operation).ToBeVisibleAsync();
        await Assertions.Expect(operation.Locator(".opblock-summary-method")).ToHaveTextAsync("POST");
        await Assertions.Expect(operation.Locator(".opblock-summary-path")).ToContainTextAsync(operationPath);
        await PageChecks.ScreenshotAsync(page, "api-reference-" + path.Replace('/', '-'));

        Assert.Empty(violations);
        Assert.Empty(elsewhere);
        Assert.Equal(4, assets.Count);
        Assert.All(assets, a =>
        {
            AssertHardened(a, "public, max-age=31536000, immutable");
            Assert.Contains("?v=", a.Url, StringComparison.Ordinal);
        });
    }

    private static void AssertHardened(IResponse response, string cacheControl = "no-store")
    {
        var headers = response.Headers;
        Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal(cacheControl, headers["cache-control"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
    }
}

using Microsoft.Playwright;

namespace PayFunctions.BrowserTests;

/// <summary>Assertions every payer page must pass, whatever its state.</summary>
public static class PageChecks
{
    /// <summary>Nothing wider than the viewport: a phone never scrolls sideways.</summary>
    public static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"The page is {scrollWidth}px wide in a {innerWidth}px viewport.");
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, name + ".png"), FullPage = true });

    /// <summary>The security headers of a payer page.</summary>
    public static void AssertHardened(IResponse response)
    {
        var headers = response.Headers;
        Assert.Contains("nonce-", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal("no-store", headers["cache-control"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
    }
}

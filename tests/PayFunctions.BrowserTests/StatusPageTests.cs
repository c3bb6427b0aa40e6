using Deque.AxeCore.Playwright;
using PayFunctions.Channels;
using PayFunctions.IntegrationTests;

namespace PayFunctions.BrowserTests;

/// <summary>The public status page in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StatusPageTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public async Task Every_channel_has_a_line_with_its_state()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(platform.Api.BaseAddress!, "api/status").AbsoluteUri);

        Assert.Equal(200, response!.Status);
        PageChecks.AssertHardened(response);
        foreach (var capabilities in ChannelCatalog.All.Select(m => m.Capabilities))
        {
            var line = page.Locator($"[data-channel=\"{capabilities.Name}\"]");
            Assert.Contains(capabilities.DisplayName, await line.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(await line.GetAttributeAsync("data-state"), new[] { "operational", "degraded", "outage" });
        }

        Assert.Contains("UTC", await page.Locator("time").InnerTextAsync(), StringComparison.Ordinal);
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await PageChecks.ScreenshotAsync(page, "status-phone");
    }
}

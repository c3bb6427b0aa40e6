using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PayFunctions.IntegrationTests;

namespace PayFunctions.BrowserTests;

/// <summary>The operator console in headless Chromium, against the real platform.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OperatorConsoleTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public async Task Operator_resolves_an_exception_sees_channel_health_runs_a_settlement_and_onboards_a_merchant()
    {
        await using var context = await browser.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        var resolved = new List<(string Url, string? Body)>();
        await ServeReconciliationAsync(page, resolved);
        await page.GotoAsync(new Uri(platform.Api.BaseAddress!, "api/console/ops").AbsoluteUri);

        await page.GetByLabel("Operator key").FillAsync("bootstrap_wrong_000000000000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();
        await page.GetByLabel("Operator key").FillAsync(PlatformFixture.OperatorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var row = page.Locator("main tbody tr").Filter(new() { HasText = "pay_recon_example" });
        await Assertions.Expect(row).ToContainTextAsync("amount mismatch");
        await AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "console-operator-reconciliation-desktop");
        await row.GetByLabel("Note for rdif_example").FillAsync("Channel corrected the amount on its next statement.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No open exceptions.")).ToBeVisibleAsync();
        var (url, body) = Assert.Single(resolved);
        Assert.EndsWith("/api/ops/reconciliation/exceptions/rdif_example/resolve", url, StringComparison.Ordinal);
        Assert.Equal("Channel corrected the amount on its next statement.", JsonDocument.Parse(body!).RootElement.GetProperty("note").GetString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Channel health" }).ClickAsync();
        await Assertions.Expect(page.Locator("main tbody tr").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("main tbody tr").CountAsync() >= 1);
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Merchants" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Console Noodles");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create merchant" }).ClickAsync();
        await Assertions.Expect(page.Locator("#merchant-result")).ToContainTextAsync("sk_test_");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Settlements" }).ClickAsync();
        await page.GetByLabel("Day").FillAsync("2020-01-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();
        await Assertions.Expect(page.Locator("#settlement-result")).ToContainTextAsync("2020-01-02");
        await AssertAccessibleAsync(page);
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
    }

    /// <summary>
    /// The reconciliation operator API answers in the shape its contract fixes (docs/architecture.md, Consoles): one
    /// open amount mismatch, and after it is resolved none; each resolve request is kept for the test to read.
    /// </summary>
    private static async Task ServeReconciliationAsync(IPage page, List<(string Url, string? Body)> resolved)
    {
        await page.RouteAsync("**/api/ops/reconciliation/exceptions/*/resolve", async route =>
        {
            resolved.Add((route.Request.Url, route.Request.PostData));
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = """{"id":"rdif_example","object":"reconciliation_exception","status":"resolved"}""" });
        });
        await page.RouteAsync("**/api/ops/reconciliation/exceptions?**", async route =>
        {
            var open = resolved.Count == 0 && route.Request.Url.Contains("status=open", StringComparison.Ordinal);
            var data = open
                ? """[{"id":"rdif_example","object":"reconciliation_exception","run":"rrun_example","channel":"wechat_pay","account":"main","day":"2026-11-29","class":"amount_mismatch","kind":"payment","reference":"pay_recon_example","status":"open","statement":{"channel_reference":"4200001","amount":2600,"fee":16,"currency":"cny","booked_at":"2026-11-29T10:00:00Z"},"platform":{"channel_reference":"4200001","amount":2500,"fee":15,"currency":"cny","booked_at":"2026-11-29T10:00:00Z"}}]"""
                : "[]";
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = $$"""{"object":"list","has_more":false,"data":{{data}}}""" });
        });
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})"));
    }
}

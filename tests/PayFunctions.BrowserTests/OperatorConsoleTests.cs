using System.Globalization;
using System.Net;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PayFunctions.IntegrationTests;

namespace PayFunctions.BrowserTests;

/// <summary>The operator console in headless Chromium, against the real platform.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OperatorConsoleTests(PlatformFixture platform, BrowserFixture browser)
{
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Operator_resolves_an_exception_sees_channel_health_runs_a_settlement_and_onboards_a_merchant()
    {
        var mismatched = await AmountMismatchAsync();
        await using var context = await browser.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(platform.Api.BaseAddress!, "api/console/ops").AbsoluteUri);

        await page.GetByLabel("Operator key").FillAsync("bootstrap_wrong_000000000000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();
        await page.GetByLabel("Operator key").FillAsync(PlatformFixture.OperatorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var row = page.Locator("main tbody tr").Filter(new() { HasText = mismatched });
        await Assertions.Expect(row).ToContainTextAsync("amount mismatch");
        await AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "console-operator-reconciliation-desktop");
        await row.GetByPlaceholder("How it was settled").FillAsync("The channel corrected the amount on its next statement.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Assertions.Expect(page.Locator("main tbody tr").Filter(new() { HasText = mismatched })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Resolved" }).ClickAsync();
        await Assertions.Expect(page.Locator("main tbody tr").Filter(new() { HasText = mismatched })).ToContainTextAsync("resolved");

        await page.GetByRole(AriaRole.Link, new() { Name = "Channel health" }).ClickAsync();
        await Assertions.Expect(page.Locator("main tbody tr").First).ToBeVisibleAsync();
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
    /// A paid payment whose amount the channel's statement of today (China time) tells otherwise: the day's
    /// reconciliation queues it for an operator. Returns its id.
    /// </summary>
    private async Task<string> AmountMismatchAsync()
    {
        var id = (string)(await scenario.CreatePaymentAsync(amount: 3_131))["id"]!;
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id));
        await scenario.WaitForStatusAsync(id, "succeeded", TimeSpan.FromSeconds(60));
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var inject = await platform.Sandbox.PostAsync(
            "sandbox/wechat_pay/bill/discrepancies",
            new StringContent($$"""{"bill_date":"{{day}}","kind":"amount","out_trade_no":"{{id}}"}""", Encoding.UTF8, "application/json")))
        {
            Assert.True(inject.IsSuccessStatusCode, await inject.Content.ReadAsStringAsync());
        }

        using var run = platform.Request(HttpMethod.Post, "api/ops/reconciliation/runs", PlatformFixture.OperatorKey, $$"""{"channel":"wechat_pay","account":"main","day":"{{day}}"}""");
        var (status, body, _) = await scenario.SendAsync(run);
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        return id;
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})"));
    }
}

using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PayFunctions.IntegrationTests;

namespace PayFunctions.BrowserTests;

/// <summary>The merchant console in headless Chromium, against the real platform and the sandbox.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MerchantConsoleTests(PlatformFixture platform, BrowserFixture browser)
{
    /// <summary>How many pixels of a chart's canvas are not transparent.</summary>
    private const string PaintedPixels = """
        selector => {
          const canvas = document.querySelector(selector + ' canvas');
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
          return painted;
        }
        """;

    /// <summary>How many pixels of a chart's canvas have the heat scale's darkest blues, which only a province with payments gets.</summary>
    private const string HotPixels = """
        selector => {
          const canvas = document.querySelector(selector + ' canvas');
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let hot = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 200 && data[i] < 40 && data[i + 2] > 100 && data[i + 2] - data[i] > 70) hot++;
          return hot;
        }
        """;

    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Merchant_signs_in_finds_a_payment_by_its_order_opens_its_timeline_and_refunds_it()
    {
        var payment = await scenario.CreatePaymentAsync(amount: 4200);
        var id = (string)payment["id"]!;
        var orderId = (string)payment["merchant_order_id"]!;
        await scenario.PayAsync(id);
        await scenario.WaitForStatusAsync(id, "succeeded", TimeSpan.FromSeconds(60));

        await using var context = await browser.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        var violations = WatchPolicyViolations(page);
        var response = await page.GotoAsync(ConsoleUrl);
        Assert.Equal(200, response!.Status);
        Assert.Contains("script-src 'self';", response.Headers["content-security-policy"], StringComparison.Ordinal);

        await page.GetByLabel("Secret API key").FillAsync("sk_test_not_a_key_of_anyone_000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No valid API key provided.");
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('payfunctions.console.key')"));
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Secret API key").FillAsync(PlatformFixture.DemoApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#mode")).ToHaveTextAsync("Test mode");

        await page.GetByLabel("Merchant order id").FillAsync(orderId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = id });
        await Assertions.Expect(page.Locator("main tbody tr")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(page);
        await link.ClickAsync();

        var timeline = page.Locator("#timeline");
        await Assertions.Expect(timeline.Locator("[data-type='payment.succeeded']")).ToHaveCountAsync(1);
        foreach (var type in new[] { "payment.created", "routing.decided", "channel.attempt", "payment.paid", "ledger.entry" })
        {
            Assert.True(await timeline.Locator($"[data-type='{type}']").CountAsync() > 0, $"The timeline shows no {type}.");
        }

        await AssertAccessibleAsync(page);

        await page.GetByLabel("Amount (CNY)").FillAsync("12.34");
        await page.GetByRole(AriaRole.Button, new() { Name = "Refund" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Refund re_");
        await Assertions.Expect(timeline.Locator("[data-type='refund.created']")).ToContainTextAsync("¥12.34");
        var refunds = await platform.Api.SendAsync(platform.Request(HttpMethod.Get, $"api/v1/payments/{id}/refunds"));
        var refund = JsonDocument.Parse(await refunds.Content.ReadAsStringAsync()).RootElement.GetProperty("data").EnumerateArray().Single();
        Assert.Equal(1234, refund.GetProperty("amount").GetInt64());
        await AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "console-payment-desktop");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Secret API key")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('payfunctions.console.key')"));
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task The_reports_draw_the_method_mix_the_hourly_peaks_and_a_heat_map_of_China(int width, int height, string name)
    {
        await using var context = await browser.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        var violations = WatchPolicyViolations(page);
        await ServeReportsAsync(page);
        await SignInAsync(page);

        await page.GotoAsync(ConsoleUrl + "#/reports?from=2026-11-01&to=2026-11-30");
        foreach (var chart in new[] { "#chart-methods", "#chart-hours", "#chart-map" })
        {
            await page.Locator($"{chart} canvas").WaitForAsync();
            Assert.True(await page.EvaluateAsync<int>(PaintedPixels, chart) > 2_000, $"{chart} painted (almost) nothing.");
        }

        Assert.True(await page.EvaluateAsync<bool>("window.echarts.getMap('china') !== undefined && window.echarts.getMap('china') !== null"));
        Assert.True(await page.EvaluateAsync<int>(HotPixels, "#chart-map") > 200, "No province of the map is drawn in the heat scale's dark end.");
        Assert.Contains("wechat_pay.native", await page.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"console-reports-{name}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        Assert.Equal("payments-method-2026-11-01-2026-11-30.csv", download.SuggestedFilename);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task On_a_phone_the_payment_list_fits_the_screen()
    {
        await scenario.CreatePaymentAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page);

        await Assertions.Expect(page.Locator("main tbody tr").First).ToBeVisibleAsync();
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "console-payments-phone");

        await page.GotoAsync(ConsoleUrl + "#/webhooks");
        await Assertions.Expect(page.Locator("#endpoint-url")).ToContainTextAsync($"/sandbox/webhooks/{PlatformFixture.WebhookSink}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test event" }).ClickAsync();
        await Assertions.Expect(page.Locator("#test-result")).ToContainTextAsync("delivered");
        await Assertions.Expect(page.Locator("main tbody tr").Filter(new() { HasText = "test.event" }).First).ToBeVisibleAsync();
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "console-webhooks-phone");
    }

    private string ConsoleUrl => new Uri(platform.Api.BaseAddress!, "api/console").AbsoluteUri;

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(ConsoleUrl);
        await page.GetByLabel("Secret API key").FillAsync(PlatformFixture.DemoApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payments" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// The reports API answers in the shape its contract fixes (docs/architecture.md, Consoles): a few methods, a
    /// morning and an evening peak, and payers in three provinces and one country outside China.
    /// </summary>
    private static async Task ServeReportsAsync(IPage page) =>
        await page.RouteAsync("**/api/v1/reports/payments?**", async route =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(new Uri(route.Request.Url).Query);
            if (query["format"] == "csv")
            {
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/csv", Body = "key,payments\nwechat_pay.native,12\n" });
                return;
            }

            var groupBy = query["group_by"]!;
            var rows = groupBy switch
            {
                "method" => new[] { ("wechat_pay.native", 120), ("alipay.qr", 80), ("unionpay.qr", 15) },
                "hour" => [("09", 40), ("12", 65), ("20", 90), ("23", 5)],
                _ => [("CN-GD", 150), ("CN-BJ", 60), ("CN-SH", 30), ("US", 4)],
            };
            var body = JsonSerializer.Serialize(new
            {
                @object = "report",
                group_by = groupBy,
                from = query["from"],
                to = query["to"],
                time_zone = "Asia/Shanghai",
                livemode = false,
                data = rows.Select(r => new
                {
                    key = r.Item1, currency = "cny", payments = r.Item2, succeeded = r.Item2 - 1, failed = 1,
                    success_rate = Math.Round((r.Item2 - 1) / (double)r.Item2, 4), amount = r.Item2 * 2500L, refunds = 0, refunded_amount = 0L, fees = r.Item2 * 15L,
                }),
            });
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = body });
        });

    private static List<string> WatchPolicyViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        return violations;
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})"));
    }
}

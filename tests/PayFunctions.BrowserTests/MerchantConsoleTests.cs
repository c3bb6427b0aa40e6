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
        // A merchant of its own, so the report holds exactly these: three paid from Guangdong, one from the United
        // States (192.0.2.0/25 and 203.0.113.0/24 in the shipped IP-to-region database), by two methods.
        var key = await OnboardAsync();
        foreach (var (method, channel, ip) in new[]
        {
            ("wechat_pay.native", "wechat_pay", "192.0.2.10"), ("wechat_pay.native", "wechat_pay", "192.0.2.11"),
            ("alipay.qr", "alipay", "192.0.2.12"), ("alipay.qr", "alipay", "203.0.113.9"),
        })
        {
            await PaidAsync(key, method, channel, ip);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await WaitForReportedAsync(key, today, 4);
        await using var context = await browser.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        var violations = WatchPolicyViolations(page);
        await SignInAsync(page, key);

        await page.GotoAsync(ConsoleUrl + $"#/reports?from={today}&to={today}");
        foreach (var chart in new[] { "#chart-methods", "#chart-hours", "#chart-map" })
        {
            await page.Locator($"{chart} canvas").WaitForAsync();
            Assert.True(await page.EvaluateAsync<int>(PaintedPixels, chart) > 2_000, $"{chart} painted (almost) nothing.");
        }

        Assert.True(await page.EvaluateAsync<bool>("window.echarts.getMap('china') !== undefined && window.echarts.getMap('china') !== null"));
        Assert.True(await page.EvaluateAsync<int>(HotPixels, "#chart-map") > 200, "No province of the map is drawn in the heat scale's dark end.");
        var byMethod = await page.Locator("main table").InnerTextAsync();
        Assert.Contains("wechat_pay.native", byMethod, StringComparison.Ordinal);
        Assert.Contains("alipay.qr", byMethod, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByText("4 payment(s)", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#elsewhere")).ToHaveTextAsync("Outside the map: US 1.");
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"console-reports-{name}");

        await page.GetByLabel("Export grouped by").SelectOptionAsync("region");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        Assert.Equal($"payments-region-{today}-{today}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("CN-GD", csv, StringComparison.Ordinal);
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

    private async Task SignInAsync(IPage page, string key = PlatformFixture.DemoApiKey)
    {
        await page.GotoAsync(ConsoleUrl);
        await page.GetByLabel("Secret API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payments" })).ToBeVisibleAsync();
    }

    private async Task<string> OnboardAsync()
    {
        using var request = platform.Request(HttpMethod.Post, "api/ops/merchants", PlatformFixture.OperatorKey, """{"name":"Console Report Tea"}""");
        var (status, merchant, _) = await scenario.SendAsync(request);
        Assert.True(status == System.Net.HttpStatusCode.Created, $"onboarding answered {status}: {merchant}");
        return (string)merchant["test_api_key"]!;
    }

    private async Task PaidAsync(string key, string method, string channel, string payerIp)
    {
        var payer = $$""","payer":{"ip":"{{payerIp}}"}""";
        var body = $$"""{"amount":2500,"currency":"cny","method":"{{method}}","merchant_order_id":"{{Scenario.NewOrderId()}}","description":"Tea"{{payer}}}""";
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", key, body);
        var (status, created, _) = await scenario.SendAsync(request);
        Assert.True(status == System.Net.HttpStatusCode.Created, $"create answered {status}: {created}");
        var id = (string)created["id"]!;
        Assert.Equal(System.Net.HttpStatusCode.OK, await scenario.SandboxPostAsync($"sandbox/{channel}/orders/{id}/pay"));
        await scenario.WaitForStatusAsync(id, "succeeded", TimeSpan.FromSeconds(60), key);
    }

    /// <summary>Reports count a payment as its completion runs, a moment after the payment reads succeeded.</summary>
    private async Task WaitForReportedAsync(string key, string day, int payments)
    {
        long counted = 0;
        for (var i = 0; i < 240 && counted < payments; i++)
        {
            using var request = platform.Request(HttpMethod.Get, $"api/v1/reports/payments?from={day}&to={day}&group_by=method", key);
            var (_, report, _) = await scenario.SendAsync(request);
            counted = report["data"]!.AsArray().Sum(r => (long)r!["payments"]!);
            if (counted < payments)
            {
                await Task.Delay(250);
            }
        }

        Assert.Equal(payments, counted);
    }

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

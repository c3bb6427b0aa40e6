using System.Net;
using System.Text.Json.Nodes;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PayFunctions.IntegrationTests;

namespace PayFunctions.BrowserTests;

/// <summary>The hosted cashier page in headless Chromium, against the real platform and the sandbox.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CheckoutPageTests(PlatformFixture platform, BrowserFixture browser)
{
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Payer_picks_a_method_pays_by_QR_and_sees_the_success_with_a_link_back()
    {
        var payment = await CreateCheckoutPaymentAsync(""","return_url":"https://shop.example/orders/42" """);
        var id = (string)payment["id"]!;
        Assert.Equal("checkout", (string?)payment["method"]);
        Assert.Null(payment["next_action"]);

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync((string)payment["checkout_url"]!);
        Assert.Equal(200, response!.Status);
        PageChecks.AssertHardened(response);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        var offered = await page.Locator("input[name=method]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
        Assert.Contains("wechat_pay.native", offered);
        Assert.DoesNotContain(offered, m => m.EndsWith(".jsapi", StringComparison.Ordinal) || m.EndsWith("code", StringComparison.Ordinal));
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await PageChecks.ScreenshotAsync(page, "checkout-choose-phone");

        await page.GetByLabel("WeChat Pay").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var qr = page.Locator("svg.qr");
        await qr.WaitForAsync();
        Assert.True(await qr.IsVisibleAsync());
        var box = await qr.BoundingBoxAsync();
        Assert.True(box is { Width: >= 200, Height: >= 200 }, "The QR code is too small to scan.");
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await PageChecks.ScreenshotAsync(page, "checkout-qr-phone");

        var placed = await scenario.GetPaymentAsync(id);
        Assert.Equal("wechat_pay.native", (string?)placed["method"]);
        Assert.Equal("display_qr_code", (string?)placed["next_action"]?["type"]);

        Assert.Equal(HttpStatusCode.OK, await scenario.SandboxPostAsync($"sandbox/wechat_pay/orders/{id}/pay"));
        var result = page.Locator("[data-result=succeeded]");
        await result.WaitForAsync();
        Assert.Equal("https://shop.example/orders/42", await page.GetByRole(AriaRole.Link, new() { Name = "Back to the merchant" }).GetAttributeAsync("href"));
        await PageChecks.ScreenshotAsync(page, "checkout-succeeded-phone");
        Assert.Equal("succeeded", (string?)(await scenario.GetPaymentAsync(id))["status"]);
    }

    [Fact]
    public async Task A_wrong_token_or_an_unknown_payment_is_not_found()
    {
        var payment = await CreateCheckoutPaymentAsync();
        var url = (string)payment["checkout_url"]!;
        var token = url[(url.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
        var forged = url.Replace(token, (token[0] == 'A' ? "B" : "A") + token[1..], StringComparison.Ordinal);

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        Assert.Equal(404, (await page.GotoAsync(forged))!.Status);
        Assert.Equal(404, (await page.GotoAsync(url.Split('?')[0]))!.Status);
        Assert.Equal(404, (await page.GotoAsync(url.Replace("/checkout/pay_", "/checkout/pay_0", StringComparison.Ordinal)))!.Status);
        using var status = await platform.Api.GetAsync(forged.Replace("?token=", "/status?token=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        using var good = await platform.Api.GetAsync(url.Replace("?token=", "/status?token=", StringComparison.Ordinal));
        Assert.Equal("choose", (string?)JsonNode.Parse(await good.Content.ReadAsStringAsync())!["state"]);
    }

    [Fact]
    public async Task The_page_is_Chinese_for_a_Chinese_browser_keyboard_operable_and_fits_phone_and_desktop()
    {
        var payment = await CreateCheckoutPaymentAsync();
        await using var phone = await browser.NewContextAsync(locale: "zh-CN");
        var page = await phone.NewPageAsync();
        await page.GotoAsync((string)payment["checkout_url"]!);
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "继续" }).IsVisibleAsync());

        // Keyboard: the language link, then the method group, then the button; focus is drawn.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("A", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("method", await page.EvaluateAsync<string>("document.activeElement.name"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await PageChecks.ScreenshotAsync(page, "checkout-choose-phone-zh");

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));

        await using var desktop = await browser.NewContextAsync(1280, 800);
        var wide = await desktop.NewPageAsync();
        await wide.GotoAsync((string)payment["checkout_url"]! + "&lang=en");
        Assert.Equal("en", await wide.GetAttributeAsync("html", "lang"));
        await PageChecks.AssertNoHorizontalOverflowAsync(wide);
        var card = await wide.Locator(".card").First.BoundingBoxAsync();
        Assert.True(card is { Width: <= 480 }, "The card should keep a readable width on a desktop.");
        await PageChecks.ScreenshotAsync(wide, "checkout-choose-desktop");
    }

    private async Task<JsonObject> CreateCheckoutPaymentAsync(string extra = "")
    {
        var body = $$"""{"amount":1888,"currency":"cny","method":"checkout","merchant_order_id":"{{Scenario.NewOrderId()}}","description":"Flat white & <b>cake</b>"{{extra}}}""";
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", json: body);
        var (status, created, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"create answered {status}: {created}\n{platform.HostLogTail()}");
        return created;
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PayFunctions.IntegrationTests;

namespace PayFunctions.BrowserTests;

/// <summary>UnionPay's online gateway from the cashier page: the platform's page posts the signed form, UnionPay posts the payer back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UnionPayGatewayTests(PlatformFixture platform, BrowserFixture browser)
{
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Payer_goes_from_the_cashier_to_UnionPays_page_pays_and_comes_back_to_the_success()
    {
        var body = $$"""{"amount":1888,"currency":"cny","method":"checkout","payment_method_types":["unionpay.gateway"],"merchant_order_id":"{{Scenario.NewOrderId()}}","description":"Flat white"}""";
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", json: body);
        var (status, payment, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"create answered {status}: {payment}");
        var id = (string)payment["id"]!;

        await using var context = await browser.NewContextAsync(1280, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync((string)payment["checkout_url"]!);
        await page.GetByLabel("UnionPay").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var placed = await scenario.GetPaymentAsync(id);
        Assert.Equal("unionpay.gateway", (string?)placed["method"]);
        Assert.Equal("redirect_to_url", (string?)placed["next_action"]?["type"]);

        // The cashier's button opens the platform's page, whose script posts the form on to UnionPay.
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to pay" }).ClickAsync();
        await page.WaitForURLAsync(new Uri(platform.Sandbox.BaseAddress!, "gateway/api/frontTransReq.do").AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "银联在线支付" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "支付", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(CheckoutPage(id));
        await page.Locator("[data-result=succeeded]").WaitForAsync();
        await PageChecks.ScreenshotAsync(page, "checkout-unionpay-gateway-succeeded-desktop");
        Assert.Equal("succeeded", (string?)(await scenario.GetPaymentAsync(id))["status"]);
    }

    private static Regex CheckoutPage(string id) => new($"/api/checkout/{id}\\?token=", RegexOptions.CultureInvariant);
}

using System.Net;
using Microsoft.Playwright;
using PayFunctions.IntegrationTests;

namespace PayFunctions.BrowserTests.Stripe;

/// <summary>A card payment as the payer sees it: Stripe's hosted Checkout page, the issuer's 3-D Secure page, back to the merchant.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StripeCheckoutTests(PlatformFixture platform, BrowserFixture browser)
{
    private const string ReturnUrl = "https://shop.example/orders/return";

    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Payer_types_a_3D_Secure_card_on_Stripes_page_authenticates_and_returns_to_the_merchant_paid()
    {
        var body = $$"""{"amount":2599,"currency":"usd","method":"stripe.card","merchant_order_id":"{{Scenario.NewOrderId()}}","description":"Flat white","return_url":"{{ReturnUrl}}"}""";
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", json: body);
        var (status, payment, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"create answered {status}: {payment}");
        var id = (string)payment["id"]!;

        await using var context = await browser.NewContextAsync(1280, 800);

        // The merchant's page is not on this machine: the browser is shown a stand-in.
        await context.RouteAsync(ReturnUrl, route => route.FulfillAsync(new() { Body = "<!doctype html><title>Shop</title><h1>Thank you</h1>", ContentType = "text/html" }));
        var page = await context.NewPageAsync();
        await page.GotoAsync((string)payment["next_action"]!["redirect_to_url"]!["url"]!);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Flat white" })).ToBeVisibleAsync();

        // A declined card leaves the payer on the page, free to try another.
        await FillCardAsync(page, "4000 0000 0000 0002");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Your card was declined.");

        await FillCardAsync(page, "4000 0027 6000 3184");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "3D Secure 2 Test Page" })).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, "stripe-3ds-challenge-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();

        await page.WaitForURLAsync(ReturnUrl);
        await scenario.WaitForStatusAsync(id, "succeeded", TimeSpan.FromSeconds(30));
    }

    private static async Task FillCardAsync(IPage page, string number)
    {
        await page.GetByLabel("Card number").FillAsync(number);
        await page.GetByLabel("Expiry (MM / YY)").FillAsync("12 / 34");
        await page.GetByLabel("CVC").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Pay ") }).ClickAsync();
    }
}

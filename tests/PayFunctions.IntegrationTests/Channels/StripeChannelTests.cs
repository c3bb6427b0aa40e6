using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PayFunctions.IntegrationTests.Channels;

/// <summary>
/// Cards through Stripe Checkout, end to end: the payer on Stripe's hosted page with a card that needs 3-D Secure, the
/// signed payment_intent.succeeded event delivered six times and once tampered, refunds in parts, closing, and a payment
/// whose webhook was lost found by query.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class StripeChannelTests(PlatformFixture platform)
{
    private const string Channel = "stripe";
    private const string ThreeDSecureCard = "4000002760003184";

    private readonly ChannelFlow flow = new(platform, Channel);

    public static TheoryData<string> OnlineMethods => ChannelFlow.OnlineMethods(Channel);

    public static TheoryData<string> ClosableMethods => CloseFlow.ClosableMethods(Channel);

    private RefundFlow Refunds => new(platform, flow);

    private CloseFlow Closes => new(platform, flow);

    [Theory]
    [MemberData(nameof(OnlineMethods))]
    public async Task Method_WhenPaidOnTheHostedPage_SucceedsOnceRefusesTamperedNotificationsAndRefundsInParts(string method)
    {
        var (recipient, split) = await flow.SplitAsync();
        var created = await flow.CreateAsync(ChannelFlow.Body(flow.Method(method), extra: split));
        var id = (string)created["id"]!;
        Assert.Equal("requires_action", (string?)created["status"]);
        Assert.Equal("redirect_to_url", (string?)created["next_action"]?["type"]);
        await PayOnHostedPageAsync(new Uri((string)created["next_action"]!["redirect_to_url"]!["url"]!));

        // The amount is inside the signed body: 10000 paid becomes 1.
        await flow.AssertPaidOnceAndTamperingRefusedAsync(id, recipient, body => Amount().Replace(body, "\"amount\":1"), "application/json");
        await Refunds.AssertRefundedInFullAsync(id, RefundedAtStripeAsync(id));
    }

    [Theory]
    [MemberData(nameof(ClosableMethods))]
    public async Task Close_ExpiresTheSession_AndAPaidOneIsFoundByQuery(string method)
    {
        await Closes.AssertClosedUnpaidAsync(method);
        await Closes.AssertClosingAPaidOrderFindsItByQueryAsync(method);
    }

    [Fact]
    public async Task ManualCapture_HoldsThePayersMoneyUntilTheMerchantCapturesIt_OrReleasesIt()
    {
        var scenario = new Scenario(platform);
        string Manual() => ChannelFlow.Body(flow.Method("stripe.card"), extra: ",\"capture_method\":\"manual\"");

        var held = await AuthorizedAsync(Manual());
        var heldId = (string)held["id"]!;
        Assert.NotNull(held["capture_before"]);
        await flow.WaitForWebhookAsync(heldId, "payment.requires_capture");
        Assert.Empty(await scenario.LedgerEntriesForAsync(heldId));

        var (captureStatus, captured) = await PostAsync(scenario, $"api/v1/payments/{heldId}/capture");
        Assert.Equal((HttpStatusCode.OK, "succeeded"), (captureStatus, (string?)captured["status"]));
        var (again, same) = await PostAsync(scenario, $"api/v1/payments/{heldId}/capture");
        Assert.Equal((HttpStatusCode.OK, "succeeded"), (again, (string?)same["status"]));
        Assert.Single(await scenario.LedgerEntriesForAsync(heldId));

        var released = (string)(await AuthorizedAsync(Manual()))["id"]!;
        var (closeStatus, closed) = await PostAsync(scenario, $"api/v1/payments/{released}/close");
        Assert.Equal((HttpStatusCode.OK, "closed"), (closeStatus, (string?)closed["status"]));
        var (late, refused) = await PostAsync(scenario, $"api/v1/payments/{released}/capture");
        Assert.Equal((HttpStatusCode.Conflict, "payment_unexpected_state"), (late, (string?)refused["code"]));
        Assert.Empty(await scenario.LedgerEntriesForAsync(released));
        await scenario.AssertLedgerInvariantAsync();
    }

    private async Task<JsonObject> AuthorizedAsync(string body)
    {
        var created = await flow.CreateAsync(body);
        Assert.Equal("manual", (string?)created["capture_method"]);
        Assert.Equal(HttpStatusCode.OK, await flow.PayAsync((string)created["id"]!, "{\"card\":\"4242424242424242\"}"));
        return await flow.WaitForStatusAsync((string)created["id"]!, "requires_capture");
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(Scenario scenario, string path)
    {
        using var request = platform.Request(HttpMethod.Post, path);
        var (status, body, _) = await scenario.SendAsync(request);
        return (status, body);
    }

    /// <summary>
    /// The payer's browser on Stripe's pages: the Checkout page takes the card (the platform never sees it), the issuer's
    /// 3-D Secure page is completed, and Stripe sends the payer to the merchant's return URL.
    /// </summary>
    private async Task PayOnHostedPageAsync(Uri checkout)
    {
        Assert.Equal(platform.Sandbox.BaseAddress!.Authority, checkout.Authority);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(checkout);
        Assert.Contains("name=\"cardnumber\"", page, StringComparison.Ordinal);

        using var card = await browser.PostAsync(checkout, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["cardnumber"] = ThreeDSecureCard,
            ["exp-date"] = "12 / 34",
            ["cvc"] = "123",
        }));
        Assert.Equal(HttpStatusCode.Redirect, card.StatusCode);
        var challenge = new Uri(checkout, card.Headers.Location!);
        Assert.StartsWith("/3ds/pi_", challenge.AbsolutePath, StringComparison.Ordinal);

        using var completed = await browser.PostAsync(challenge, new FormUrlEncodedContent(new Dictionary<string, string> { ["result"] = "complete" }));
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Equal(ChannelFlow.ReturnUrl, completed.Headers.Location!.AbsoluteUri);
    }

    /// <summary>The refund exists at Stripe under the platform's refund number, for its amount.</summary>
    private Func<JsonObject, Task> RefundedAtStripeAsync(string paymentId) => async refund =>
    {
        var order = await flow.WaitAtChannelAsync(flow.OrderPath(paymentId), o => o["refunds"]!.AsArray().Any(r => (string?)r!["metadata"]!["out_refund_no"] == (string?)refund["id"]));
        var atStripe = order["refunds"]!.AsArray().Single(r => (string?)r!["metadata"]!["out_refund_no"] == (string?)refund["id"])!;
        Assert.Equal(("succeeded", (long)refund["amount"]!), ((string?)atStripe["status"], (long)atStripe["amount"]!));
    };

    [GeneratedRegex("\"amount\":[0-9]+")]
    private static partial Regex Amount();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PayFunctions.IntegrationTests.Channels;

/// <summary>
/// PayPal through LocalHost: the payer approves on PayPal's page, the platform captures the approved order (PayPal takes
/// no money before), the capture's webhook and its duplicates make one success, a tampered one is refused, and the
/// capture is refunded in parts. PayPal has no close: a payment whose webhooks were lost is found by query at expiry
/// (<see cref="ExpiryTests"/>).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PayPalChannelTests(PlatformFixture platform)
{
    private const string Channel = "paypal";
    private const string CaptureCompleted = "PAYMENT.CAPTURE.COMPLETED";

    private readonly ChannelFlow flow = new(platform, Channel);

    [Fact]
    public async Task Checkout_ApprovedByThePayer_IsCapturedSucceedsOnceRefusesTamperingAndRefundsInParts()
    {
        await ListenAsync();
        var (recipient, split) = await flow.SplitAsync();
        var created = await flow.CreateAsync(ChannelFlow.Body(flow.Method("paypal.checkout"), extra: split));
        var id = (string)created["id"]!;
        Assert.Equal("requires_action", (string?)created["status"]);
        Assert.Equal("redirect_to_url", (string?)created["next_action"]?["type"]);
        await ApproveOnPayPalsPageAsync(new Uri((string)created["next_action"]!["redirect_to_url"]!["url"]!));

        // The approval moved no money; the platform's capture did, and PayPal's capture webhook says so.
        var paid = await flow.WaitForStatusAsync(id, "succeeded");
        var order = await flow.WaitAtChannelAsync(flow.OrderPath(id), o => (string?)o["capture_status"] == "COMPLETED");
        Assert.Equal((string?)order["capture_id"], (string?)paid["channel_trade_no"]);
        ChannelFlow.AssertSplit(paid, recipient);
        await flow.WaitForWebhookAsync(id, "payment.succeeded");

        Assert.Equal(HttpStatusCode.Accepted, await flow.ResendAsync(id, 5));
        var captures = await CaptureDeliveriesAsync(id, 6);
        Assert.Single(captures.Select(d => (string?)d["body"]).Distinct());
        Assert.Equal(6, captures.Select(d => (string?)d["headers"]!["PAYPAL-TRANSMISSION-ID"]).Distinct().Count());
        Assert.All(captures, d => Assert.True((int?)d["status"] is 200, $"a duplicate was answered {d["status"]}: {d}"));
        Assert.Single(await flow.Scenario.LedgerEntriesForAsync(id));
        Assert.Single((await flow.Scenario.WebhooksForAsync(id)).Select(w => (string?)w["headers"]!["webhook-id"]).Distinct());

        // The amount is inside the signed body: 100.00 captured becomes 1.00.
        await flow.AssertTamperedRefusedAsync(id, captures[0], body => body.Replace("\"value\":\"100.00\"", "\"value\":\"1.00\"", StringComparison.Ordinal), "application/json");
        await flow.Scenario.AssertLedgerInvariantAsync();
        await new RefundFlow(platform, flow).AssertRefundedInFullAsync(id, RefundedAtPayPalAsync);
    }

    [Fact]
    public async Task Close_IsRefusedBecausePayPalCannotVoidAnOrder()
    {
        var id = (string)(await flow.CreateAsync(ChannelFlow.Body(flow.Method("paypal.checkout"))))["id"]!;
        using var close = platform.Request(HttpMethod.Post, $"api/v1/payments/{id}/close");
        var (status, body, _) = await flow.Scenario.SendAsync(close);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("payment_close_unsupported", (string?)body["code"]);
        Assert.Equal("requires_action", (string?)(await flow.Scenario.GetPaymentAsync(id))["status"]);
        Assert.Empty(await flow.Scenario.LedgerEntriesForAsync(id));
    }

    /// <summary>The app's webhook listener, as set in PayPal's dashboard, is this host's notify route.</summary>
    private async Task ListenAsync()
    {
        using var response = await platform.Sandbox.PutAsJsonAsync("sandbox/paypal/webhook", new { url = new Uri(platform.Api.BaseAddress!, "api/notify/paypal").AbsoluteUri });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The payer's browser: PayPal's page, "Pay Now", and back to the merchant's return_url with PayPal's order token.</summary>
    private async Task ApproveOnPayPalsPageAsync(Uri link)
    {
        Assert.Equal(platform.Sandbox.BaseAddress!.Authority, link.Authority);
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"];
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = platform.Sandbox.BaseAddress };
        using var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var approved = await browser.PostAsync($"sandbox/paypal/checkout/{token}/approve", null);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.StartsWith($"{ChannelFlow.ReturnUrl}?token={token}&PayerID=", approved.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<JsonObject>> CaptureDeliveriesAsync(string id, int count)
    {
        IReadOnlyList<JsonObject> captures = [];
        await flow.WaitAtChannelAsync(flow.OrderPath(id) + "/notifications", deliveries =>
        {
            captures = [.. deliveries.AsArray().Select(d => d!.AsObject()).Where(d => (string?)d["event_type"] == CaptureCompleted)];
            return captures.Count >= count && captures.All(d => d["status"] is not null);
        });
        return captures;
    }

    /// <summary>PayPal holds the refund under the capture with the refund's id as its invoice_id, and notified it.</summary>
    private async Task RefundedAtPayPalAsync(JsonObject refund)
    {
        var order = JsonNode.Parse(await platform.Sandbox.GetStringAsync(flow.OrderPath((string)refund["payment"]!)))!;
        var atPayPal = Assert.Single(order["refunds"]!.AsArray(), r => (string?)r!["invoice_id"] == (string?)refund["id"]);
        Assert.Equal((long)refund["amount"]!, (long?)atPayPal!["amount"]);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PayFunctions.IntegrationTests.Channels;

[Collection(PlatformCollection.Name)]
public sealed partial class UnionPayChannelTests(PlatformFixture platform)
{
    private const string Channel = "unionpay";

    // 19 digits starting 62, as UnionPay issues them.
    private const string PaymentCode = "6222021234567890123";

    private readonly ChannelFlow flow = new(platform, Channel);

    public static TheoryData<string> OnlineMethods => ChannelFlow.OnlineMethods(Channel);

    private RefundFlow Refunds => new(platform, flow);

    [Theory]
    [MemberData(nameof(OnlineMethods))]
    public async Task Method_WhenPaid_SucceedsOnceRefusesTamperedNotificationsAndRefundsInParts(string method)
    {
        var (recipient, split) = await flow.SplitAsync();
        var created = await flow.CreateAsync(ChannelFlow.Body(flow.Method(method), extra: split));
        var id = (string)created["id"]!;
        Assert.Equal("requires_action", (string?)created["status"]);
        if (method == "unionpay.gateway")
        {
            Assert.Equal("redirect_to_url", (string?)created["next_action"]?["type"]);
            await UnionPayGatewayPayer.PayAsync(platform, id, new Uri((string)created["next_action"]!["redirect_to_url"]!["url"]!));
        }
        else
        {
            Assert.Equal("display_qr_code", (string?)created["next_action"]?["type"]);
            Assert.StartsWith("https://qr.95516.com/", (string?)created["next_action"]?["display_qr_code"]?["data"], StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, await flow.PayAsync(id));
        }

        // The amount in fen is a signed field: 10000 paid becomes 1.
        await flow.AssertPaidOnceAndTamperingRefusedAsync(id, recipient, body => TxnAmt().Replace(body, "txnAmt=1"), "application/x-www-form-urlencoded");
        await Refunds.AssertRefundedInFullAsync(id, RefundNotifiedAsync);
    }

    [Fact]
    public async Task Barcode_PaidAtOnceConfirmedLaterOrReversed()
    {
        var till = new TillFlow(platform, flow);
        await Refunds.AssertRefundedInFullAsync(await till.AssertPaidAtOnceAsync(PaymentCode), RefundNotifiedAsync);

        // ACP cannot void a consume still pending (05): the platform retries until it has an outcome, here a payment
        // confirmed after the till gave up, which it voids.
        var (_, abandoned) = await till.AssertConfirmedLaterOrReversedAsync(PaymentCode, """{"kind":"user_paying","times":2}""", confirmsTooLate: true);
        var transaction = JsonNode.Parse(await platform.Sandbox.GetStringAsync(flow.OrderPath((string)abandoned["id"]!)))!;
        Assert.Equal(ChannelFlow.Amount, (long?)transaction["reversed"]);
        await flow.Scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task Close_UnpaidQrCode_IsRefusedBecauseUnionPayHasNoClose()
    {
        var id = (string)(await flow.CreateAsync(ChannelFlow.Body(flow.Method("unionpay.qr"))))["id"]!;
        using var close = platform.Request(HttpMethod.Post, $"api/v1/payments/{id}/close");
        var (status, body, _) = await flow.Scenario.SendAsync(close);

        // The QR code stays payable at UnionPay until its payTimeout, the payment's expires_at: the platform says so
        // rather than call a payment closed that could still be paid.
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("payment_close_unsupported", (string?)body["code"]);
        Assert.Equal("requires_action", (string?)(await flow.Scenario.GetPaymentAsync(id))["status"]);

        // And it can still be paid: the payment succeeds as any other.
        Assert.Equal(HttpStatusCode.OK, await flow.PayAsync(id));
        await flow.WaitForStatusAsync(id, "succeeded");
        Assert.Single(await flow.Scenario.LedgerEntriesForAsync(id));
    }

    /// <summary>A 退货 is a transaction of its own at UnionPay, ended by its back notification, which the platform acknowledged.</summary>
    private async Task RefundNotifiedAsync(JsonObject refund)
    {
        var shown = await flow.WaitAtChannelAsync(flow.OrderPath((string)refund["id"]!), r => (bool?)r["acknowledged"] == true);
        Assert.Equal("04", (string?)shown["txn_type"]);
        Assert.Equal("Succeeded", (string?)shown["state"]);
        Assert.Equal((long)refund["amount"]!, (long?)shown["txn_amt"]);
    }

    [GeneratedRegex(@"txnAmt=[0-9]+")]
    private static partial Regex TxnAmt();
}

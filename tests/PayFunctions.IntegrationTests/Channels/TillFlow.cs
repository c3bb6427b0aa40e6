using System.Net;
using System.Text.Json.Nodes;
using PayFunctions.Channels;

namespace PayFunctions.IntegrationTests.Channels;

/// <summary>
/// A channel's barcode method at the till: the cashier scans the payer's payment code and the create call
/// answers as soon as the channel has taken it, <c>processing</c> (or already <c>succeeded</c>). The simulator's
/// faults decide whether the payer confirms at once, later (the platform polls) or never (the platform reverses
/// after its confirm window).
/// </summary>
public sealed class TillFlow(PlatformFixture platform, ChannelFlow flow)
{
    private PaymentMethodCapability Barcode => flow.Capabilities.Methods.Single(m => m.NextAction == NextActionType.None);

    /// <summary>
    /// <c>method: "auto"</c> with a code of this channel's: resolved to the channel's barcode method and paid at once,
    /// with its split, one ledger entry and a signed webhook. Answers the payment's id.
    /// </summary>
    public async Task<string> AssertPaidAtOnceAsync(string paymentCode)
    {
        var (recipient, split) = await flow.SplitAsync();
        var created = await flow.CreateAsync(ChannelFlow.Body(Barcode, paymentCode, split, methodName: "auto"));
        var id = (string)created["id"]!;
        Assert.Contains((string?)created["status"], new[] { "processing", "succeeded" });
        Assert.Null(created["next_action"]);
        var paid = await flow.WaitForStatusAsync(id, "succeeded");
        Assert.Equal(Barcode.Method, (string?)paid["method"]);
        Assert.Null(paid["next_action"]);
        Assert.NotNull((string?)paid["channel_trade_no"]);
        ChannelFlow.AssertSplit(paid, recipient);
        Assert.Single(await flow.Scenario.LedgerEntriesForAsync(id));
        await flow.WaitForWebhookAsync(id, "payment.succeeded");
        return id;
    }

    /// <summary>
    /// Two payers still confirming on their phones (<paramref name="userPayingFault"/> makes the simulator hold the
    /// next two payments, or null when it always does): one confirms while the platform polls and the payment succeeds;
    /// the other does not within the confirm window and the platform reverses it. A channel that refuses to reverse while
    /// the payer is still confirming is retried until the payer's attempt ends: <paramref name="confirmsTooLate"/> then
    /// confirms after the window, and the reversal gives the money back.
    /// </summary>
    public async Task<(JsonObject Confirmed, JsonObject Abandoned)> AssertConfirmedLaterOrReversedAsync(
        string paymentCode, string? userPayingFault, bool confirmsTooLate)
    {
        if (userPayingFault is not null)
        {
            Assert.Equal(HttpStatusCode.Accepted, await flow.FaultAsync(userPayingFault));
        }

        var confirmedBody = ChannelFlow.Body(Barcode, paymentCode);
        var abandonedBody = ChannelFlow.Body(Barcode, paymentCode);
        var confirmedCreate = flow.CreateAsync(confirmedBody);
        var abandonedCreate = flow.CreateAsync(abandonedBody);

        // The create call answers "processing": the till shows "waiting for the customer" meanwhile, and the
        // payer confirms on their phone.
        var confirmedId = await FindByOrderIdAsync((string)JsonNode.Parse(confirmedBody)!["merchant_order_id"]!);
        await WaitAtChannelAsync(confirmedId);
        Assert.Equal(HttpStatusCode.OK, await flow.PayAsync(confirmedId));

        var abandonedId = await FindByOrderIdAsync((string)JsonNode.Parse(abandonedBody)!["merchant_order_id"]!);
        if (confirmsTooLate)
        {
            // The window opens when the channel has the order, however long a loaded machine took to place it.
            await WaitAtChannelAsync(abandonedId);
            await Task.Delay(PlatformFixture.BarcodeConfirmWindow + TimeSpan.FromSeconds(3));
            Assert.Equal(HttpStatusCode.OK, await flow.PayAsync(abandonedId));
        }

        var abandoned = await abandonedCreate;
        Assert.Equal(abandonedId, (string?)abandoned["id"]);
        Assert.Equal("processing", (string?)(await confirmedCreate)["status"]);
        var confirmed = await flow.WaitForStatusAsync(confirmedId, "succeeded");
        Assert.Single(await flow.Scenario.LedgerEntriesForAsync(confirmedId));
        await flow.WaitForWebhookAsync(confirmedId, "payment.succeeded");

        var failed = await flow.WaitForStatusAsync(abandonedId, "failed");
        Assert.Equal("payment_not_confirmed", (string?)failed["failure_code"]);
        Assert.Empty(await flow.Scenario.LedgerEntriesForAsync(abandonedId));
        await flow.WaitForWebhookAsync(abandonedId, "payment.failed");
        return (confirmed, failed);
    }

    private async Task<string> FindByOrderIdAsync(string merchantOrderId)
    {
        for (var i = 0; i < 100; i++)
        {
            using var request = platform.Request(HttpMethod.Get, "api/v1/payments?limit=100");
            var (_, list, _) = await flow.Scenario.SendAsync(request);
            var found = list["data"]?.AsArray().FirstOrDefault(p => (string?)p!["merchant_order_id"] == merchantOrderId);
            if (found is not null)
            {
                return (string)found["id"]!;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No payment for {merchantOrderId}.");
        return "";
    }

    private async Task WaitAtChannelAsync(string id)
    {
        for (var i = 0; i < 100; i++)
        {
            using var response = await platform.Sandbox.GetAsync(flow.OrderPath(id));
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{id} never reached the channel.");
    }
}

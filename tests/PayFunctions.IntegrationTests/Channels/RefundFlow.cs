using System.Net;
using System.Text.Json.Nodes;
using PayFunctions.Channels;
using PayFunctions.Domain;

namespace PayFunctions.IntegrationTests.Channels;

/// <summary>
/// A channel's refunds driven end to end through its simulator's real refund flow (whatever the channel declares:
/// a synchronous answer, a refund query, a refund notification). The split of the refunds comes from the channel's
/// capabilities, so a channel added later is refunded by the same steps.
/// </summary>
public sealed class RefundFlow(PlatformFixture platform, ChannelFlow flow)
{
    /// <summary>The first part when the channel refunds in parts: a third, so neither part is half or the whole.</summary>
    public const long FirstPart = ChannelFlow.Amount / 3;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Refunds the succeeded payment <paramref name="paymentId"/> of <see cref="ChannelFlow.Amount"/>: a third and then
    /// the rest when the channel refunds in parts, else all at once. Each refund reaches <c>succeeded</c> with a signed
    /// <c>refund.succeeded</c> webhook and the ledger sound after it; <paramref name="atChannel"/> checks the simulator
    /// carried out each one (given the refund as the API shows it). Then nothing more can be refunded, the reversals
    /// undo the split exactly, the payment stays succeeded and every notification the channel sent about it was
    /// acknowledged.
    /// </summary>
    public async Task AssertRefundedInFullAsync(string paymentId, Func<JsonObject, Task> atChannel)
    {
        long?[] parts = flow.Capabilities.Supports(ChannelOperations.PartialRefund) ? [FirstPart, null] : [null];
        var refunded = 0L;
        var refundIds = new List<string>();
        foreach (var part in parts)
        {
            var (status, created) = await flow.Scenario.CreateRefundAsync(paymentId, part is { } amount ? $$"""{"amount":{{amount}}}""" : "{}");
            Assert.True(status == HttpStatusCode.Created, $"refund answered {status}: {created}");
            var expected = part ?? ChannelFlow.Amount - refunded;
            Assert.Equal(expected, (long)created["amount"]!);
            var id = (string)created["id"]!;

            var done = await flow.Scenario.WaitForRefundAsync(id, "succeeded", Patience);
            Assert.NotNull((string?)done["succeeded_at"]);
            Assert.Null(done["failure_code"]);
            await atChannel(done);
            await flow.WaitForWebhookAsync(id, "refund.succeeded");
            await flow.Scenario.AssertLedgerInvariantAsync();
            refunded += expected;
            refundIds.Add(id);
        }

        var (tooMuch, refused) = await flow.Scenario.CreateRefundAsync(paymentId, """{"amount":1}""");
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch);
        Assert.Equal("amount_too_large", (string?)refused["code"]);

        var payment = await flow.Scenario.GetPaymentAsync(paymentId);
        Assert.Equal("succeeded", (string?)payment["status"]);
        await AssertSplitReversedAsync(payment, refundIds);
        await AssertChannelNotificationsAcknowledgedAsync(paymentId);
        await flow.Scenario.AssertLedgerInvariantAsync();
    }

    /// <summary>The refunds' ledger entries take back from each payable account exactly what the payment's split gave it.</summary>
    private async Task AssertSplitReversedAsync(JsonObject payment, List<string> refundIds)
    {
        var book = LedgerBooks.Of(!(bool)payment["livemode"]!);
        var received = payment["allocations"]!.AsArray()
            .ToDictionary(a => book.Account(LedgerAccounts.Payable((string)a!["account"]!)), a => (long)a!["amount"]!);
        var reversals = (await LedgerSnapshot.ReadJournalAsync(platform.Storage))
            .Where(e => e.Kind == Postings.RefundKind && refundIds.Contains(e.Reference))
            .ToList();
        Assert.Equal(refundIds.Count, reversals.Count);
        // A converted payment's refunds also take back the FX margin (FxPaymentTests checks those lines); here, the payables.
        var reversed = reversals.SelectMany(e => e.Lines).Where(l => l.Side == EntrySide.Debit && LedgerSnapshot.IsPayable(l.Account))
            .GroupBy(l => l.Account).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount.MinorUnits));
        Assert.Equal(received.OrderBy(kv => kv.Key, StringComparer.Ordinal), reversed.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    /// <summary>
    /// A channel that tells the payment's own notify address about its refunds (a trade status sync) must be answered
    /// as any notification is, or it keeps sending them.
    /// </summary>
    private async Task AssertChannelNotificationsAcknowledgedAsync(string paymentId)
    {
        var deadline = DateTime.UtcNow + Patience;
        List<JsonObject> deliveries;
        do
        {
            deliveries = [.. (await flow.Scenario.SandboxGetAsync(flow.OrderPath(paymentId) + "/notifications")).Select(d => d!.AsObject())];
            if (deliveries.All(d => d["status"] is not null))
            {
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.All(deliveries, d => Assert.True((bool?)d["acknowledged"] == true, $"a notification of {paymentId} was not acknowledged: {d}"));
    }
}

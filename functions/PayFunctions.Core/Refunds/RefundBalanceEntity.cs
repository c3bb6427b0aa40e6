using System.Text.Json;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Refunds;

/// <summary>
/// What a payment has left to refund, keyed (merchant, payment). Every change goes through its
/// ETag, so concurrent refunds are serialised here before anything reaches the channel. It remembers
/// each refund's reservation, so releasing or completing one twice changes nothing.
/// </summary>
public sealed class RefundBalanceEntity : TableRow
{
    public long Captured { get; set; }

    public string Currency { get; set; } = "";

    /// <summary>Pending and succeeded refunds: what can no longer be refunded.</summary>
    public long Reserved { get; set; }

    /// <summary>Succeeded refunds only: the running total the ledger reversal is cut from.</summary>
    public long Refunded { get; set; }

    public string SlotsJson { get; set; } = "{}";

    public Dictionary<string, RefundSlot> Slots() => JsonSerializer.Deserialize<Dictionary<string, RefundSlot>>(SlotsJson) ?? [];

    public void Save(Dictionary<string, RefundSlot> slots) => SlotsJson = JsonSerializer.Serialize(slots);
}

/// <param name="RefundedBefore">For a succeeded refund, the succeeded total just before it: its ledger reversal is the step from there.</param>
public sealed record RefundSlot(long Amount, string State, long? RefundedBefore);

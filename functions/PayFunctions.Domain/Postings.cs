namespace PayFunctions.Domain;

/// <summary>The journal entries the gateway posts for business events.</summary>
public static class Postings
{
    /// <summary>The kind of the entry posted when a channel captures a payment.</summary>
    public const string PaymentCapturedKind = "payment_captured";

    /// <summary>The kind of the entry posted when money arrives at a channel for a payment that had already ended.</summary>
    public const string LatePaymentKind = "late_payment";

    /// <summary>The kind of the entry posted when a channel gives a late payment back to its payer.</summary>
    public const string LatePaymentRefundKind = "late_payment_refund";

    /// <summary>The kind of the entry posted when a channel refunds (part of) a captured payment.</summary>
    public const string RefundKind = "refund";

    /// <summary>The kind of the entry posted when a statement shows a channel charged another fee than expected.</summary>
    public const string ChannelFeeCorrectionKind = "channel_fee_correction";

    /// <summary>The kind of the entry posted when an operator releases a payment held for risk review.</summary>
    public const string RiskReleaseKind = "risk_release";

    /// <summary>The kind of the entry posted when a balance is settled to an account.</summary>
    public const string SettlementKind = "settlement";

    /// <summary>
    /// Debits the channel's clearing account with the gross and credits each party's payable account with its
    /// allocation. Zero allocations are skipped because ledger lines must be positive.
    /// </summary>
    /// <exception cref="ArgumentException">The allocations do not add up to the gross.</exception>
    public static JournalEntry PaymentCaptured(
        string entryId, string paymentId, string channel, Money gross, IReadOnlyList<SplitAllocation> allocations, DateTimeOffset postedAt)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        var lines = new List<LedgerLine>(allocations.Count + 1) { new(LedgerAccounts.ChannelClearing(channel), EntrySide.Debit, gross) };
        lines.AddRange(allocations
            .Where(a => a.Amount.MinorUnits != 0)
            .Select(a => new LedgerLine(LedgerAccounts.Payable(a.AccountId), EntrySide.Credit, a.Amount)));
        return JournalEntry.Create(entryId, PaymentCapturedKind, paymentId, postedAt, lines);
    }

    /// <summary>
    /// The capture of a payment held for risk review: the same entry, but each party's share credited to its
    /// <see cref="LedgerAccounts.RiskHold"/> account instead of its payable, in the one entry, so no settlement can run
    /// between a credit and its hold. Works on any capture (with or without conversion): only payable credits move.
    /// </summary>
    public static JournalEntry HeldForReview(JournalEntry capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        return capture with
        {
            Lines = [.. capture.Lines.Select(l =>
                l.Side == EntrySide.Credit && LedgerAccounts.TryParsePayable(l.Account, out var owner) ? l with { Account = LedgerAccounts.RiskHold(owner) } : l)],
        };
    }

    /// <summary>Whether <paramref name="capture"/>, in either book, holds shares for review.</summary>
    public static bool IsHeldForReview(JournalEntry capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        return capture.Lines.Any(l => LedgerAccounts.TryParseRiskHold(
            l.Account.StartsWith(LedgerBooks.TestPrefix, StringComparison.Ordinal) ? l.Account[LedgerBooks.TestPrefix.Length..] : l.Account, out _));
    }

    /// <summary>
    /// Releases a reviewed payment's held shares to the parties' payables, posted when the operator releases it, so the
    /// next settlement after the release pays them.
    /// </summary>
    /// <param name="entryId">Derived from the payment, so a repeated release posts nothing twice.</param>
    /// <param name="paymentId">The payment released.</param>
    /// <param name="held">The shares the capture held: each party and its amount.</param>
    /// <param name="postedAt">When the operator released it.</param>
    /// <exception cref="ArgumentException">Nothing is held.</exception>
    public static JournalEntry RiskReleased(string entryId, string paymentId, IReadOnlyList<SplitAllocation> held, DateTimeOffset postedAt)
    {
        ArgumentNullException.ThrowIfNull(held);
        var lines = new List<LedgerLine>(held.Count * 2);
        foreach (var share in held.Where(a => a.Amount.MinorUnits != 0))
        {
            lines.Add(new LedgerLine(LedgerAccounts.RiskHold(share.AccountId), EntrySide.Debit, share.Amount));
            lines.Add(new LedgerLine(LedgerAccounts.Payable(share.AccountId), EntrySide.Credit, share.Amount));
        }

        return JournalEntry.Create(entryId, RiskReleaseKind, paymentId, postedAt, lines);
    }

    /// <summary>Moves <paramref name="amount"/> from what is owed to <paramref name="accountId"/> to what is on its way to them.</summary>
    /// <exception cref="ArgumentException">The amount is not positive.</exception>
    public static JournalEntry Settlement(string entryId, string settlementId, string accountId, Money amount, DateTimeOffset postedAt) =>
        JournalEntry.Create(entryId, SettlementKind, settlementId, postedAt,
        [
            new(LedgerAccounts.Payable(accountId), EntrySide.Debit, amount),
            new(LedgerAccounts.PayoutsInTransit(accountId), EntrySide.Credit, amount),
        ]);

    /// <summary>
    /// Books what a channel charged beyond (or short of) the fee the platform expected on one movement: the channel pays
    /// out that much less (or more), so its clearing account is credited (or debited) and the difference is the
    /// platform's expense (or a return of it).
    /// </summary>
    /// <param name="entryId">The entry's id, derived from the difference it corrects so a re-run posts nothing twice.</param>
    /// <param name="reference">The payment whose fee differed.</param>
    /// <param name="channel">The channel that charged it.</param>
    /// <param name="difference">The fee charged minus the fee expected; never zero.</param>
    /// <param name="postedAt">When the channel booked the movement.</param>
    /// <exception cref="ArgumentException">The difference is zero.</exception>
    public static JournalEntry ChannelFeeCorrected(string entryId, string reference, string channel, Money difference, DateTimeOffset postedAt)
    {
        var (fees, clearing) = difference.MinorUnits > 0 ? (EntrySide.Debit, EntrySide.Credit) : (EntrySide.Credit, EntrySide.Debit);
        var amount = new Money(Math.Abs(difference.MinorUnits), difference.Currency);
        return JournalEntry.Create(entryId, ChannelFeeCorrectionKind, reference, postedAt,
        [
            new(LedgerAccounts.ChannelFees(channel), fees, amount),
            new(LedgerAccounts.ChannelClearing(channel), clearing, amount),
        ]);
    }

    /// <summary>
    /// Records money the channel captured for a payment that had already ended: the channel owes it to
    /// us, and we owe it back to the customer, so it is credited to suspense rather than to a payable.
    /// </summary>
    /// <exception cref="ArgumentException">The amount is not positive.</exception>
    public static JournalEntry LatePaymentReceived(string entryId, string paymentId, string channel, Money amount, DateTimeOffset postedAt) =>
        JournalEntry.Create(entryId, LatePaymentKind, paymentId, postedAt,
        [
            new(LedgerAccounts.ChannelClearing(channel), EntrySide.Debit, amount),
            new(LedgerAccounts.LatePaymentsSuspense, EntrySide.Credit, amount),
        ]);

    /// <summary>
    /// Records the refund of a late payment to its payer: the channel paid it out of what it owed us,
    /// and the customer is no longer owed anything, which empties the suspense the late payment filled.
    /// </summary>
    /// <exception cref="ArgumentException">The amount is not positive.</exception>
    public static JournalEntry LatePaymentRefunded(string entryId, string refundId, string channel, Money amount, DateTimeOffset postedAt) =>
        JournalEntry.Create(entryId, LatePaymentRefundKind, refundId, postedAt,
        [
            new(LedgerAccounts.LatePaymentsSuspense, EntrySide.Debit, amount),
            new(LedgerAccounts.ChannelClearing(channel), EntrySide.Credit, amount),
        ]);

    /// <summary>
    /// Reverses part of a capture: each party's payable is debited with its share of the refund (see
    /// <see cref="RefundAllocator"/>) and the channel's clearing account credited with the whole, as
    /// the channel pays the refund out of what it owes us. A payable already settled goes negative:
    /// a debt the party's next settlement recovers.
    /// </summary>
    /// <exception cref="ArgumentException">The reversals do not add up to the amount, or the amount is not positive.</exception>
    public static JournalEntry RefundSucceeded(
        string entryId, string refundId, string channel, Money amount, IReadOnlyList<SplitAllocation> reversals, DateTimeOffset postedAt)
    {
        ArgumentNullException.ThrowIfNull(reversals);
        var lines = new List<LedgerLine>(reversals.Count + 1);
        lines.AddRange(reversals
            .Where(r => r.Amount.MinorUnits != 0)
            .Select(r => new LedgerLine(LedgerAccounts.Payable(r.AccountId), EntrySide.Debit, r.Amount)));
        lines.Add(new LedgerLine(LedgerAccounts.ChannelClearing(channel), EntrySide.Credit, amount));
        return JournalEntry.Create(entryId, RefundKind, refundId, postedAt, lines);
    }
}

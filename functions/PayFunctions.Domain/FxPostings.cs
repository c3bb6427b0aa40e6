namespace PayFunctions.Domain;

/// <summary>
/// The journal entries of cross-currency payments. Each is balanced per currency: the presentment currency passes
/// from the channel's clearing account to <see cref="LedgerAccounts.FxConversion"/>, and the settlement currency
/// from <see cref="LedgerAccounts.FxConversion"/> (at the reference rate) to the parties' payables (at the locked
/// rate) and the platform's margin (<see cref="LedgerAccounts.FxMargin"/>).
/// </summary>
public static class FxPostings
{
    /// <summary>
    /// The capture of <paramref name="gross"/> whose <paramref name="allocations"/> split its settlement amount.
    /// Zero amounts are skipped, because ledger lines must be positive.
    /// </summary>
    /// <exception cref="ArgumentException">The allocations do not add up to the quote's settlement amount, or the gross is not in its presentment currency.</exception>
    public static JournalEntry PaymentCaptured(
        string entryId, string paymentId, string channel, Money gross, FxQuote quote, IReadOnlyList<SplitAllocation> allocations, DateTimeOffset postedAt)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(allocations);
        RequirePresentment(gross, quote);
        var settled = quote.SettlementAmount(gross.MinorUnits);
        if (allocations.Aggregate(Money.Zero(quote.Settlement), (sum, a) => sum + a.Amount) != settled)
        {
            throw new ArgumentException($"The allocations must add up to the settlement amount {settled}.", nameof(allocations));
        }

        var reference = quote.ReferenceAmount(gross.MinorUnits);
        var lines = new List<LedgerLine>(allocations.Count + 4)
        {
            new(LedgerAccounts.ChannelClearing(channel), EntrySide.Debit, gross),
            new(LedgerAccounts.FxConversion, EntrySide.Credit, gross),
        };
        AddIfPositive(lines, LedgerAccounts.FxConversion, EntrySide.Debit, reference);
        lines.AddRange(allocations
            .Where(a => a.Amount.IsPositive)
            .Select(a => new LedgerLine(LedgerAccounts.Payable(a.AccountId), EntrySide.Credit, a.Amount)));
        AddIfPositive(lines, LedgerAccounts.FxMargin, EntrySide.Credit, reference - settled);
        return JournalEntry.Create(entryId, Postings.PaymentCapturedKind, paymentId, postedAt, lines);
    }

    /// <summary>
    /// A refund of <paramref name="amount"/>: the channel pays it back out of clearing, which
    /// <see cref="LedgerAccounts.FxConversion"/> gives up in the presentment currency; in the settlement currency the
    /// parties and the margin give back <paramref name="reversal"/> to <see cref="LedgerAccounts.FxConversion"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The amount is not positive or not in the quote's presentment currency.</exception>
    public static JournalEntry RefundSucceeded(
        string entryId, string refundId, string channel, Money amount, FxQuote quote, FxReversal reversal, DateTimeOffset postedAt)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(reversal);
        RequirePresentment(amount, quote);
        var lines = new List<LedgerLine>(reversal.Payables.Count + 4)
        {
            new(LedgerAccounts.FxConversion, EntrySide.Debit, amount),
            new(LedgerAccounts.ChannelClearing(channel), EntrySide.Credit, amount),
        };
        lines.AddRange(reversal.Payables
            .Where(p => p.Amount.IsPositive)
            .Select(p => new LedgerLine(LedgerAccounts.Payable(p.AccountId), EntrySide.Debit, p.Amount)));
        AddIfPositive(lines, LedgerAccounts.FxMargin, EntrySide.Debit, reversal.Margin);
        AddIfPositive(lines, LedgerAccounts.FxConversion, EntrySide.Credit, reversal.Settlement + reversal.Margin);
        return JournalEntry.Create(entryId, Postings.RefundKind, refundId, postedAt, lines);
    }

    private static void RequirePresentment(Money amount, FxQuote quote)
    {
        if (amount.Currency != quote.Presentment)
        {
            throw new ArgumentException($"The amount must be in {quote.Presentment}, the quote's presentment currency.", nameof(amount));
        }
    }

    private static void AddIfPositive(List<LedgerLine> lines, string account, EntrySide side, Money amount)
    {
        if (amount.IsPositive)
        {
            lines.Add(new LedgerLine(account, side, amount));
        }
    }
}

namespace PayFunctions.Domain;

/// <summary>Splits journal entries into per-account lines; the projection must always be derivable from the journal this way.</summary>
public static class LedgerProjection
{
    /// <summary>One line per account and currency the entry touches, ordered by account then currency code.</summary>
    public static IReadOnlyList<AccountLine> Project(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return
        [
            .. entry.Lines
                .GroupBy(l => (l.Account, l.Amount.Currency))
                .OrderBy(g => g.Key.Account, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Currency.Code, StringComparer.Ordinal)
                .Select(g => new AccountLine(
                    g.Key.Account,
                    entry.Id,
                    entry.Kind,
                    entry.Reference,
                    entry.PostedAt,
                    g.Key.Currency,
                    g.Where(l => l.Side == EntrySide.Credit).Sum(l => l.Amount.MinorUnits),
                    g.Where(l => l.Side == EntrySide.Debit).Sum(l => l.Amount.MinorUnits))),
        ];
    }
}

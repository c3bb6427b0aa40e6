namespace PayFunctions.Domain;

/// <summary>Balances read off the journal.</summary>
public static class LedgerBalances
{
    /// <summary>
    /// Credits minus debits of one account, per currency, ordered by currency code; currencies whose
    /// balance is zero are left out. For liability accounts (payables, payouts in transit) a positive
    /// balance is what the platform owes.
    /// </summary>
    public static IReadOnlyList<Money> CreditBalance(IEnumerable<JournalEntry> entries, string account)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var balances = new Dictionary<Currency, long>();
        foreach (var line in entries.SelectMany(e => e.Lines).Where(l => l.Account == account))
        {
            balances.TryGetValue(line.Amount.Currency, out var balance);
            balances[line.Amount.Currency] = line.Side == EntrySide.Credit
                ? checked(balance + line.Amount.MinorUnits)
                : checked(balance - line.Amount.MinorUnits);
        }

        return
        [
            .. balances.Where(b => b.Value != 0)
                .OrderBy(b => b.Key.Code, StringComparer.Ordinal)
                .Select(b => new Money(b.Value, b.Key)),
        ];
    }
}

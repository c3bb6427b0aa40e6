namespace PayFunctions.Domain;

/// <summary>Balances read off an account's projected lines.</summary>
public static class LedgerBalances
{
    /// <summary>
    /// Credits minus debits of one account, per currency, ordered by currency code; currencies whose
    /// balance is zero are left out. For liability accounts (payables, payouts in transit) a positive
    /// balance is what the platform owes. Lines of other accounts are ignored.
    /// </summary>
    public static IReadOnlyList<Money> CreditBalance(IEnumerable<AccountLine> lines, string account)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var balances = new Dictionary<Currency, long>();
        foreach (var line in lines.Where(l => l.Account == account))
        {
            balances.TryGetValue(line.Currency, out var balance);
            balances[line.Currency] = checked(balance + line.CreditBalance.MinorUnits);
        }

        return
        [
            .. balances.Where(b => b.Value != 0)
                .OrderBy(b => b.Key.Code, StringComparer.Ordinal)
                .Select(b => new Money(b.Value, b.Key)),
        ];
    }
}

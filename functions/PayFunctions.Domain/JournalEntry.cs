namespace PayFunctions.Domain;

/// <summary>
/// An immutable, balanced double-entry posting. Entries are only ever appended; a correction is a new, reversing entry.
/// Build one with <see cref="Create"/>, which enforces the invariants.
/// </summary>
/// <param name="Id">Unique and deterministic, so a retried posting is recognised as the same entry.</param>
/// <param name="Kind">What happened, e.g. <see cref="Postings.PaymentCapturedKind"/>.</param>
/// <param name="Reference">The business object the entry belongs to, e.g. the payment id.</param>
/// <param name="PostedAt">When the entry takes effect in the ledger.</param>
/// <param name="Lines">At least two lines, debits equal to credits in every currency.</param>
public sealed record JournalEntry(string Id, string Kind, string Reference, DateTimeOffset PostedAt, IReadOnlyList<LedgerLine> Lines)
{
    /// <summary>Creates an entry after checking it has at least two lines, only positive amounts and balances in every currency.</summary>
    /// <exception cref="ArgumentException">The entry would break one of those rules.</exception>
    public static JournalEntry Create(string id, string kind, string reference, DateTimeOffset postedAt, IReadOnlyList<LedgerLine> lines)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentNullException.ThrowIfNull(lines);

        // Copied so a caller mutating its list afterwards cannot unbalance a validated entry.
        var entry = new JournalEntry(id, kind, reference, postedAt, lines.ToArray());
        var violations = entry.Violations();
        return violations.Count == 0 ? entry : throw new ArgumentException($"Journal entry '{id}': {string.Join(" ", violations)}", nameof(lines));
    }

    /// <summary>Everything that is wrong with this entry on its own; empty when it is well formed.</summary>
    public IReadOnlyList<string> Violations()
    {
        var violations = new List<string>();
        if (Lines is null || Lines.Count < 2)
        {
            violations.Add("An entry needs at least two lines.");
            return violations;
        }

        var balances = new Dictionary<Currency, long>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (line is null)
            {
                violations.Add($"Line {i} is null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Account))
            {
                violations.Add($"Line {i} has no account.");
            }

            if (!line.Amount.IsPositive)
            {
                violations.Add($"Line {i} ({line.Account}) has a non-positive amount {line.Amount}.");
                continue;
            }

            balances.TryGetValue(line.Amount.Currency, out var balance);
            balances[line.Amount.Currency] = line.Side == EntrySide.Debit
                ? checked(balance + line.Amount.MinorUnits)
                : checked(balance - line.Amount.MinorUnits);
        }

        foreach (var (currency, balance) in balances.Where(b => b.Value != 0).OrderBy(b => b.Key.Code, StringComparer.Ordinal))
        {
            violations.Add($"Not balanced in {currency}: debits minus credits is {new Money(balance, currency)}.");
        }

        return violations;
    }
}

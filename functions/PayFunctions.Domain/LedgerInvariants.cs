namespace PayFunctions.Domain;

/// <summary>Checks a set of stored entries, which may not have gone through <see cref="JournalEntry.Create"/>.</summary>
public static class LedgerInvariants
{
    /// <summary>Human-readable violations: unbalanced or malformed entries and duplicate ids. Empty when the ledger is sound.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var violations = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry is null)
            {
                violations.Add("A null entry.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(entry.Id))
            {
                violations.Add("An entry without an id.");
            }
            else if (!ids.Add(entry.Id))
            {
                violations.Add($"Entry id '{entry.Id}' is used more than once.");
            }

            violations.AddRange(entry.Violations().Select(v => $"Entry '{entry.Id}': {v}"));
        }

        return violations;
    }
}

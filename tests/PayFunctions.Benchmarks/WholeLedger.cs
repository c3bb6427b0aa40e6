using Azure.Data.Tables;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Benchmarks;

/// <summary>
/// The reads the balance and settlement planning did before the per-account projection, kept here only to
/// measure against: every journal row of every merchant, then the arithmetic over all of them.
/// </summary>
public static class WholeLedger
{
    public static async Task<IReadOnlyList<JournalEntry>> ReadAllAsync(StorageClients storage, CancellationToken cancellationToken)
    {
        var entries = new List<JournalEntry>();
        await foreach (var row in storage.Tables.GetTableClient(TableNames.Ledger).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            entries.Add(LedgerRows.ToEntry(row));
        }

        return entries;
    }

    /// <summary>Credits minus debits of one account in one currency over every line of every entry.</summary>
    public static long CreditBalance(IEnumerable<JournalEntry> entries, string account, Currency currency) =>
        entries.SelectMany(e => e.Lines)
            .Where(l => l.Account == account && l.Amount.Currency == currency)
            .Sum(l => l.Side == EntrySide.Credit ? l.Amount.MinorUnits : -l.Amount.MinorUnits);

    /// <summary>The former plan: every payable's balance from entries posted before the cut-off, for all accounts at once.</summary>
    public static IReadOnlyDictionary<string, long> Plan(IEnumerable<JournalEntry> entries, DateTimeOffset cutoffUtc)
    {
        var balances = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.PostedAt < cutoffUtc))
        {
            foreach (var line in entry.Lines)
            {
                if (LedgerAccounts.TryParsePayable(line.Account, out var accountId))
                {
                    balances.TryGetValue(accountId, out var balance);
                    balances[accountId] = balance + (line.Side == EntrySide.Credit ? line.Amount.MinorUnits : -line.Amount.MinorUnits);
                }
            }
        }

        return balances;
    }
}

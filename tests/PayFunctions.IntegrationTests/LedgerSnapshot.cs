using Azure.Data.Tables;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// The auditor's view: reads the whole journal and the whole per-account projection (which no request path
/// does) and checks them against each other. Remembers each journal row's ETag the first time it is seen; any
/// later difference means an entry was edited or deleted, which an append-only journal must never do.
/// </summary>
public static class LedgerSnapshot
{
    private static readonly Dictionary<string, string> Seen = new(StringComparer.Ordinal);

    public static async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(StorageClients storage) =>
        [.. (await ReadRowsAsync(storage, TableNames.Ledger)).Select(LedgerRows.ToEntry)];

    /// <summary>
    /// Every entry balanced per currency with a unique id; no journal row seen before has changed; every entry's
    /// lines are in the projection exactly (and nothing else is); and no payable account is negative in any currency.
    /// </summary>
    public static async Task AssertSoundAsync(StorageClients storage)
    {
        Dictionary<(string Account, string EntryId, Currency Currency), AccountLine> projected;
        List<TableEntity> journalRows;
        List<AccountLine> missing;
        var attempts = 0;
        do
        {
            // A post still in flight (another scenario's payment ending) may have its journal row before its lines;
            // its own retry completes it, so the audit waits a little rather than reading half a post.
            if (attempts++ > 0)
            {
                await Task.Delay(250);
            }

            // The projection first: every line read then was written after its journal row, so the journal read next has it.
            projected = await ReadProjectionAsync(storage);
            journalRows = await ReadRowsAsync(storage, TableNames.Ledger);
            missing = [.. journalRows.Select(LedgerRows.ToEntry).SelectMany(LedgerProjection.Project).Where(l => !projected.ContainsKey((l.Account, l.EntryId, l.Currency)))];
        }
        while (missing.Count > 0 && attempts < 20);

        var entries = journalRows.Select(LedgerRows.ToEntry).ToList();
        Assert.Empty(LedgerInvariants.Check(entries));
        Assert.True(missing.Count == 0, "Journal lines missing from the per-account projection: " + string.Join(", ", missing.Take(5)));
        var journalIds = entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var line in projected.Values)
        {
            Assert.True(journalIds.Contains(line.EntryId), $"{line.Account} has a line of {line.EntryId}, which the journal does not.");
        }

        foreach (var expected in entries.SelectMany(LedgerProjection.Project))
        {
            Assert.Equal(expected, projected[(expected.Account, expected.EntryId, expected.Currency)]);
        }

        foreach (var balance in projected.Values
            .Where(l => IsPayable(l.Account))
            .GroupBy(l => (l.Account, l.Currency))
            .Select(g => (g.Key, Balance: g.Sum(l => l.CreditBalance.MinorUnits))))
        {
            Assert.True(balance.Balance >= 0, $"{balance.Key.Account} is {balance.Balance} {balance.Key.Currency}.");
        }

        lock (Seen)
        {
            var current = journalRows.ToDictionary(r => r.PartitionKey, r => r.ETag.ToString(), StringComparer.Ordinal);
            foreach (var (id, etag) in Seen)
            {
                Assert.True(current.TryGetValue(id, out var now), $"Ledger entry {id} disappeared.");
                Assert.True(now == etag, $"Ledger entry {id} was modified.");
            }

            foreach (var (id, etag) in current)
            {
                Seen.TryAdd(id, etag);
            }
        }
    }

    private static async Task<Dictionary<(string Account, string EntryId, Currency Currency), AccountLine>> ReadProjectionAsync(StorageClients storage)
    {
        var projected = new Dictionary<(string Account, string EntryId, Currency Currency), AccountLine>();
        foreach (var row in await ReadRowsAsync(storage, TableNames.LedgerAccounts))
        {
            var line = LedgerRows.ToAccountLine(row);
            Assert.Equal(LedgerRows.AccountPartition(line.Account), row.PartitionKey);
            Assert.Equal(LedgerRows.AccountRowKey(line), row.RowKey);
            Assert.True(projected.TryAdd((line.Account, line.EntryId, line.Currency), line), $"{line.Account} has {line.EntryId} twice.");
        }

        return projected;
    }

    private static async Task<List<TableEntity>> ReadRowsAsync(StorageClients storage, string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in storage.Tables.GetTableClient(table).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A payable of either book: a party's own, or the platform's under the test book's prefix.</summary>
    public static bool IsPayable(string account) =>
        LedgerAccounts.TryParsePayable(
            account.StartsWith(LedgerBooks.TestPrefix, StringComparison.Ordinal) ? account[LedgerBooks.TestPrefix.Length..] : account, out _);
}

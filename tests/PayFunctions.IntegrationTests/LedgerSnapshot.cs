using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// Remembers each ledger row's ETag the first time it is seen; any later difference means an entry
/// was edited or deleted, which an append-only journal must never do.
/// </summary>
public static class LedgerSnapshot
{
    private static readonly Dictionary<string, string> Seen = new(StringComparer.Ordinal);

    public static async Task AssertAppendOnlyAsync(StorageClients storage)
    {
        var table = storage.Tables.GetTableClient(TableNames.Ledger);
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            current[row.PartitionKey] = row.ETag.ToString();
        }

        lock (Seen)
        {
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
}

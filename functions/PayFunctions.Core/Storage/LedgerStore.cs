using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PayFunctions.Domain;

namespace PayFunctions.Core.Storage;

/// <summary>
/// The append-only journal. Entries are only ever inserted, keyed by a deterministic id, so an
/// activity that runs twice posts once; there is deliberately no update or delete.
/// </summary>
public sealed class LedgerStore(StorageClients clients)
{
    private TableClient Table => clients.Tables.GetTableClient(TableNames.Ledger);

    /// <summary>Posts the entry; returns false when an entry with that id was already posted.</summary>
    public async Task<bool> PostAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(entry.Id, "entry")
        {
            ["Kind"] = entry.Kind,
            ["Reference"] = entry.Reference,
            ["PostedAt"] = entry.PostedAt,
            ["Lines"] = JsonSerializer.Serialize(entry.Lines.Select(l => new StoredLine(l.Account, l.Side, l.Amount.MinorUnits, l.Amount.Currency.Code))),
        };
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var entries = new List<JournalEntry>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            entries.Add(ToEntry(entity));
        }

        return entries;
    }

    private static JournalEntry ToEntry(TableEntity entity)
    {
        var lines = JsonSerializer.Deserialize<StoredLine[]>(entity.GetString("Lines")) ?? [];
        return JournalEntry.Create(
            entity.PartitionKey,
            entity.GetString("Kind"),
            entity.GetString("Reference"),
            entity.GetDateTimeOffset("PostedAt") ?? DateTimeOffset.MinValue,
            [.. lines.Select(l => new LedgerLine(l.Account, l.Side, new Money(l.Amount, Currency.Parse(l.Currency))))]);
    }

    private sealed record StoredLine(string Account, EntrySide Side, long Amount, string Currency);
}

using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Routing;

/// <summary>The instances' health rows: each writes its own, everyone reads all.</summary>
public sealed class ChannelHealthStore(StorageClients storage)
{
    private TableClient Table => storage.Tables.GetTableClient(TableNames.ChannelHealth);

    public async Task WriteAsync(ChannelHealthEntity row, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Every row: one per account and instance that reported, so a few hundred at most.</summary>
    public async Task<IReadOnlyList<ChannelHealthEntity>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var rows = new List<ChannelHealthEntity>();
        await foreach (var row in Table.QueryAsync<ChannelHealthEntity>(cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Removes a row of an instance that is gone, unless it was written again meanwhile.</summary>
    public async Task DeleteAsync(ChannelHealthEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Already gone, or its instance came back: nothing to remove.
        }
    }
}

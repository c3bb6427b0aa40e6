using Azure;
using Azure.Data.Tables;

namespace PayFunctions.Core.Storage;

public sealed class SettlementStore(StorageClients clients)
{
    private TableClient Table => clients.Tables.GetTableClient(TableNames.Settlements);

    public async Task RecordAsync(SettlementEntity settlement, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(settlement, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded by an earlier attempt of the same activity.
        }
    }

    public async Task<IReadOnlyList<SettlementEntity>> ListAsync(string accountId, CancellationToken cancellationToken)
    {
        var list = new List<SettlementEntity>();
        await foreach (var s in Table.QueryAsync<SettlementEntity>(s => s.PartitionKey == accountId, cancellationToken: cancellationToken))
        {
            list.Add(s);
        }

        return [.. list.OrderByDescending(s => s.SettlementDate, StringComparer.Ordinal)];
    }
}

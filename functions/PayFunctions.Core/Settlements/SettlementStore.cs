using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Settlements;

public sealed class SettlementStore(StorageClients clients)
{
    private TableClient Table => clients.Tables.GetTableClient(TableNames.Settlements);

    public async Task RecordAsync(SettlementEntity settlement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        settlement.PartitionKey = TableKeys.Escape(settlement.AccountId);
        try
        {
            await Table.AddEntityAsync(settlement, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded by an earlier attempt, or by another batch that rolled the same settlement forward.
        }
    }

    public async Task<bool> ExistsAsync(string accountId, string settlementId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(accountId), settlementId, ["RowKey"], cancellationToken);
        return row.HasValue;
    }

    public async Task<IReadOnlyList<SettlementEntity>> ListAsync(string accountId, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Escape(accountId);
        var list = new List<SettlementEntity>();
        await foreach (var s in Table.QueryAsync<SettlementEntity>(s => s.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            list.Add(s);
        }

        return [.. list.OrderByDescending(s => s.SettlementDate, StringComparer.Ordinal)];
    }
}

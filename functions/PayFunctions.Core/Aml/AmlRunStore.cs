using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Aml;

/// <summary>The latest run of each report day, in one small partition.</summary>
public sealed class AmlRunStore(StorageClients clients)
{
    private const string Partition = "run";

    private TableClient Table => clients.Tables.GetTableClient(TableNames.AmlRuns);

    public Task WriteAsync(AmlRunEntity run, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        (run.PartitionKey, run.RowKey) = (Partition, AmlIds.Format(day));
        return Table.UpsertEntityAsync(run, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<AmlRunEntity?> GetAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<AmlRunEntity>(Partition, AmlIds.Format(day), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }
}

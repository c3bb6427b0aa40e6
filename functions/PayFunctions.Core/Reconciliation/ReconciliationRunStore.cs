using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Reconciliation;

/// <summary>The latest run of each channel account's statement day, one partition per day (newest first).</summary>
public sealed class ReconciliationRunStore(StorageClients clients)
{
    private TableClient Table => clients.Tables.GetTableClient(TableNames.ReconciliationRuns);

    public Task WriteAsync(ReconciliationRunEntity run, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(run, TableUpdateMode.Replace, cancellationToken);

    public async Task<ReconciliationRunEntity?> GetAsync(string channel, string account, DateOnly day, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<ReconciliationRunEntity>(
            ReconciliationIds.DayPartition(day), ReconciliationIds.RunRow(channel, account), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }
}

using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Fx;

/// <summary>The reference rates an operator loaded, one row per day; a day, once loaded, is never rewritten.</summary>
public sealed class FxRatesStore(StorageClients clients)
{
    private TableClient Table => clients.Tables.GetTableClient(TableNames.FxRates);

    /// <summary>Inserts the day; when it is already there, answers the stored row and whether it holds the same rates.</summary>
    public async Task<(FxRatesEntity Stored, bool Inserted, bool Same)> AddAsync(FxRatesEntity day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        try
        {
            await Table.AddEntityAsync(day, cancellationToken);
            return (day, true, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var stored = (await Table.GetEntityAsync<FxRatesEntity>(day.PartitionKey, day.RowKey, cancellationToken: cancellationToken)).Value;
            return (stored, false, string.Equals(stored.RatesJson, day.RatesJson, StringComparison.Ordinal));
        }
    }

    /// <summary>The newest loaded day, or null when none was ever loaded: one row read.</summary>
    public async Task<FxRatesEntity?> NewestAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FxRatesEntity.EcbSource}");
        await foreach (var row in Table.QueryAsync<FxRatesEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return row;
        }

        return null;
    }
}

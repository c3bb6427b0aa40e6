using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;
using PayFunctions.Domain.Reports;

namespace PayFunctions.Core.Reports;

/// <summary>
/// The report counters. A completion is counted in one entity-group transaction per partition: the insert of its
/// marker, which fails when it was counted before, with each counter's new value, replaced under the ETag it was read
/// with (or inserted when new). Either all of it is written or none, so an activity run twice counts once; a
/// transaction that lost a race reads again and retries, so concurrent completions each count once; and counters are
/// sums, so the order completions arrive in does not matter. One query and one transaction per partition.
/// </summary>
public sealed class ReportStore(StorageClients clients)
{
    /// <summary>More than concurrent completions of one merchant and day can make one lose in a row.</summary>
    public const int MaxAttempts = 20;

    private readonly TableClient table = clients.Tables.GetTableClient(TableNames.Reports);

    /// <summary>Adds <paramref name="cells"/> to the counters of <paramref name="partition"/> unless <paramref name="marker"/> was counted. True when this call counted it.</summary>
    public async Task<bool> AddAsync(string partition, string marker, IReadOnlyCollection<ReportCell> cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var sums = new Dictionary<string, ReportCounters>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            var key = ReportKeys.Counter(cell.Dimension, cell.Key, cell.Currency);
            sums[key] = sums.GetValueOrDefault(key).Add(cell.Counters);
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + " and ("
            + string.Join(" or ", sums.Keys.Append(marker).Select(k => TableClient.CreateQueryFilter($"RowKey eq {k}"))) + ")";
        for (var attempt = 1; ; attempt++)
        {
            var stored = new Dictionary<string, ReportCounterEntity>(StringComparer.Ordinal);
            await foreach (var row in table.QueryAsync<ReportCounterEntity>(filter, cancellationToken: cancellationToken))
            {
                stored[row.RowKey] = row;
            }

            if (stored.ContainsKey(marker))
            {
                return false;
            }

            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, new ReportCounterEntity { PartitionKey = partition, RowKey = marker }) };
            foreach (var (key, add) in sums)
            {
                actions.Add(stored.TryGetValue(key, out var row)
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, Counter(partition, key, row.Counters.Add(add)), row.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, Counter(partition, key, add)));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // The marker's insert is the first action: failing there, the completion was counted meanwhile, which the next read sees.
            }
        }
    }

    /// <summary>Every counter of <paramref name="scope"/> from day <paramref name="from"/> to <paramref name="to"/>, read in one range query below the markers.</summary>
    public async Task<IReadOnlyList<(DateOnly Day, ReportCell Cell)>> ReadAsync(string scope, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (first, before) = ReportKeys.Range(scope, from, to);
        var cells = new List<(DateOnly, ReportCell)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey lt {before} and RowKey lt {ReportKeys.MarkerPrefix}");
        await foreach (var row in table.QueryAsync<ReportCounterEntity>(filter, cancellationToken: cancellationToken))
        {
            var (dimension, key, currency) = ReportKeys.CellOf(row.RowKey);
            cells.Add((ReportKeys.DayOf(scope, row.PartitionKey), new ReportCell(dimension, key, currency, row.Counters)));
        }

        return cells;
    }

    private static ReportCounterEntity Counter(string partition, string key, ReportCounters counters) =>
        new() { PartitionKey = partition, RowKey = key, Counters = counters };
}

using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Reconciliation;

/// <summary>
/// The differences of every reconciled day, one partition per day (newest first), one row per difference under its
/// hash. A re-run of a day adds only differences it had not found before and leaves the others as they stand, so
/// nothing is resolved twice.
/// </summary>
public sealed class ReconciliationDifferenceStore(StorageClients clients)
{
    private TableClient Table => clients.Tables.GetTableClient(TableNames.ReconciliationDifferences);

    /// <summary>Adds a difference not recorded before; returns the row as it stands (the stored one when it existed).</summary>
    public async Task<ReconciliationDifferenceEntity> AddAsync(ReconciliationDifferenceEntity difference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(difference);
        try
        {
            var added = await Table.AddEntityAsync(difference, cancellationToken);
            difference.ETag = added.Headers.ETag ?? default;
            return difference;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await Table.GetEntityAsync<ReconciliationDifferenceEntity>(difference.PartitionKey, difference.RowKey, cancellationToken: cancellationToken)).Value;
        }
    }

    public async Task<ReconciliationDifferenceEntity?> GetAsync(DateOnly day, string hash, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<ReconciliationDifferenceEntity>(ReconciliationIds.DayPartition(day), hash, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>The difference an activity was handed (its day as yyyy-MM-dd and its hash), which its run recorded, and its day.</summary>
    /// <exception cref="InvalidOperationException">It is not recorded.</exception>
    public async Task<(ReconciliationDifferenceEntity Difference, DateOnly Day)> GetRecordedAsync(ResolveDifferenceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var day = DateOnly.ParseExact(input.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var difference = await GetAsync(day, input.Hash, cancellationToken)
            ?? throw new InvalidOperationException($"Difference {input.Hash} of {input.Day} does not exist.");
        return (difference, day);
    }

    /// <summary>
    /// Moves a difference from one of <paramref name="from"/> to <paramref name="status"/> under its ETag; false when it
    /// was not in one of them (another run or an operator got there first).
    /// </summary>
    public async Task<bool> TransitionAsync(
        ReconciliationDifferenceEntity difference, IReadOnlyCollection<string> from, string status, string outcome, string? note, string resolvedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(difference);
        ArgumentNullException.ThrowIfNull(from);
        var current = difference;
        while (from.Contains(current.Status))
        {
            current.Status = status;
            current.Outcome = outcome;
            current.Note = note;
            var resolved = status == ReconciliationStatuses.Resolved;
            current.ResolvedBy = resolved ? resolvedBy : null;
            current.ResolvedAt = resolved ? at : null;
            try
            {
                await Table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                current = (await Table.GetEntityAsync<ReconciliationDifferenceEntity>(current.PartitionKey, current.RowKey, cancellationToken: cancellationToken)).Value;
            }
        }

        return false;
    }

    /// <summary>One account's differences of one day.</summary>
    public async Task<IReadOnlyList<ReconciliationDifferenceEntity>> OfRunAsync(string channel, string account, DateOnly day, CancellationToken cancellationToken)
    {
        var partition = ReconciliationIds.DayPartition(day);
        var rows = new List<ReconciliationDifferenceEntity>();
        await foreach (var row in Table.QueryAsync<ReconciliationDifferenceEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Channel eq {channel} and Account eq {account}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Differences in <paramref name="status"/>, newest day first, then by id; after <paramref name="startingAfter"/> when given.</summary>
    public async Task<(IReadOnlyList<ReconciliationDifferenceEntity> Page, bool HasMore)> ListAsync(
        string status, int limit, (DateOnly Day, string Hash)? startingAfter, CancellationToken cancellationToken)
    {
        var filter = startingAfter is { } after
            ? TableClient.CreateQueryFilter(
                $"Status eq {status} and ((PartitionKey eq {ReconciliationIds.DayPartition(after.Day)} and RowKey gt {after.Hash}) or PartitionKey gt {ReconciliationIds.DayPartition(after.Day)})")
            : TableClient.CreateQueryFilter($"Status eq {status}");
        return await TablePages.TakeAsync(Table.QueryAsync<ReconciliationDifferenceEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken), limit);
    }
}

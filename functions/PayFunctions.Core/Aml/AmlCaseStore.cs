using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Aml;

/// <summary>
/// The cases, one partition per day (newest first), one row per case. Detections open their cases only if absent, so a
/// re-run of a day leaves every case as operators left it; every change is a replace under the row's ETag.
/// </summary>
public sealed class AmlCaseStore(StorageClients clients)
{
    /// <summary>A case keeps at most this many transaction ids (a table property holds 32 Ki characters).</summary>
    public const int MaxTransactions = 200;

    private TableClient Table => clients.Tables.GetTableClient(TableNames.AmlCases);

    /// <summary>Opens a case not opened before; returns the row as it stands and whether this call added it.</summary>
    public async Task<(AmlCaseEntity Case, bool Added)> AddAsync(AmlCaseEntity amlCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(amlCase);
        try
        {
            var added = await Table.AddEntityAsync(amlCase, cancellationToken);
            amlCase.ETag = added.Headers.ETag ?? default;
            return (amlCase, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return ((await Table.GetEntityAsync<AmlCaseEntity>(amlCase.PartitionKey, amlCase.RowKey, cancellationToken: cancellationToken)).Value, false);
        }
    }

    public async Task<AmlCaseEntity?> GetAsync(DateOnly day, string hash, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<AmlCaseEntity>(AmlIds.DayPartition(day), hash, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// Applies <paramref name="change"/> and replaces the row under its ETag, reading again and re-deciding when another
    /// change came first. Null when there is no such case; <c>Changed</c> false when <paramref name="change"/> refused.
    /// </summary>
    public async Task<(AmlCaseEntity Case, bool Changed)?> UpdateAsync(DateOnly day, string hash, Func<AmlCaseEntity, bool> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        while (true)
        {
            if (await GetAsync(day, hash, cancellationToken) is not { } current)
            {
                return null;
            }

            if (!change(current))
            {
                return (current, false);
            }

            try
            {
                var updated = await Table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, cancellationToken);
                current.ETag = updated.Headers.ETag ?? default;
                return (current, true);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another operator moved it first: decide again on what it is now.
            }
        }
    }

    /// <summary>The cases of one day and mode, by id.</summary>
    public async Task<IReadOnlyList<AmlCaseEntity>> OfDayAsync(DateOnly day, bool livemode, CancellationToken cancellationToken)
    {
        var partition = AmlIds.DayPartition(day);
        var rows = new List<AmlCaseEntity>();
        await foreach (var row in Table.QueryAsync<AmlCaseEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Livemode eq {livemode}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return [.. rows.OrderBy(r => r.RowKey, StringComparer.Ordinal)];
    }

    /// <summary>Cases in <paramref name="status"/> (any when null), newest day first, then by id; after <paramref name="startingAfter"/> when given.</summary>
    public async Task<(IReadOnlyList<AmlCaseEntity> Page, bool HasMore)> ListAsync(
        string? status, int limit, (DateOnly Day, string Hash)? startingAfter, CancellationToken cancellationToken)
    {
        var position = startingAfter is { } after
            ? TableClient.CreateQueryFilter(
                $"((PartitionKey eq {AmlIds.DayPartition(after.Day)} and RowKey gt {after.Hash}) or PartitionKey gt {AmlIds.DayPartition(after.Day)})")
            : null;
        var byStatus = status is null ? null : TableClient.CreateQueryFilter($"Status eq {status}");
        var filter = (position, byStatus) switch
        {
            ({ } p, { } s) => $"{s} and {p}",
            ({ } p, null) => p,
            (null, { } s) => s,
            _ => null,
        };
        return await TablePages.TakeAsync(Table.QueryAsync<AmlCaseEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken), limit);
    }
}

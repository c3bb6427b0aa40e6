using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Audit;

/// <summary>Operators' reads of the chain, newest first.</summary>
public sealed class AuditQuery(StorageClients clients, IOptions<AuditOptions> options)
{
    /// <summary>
    /// A page of records older than <paramref name="startingAfter"/> matching the filters. Time never goes back along
    /// the chain, so the walk stops at the first record before <paramref name="from"/> instead of reading to the start.
    /// </summary>
    public async Task<(IReadOnlyList<AuditEntity> Page, bool HasMore)> ListAsync(
        AuditFilter filter, int limit, long? startingAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = TableClient.CreateQueryFilter($"PartitionKey eq {options.Value.Chain}");
        if (startingAfter is { } after)
        {
            query += " and " + TableClient.CreateQueryFilter($"RowKey gt {AuditChain.RowKeyOf(after)}");
        }

        if (filter.Type is { } type)
        {
            query += " and " + TableClient.CreateQueryFilter($"Type eq {type}");
        }

        if (filter.Actor is { } actor)
        {
            query += " and " + TableClient.CreateQueryFilter($"Actor eq {actor}");
        }

        if (filter.To is { } to)
        {
            query += " and " + TableClient.CreateQueryFilter($"Time lt {to}");
        }

        var table = clients.Tables.GetTableClient(TableNames.AuditEvents);
        return await TablePages.TakeAsync(
            table.QueryAsync<AuditEntity>(query, maxPerPage: Math.Max(limit + 1, 100), cancellationToken: cancellationToken),
            limit,
            row => filter.From is not { } from || row.Time >= from);
    }
}

/// <param name="From">Inclusive.</param>
/// <param name="To">Exclusive.</param>
public sealed record AuditFilter(string? Type, string? Actor, DateTimeOffset? From, DateTimeOffset? To);

using System.Globalization;
using Azure.Data.Tables;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Storage;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>The usage table: every instance's daily totals per merchant and account.</summary>
public sealed class RoutingUsageRows(StorageClients clients)
{
    private TableClient Table => clients.Tables.GetTableClient(TableNames.RoutingUsage);

    /// <summary>
    /// The partition of one merchant, account and day. Each part is escaped and '|' (the separator) encoded, so
    /// the mapping is one-to-one whatever the parts hold.
    /// </summary>
    public static string PartitionOf(string merchantId, ChannelAccountId account, DateOnly day) =>
        string.Join('|', Part(merchantId), Part(account.Channel), Part(account.Account), day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    public static string RowOf(string instanceId) => Part(instanceId);

    /// <summary>Whether the merchant id and account may name a partition: what a routing policy can hold.</summary>
    public static bool IsValidKey(string merchantId, ChannelAccountId account) =>
        merchantId.Length is > 0 and <= 64 && merchantId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
        && ChannelRegistry.IsKnown(account.Channel) && ChannelRegistry.IsValidAccountId(account.Account);

    public async Task<IReadOnlyList<RoutingUsageEntity>> ReadAsync(string partition, CancellationToken cancellationToken)
    {
        var rows = new List<RoutingUsageEntity>();
        await foreach (var row in Table.QueryAsync<RoutingUsageEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Replaces the instance's row: only that instance writes it, so the last write is the truth.</summary>
    public Task WriteAsync(RoutingUsageEntity row, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);

    private static string Part(string value) => TableKeys.Escape(value).Replace("|", "%7C", StringComparison.Ordinal);
}

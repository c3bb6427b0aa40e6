using System.Globalization;
using Azure.Data.Tables;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Risk;

/// <summary>
/// The windows every instance shares, in Azure Tables (<see cref="RiskWindowKeys"/>). A read is one query per key of
/// the payment (payer, IP, device, card, merchant: at most five, run together), each bounded by the buckets of a day
/// — 60 minute and 24 hour rows a partition, 4 shards for the merchant — whatever the traffic. Recording is one
/// entity-group transaction per partition: the insert of the payment's marker, which fails when it was counted
/// before, with each bucket replaced under the ETag it was read with (or inserted when new), so a retried activity
/// counts once and a transaction that lost a race reads its partition again and retries. The marker also keeps what
/// the payment added, so a read after it was recorded (a retry, or the result stage) takes the payment back out:
/// the history never includes the payment itself. Counts are sums and the payer's last place keeps the latest
/// payment, so the order payments arrive in changes nothing but which one a window still sees.
/// </summary>
public sealed class RiskWindowStore(StorageClients clients, ISecretStore secrets)
{
    /// <summary>More than concurrent payments of one key can make one lose in a row.</summary>
    public const int MaxAttempts = 20;

    private readonly TableClient table = clients.Tables.GetTableClient(TableNames.RiskWindows);
    private RiskWindowKeys? keys;

    /// <summary>The history of <paramref name="facts"/> and what recording it needs.</summary>
    public async Task<RiskWindowRead> ReadAsync(RiskFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var keyed = await KeysAsync(cancellationToken);
        var marker = RiskWindowKeys.Marker(facts.PaymentId);
        var region = RiskWindowHistory.RegionOf(facts);
        var targets = new List<(RiskKey Key, string Partition, string Rows)>(5);
        if (facts.PayerId is { } payer)
        {
            targets.Add((RiskKey.Payer, keyed.Payer(facts.MerchantId, payer), Buckets(facts.At) + " or " + Row(RiskWindowKeys.LastSeenRow) + " or " + Row(marker)));
        }

        if (facts.PayerIp is { } ip)
        {
            targets.Add((RiskKey.Ip, keyed.Ip(facts.MerchantId, ip), Buckets(facts.At) + " or " + Row(marker)));
        }

        if (facts.DeviceId is { } device)
        {
            targets.Add((RiskKey.Device, keyed.Device(facts.MerchantId, device), Buckets(facts.At) + " or " + Row(marker)));
        }

        if (facts.CardFingerprint is { } card)
        {
            targets.Add((RiskKey.Card, keyed.Card(facts.MerchantId, card), Buckets(facts.At) + " or " + Row(marker)));
        }

        targets.Add((
            RiskKey.Merchant,
            RiskWindowKeys.MerchantShard(facts.MerchantId, facts.PaymentId),
            Buckets(facts.At) + " or " + Row(RiskWindowKeys.Amounts(facts.Amount.Currency.Code)) + " or " + Row(RiskWindowKeys.LocatedRow)
                + (region is null ? "" : " or " + Row(RiskWindowKeys.Region(region))) + " or " + Row(marker)));

        var (from, before) = RiskWindowKeys.MerchantRange(facts.MerchantId);
        var merchantShards = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {before}");
        var rows = await Task.WhenAll(targets.Select(t =>
            QueryAsync((t.Key == RiskKey.Merchant ? merchantShards : Exact(t.Partition)) + " and (" + t.Rows + ")", cancellationToken)));
        var partitions = targets.Select((t, i) => new RiskWindowPartition(t.Key, t.Partition, t.Rows, rows[i])).ToList();
        return new RiskWindowRead(facts, RiskWindowHistory.Of(facts, partitions, marker), partitions);
    }

    /// <summary>Counts the payment in every partition of <paramref name="read"/> that has not counted it yet.</summary>
    public async Task RecordAsync(RiskWindowRead read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var marker = RiskWindowKeys.Marker(read.Facts.PaymentId);
        await Task.WhenAll(read.Partitions.Where(p => !p.Counted(marker)).Select(p => RecordAsync(read.Facts, p, marker, cancellationToken)));
    }

    private async Task RecordAsync(RiskFacts facts, RiskWindowPartition partition, string marker, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await table.SubmitTransactionAsync(RiskWindowHistory.Actions(facts, partition, marker), cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another payment of the key wrote a bucket first, or this payment was counted meanwhile: read the partition again.
                partition = partition with { Rows = await QueryAsync(Exact(partition.PartitionKey) + " and (" + partition.RowsFilter + ")", cancellationToken) };
                if (partition.Counted(marker))
                {
                    return;
                }
            }
        }
    }

    private async Task<IReadOnlyList<TableEntity>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Derived once; two first reads at once derive the same key twice, which is harmless.</summary>
    private async Task<RiskWindowKeys> KeysAsync(CancellationToken cancellationToken) =>
        keys ??= new RiskWindowKeys(await PepperKeys.DeriveAsync(secrets, RiskWindowKeys.Label.ToArray(), cancellationToken));

    /// <summary>The day's buckets up to the payment's: 60 minute rows and 24 hour rows at most.</summary>
    private static string Buckets(DateTimeOffset at)
    {
        var (minuteFrom, minuteTo) = (RiskWindowKeys.Minute(at.AddMinutes(-59)), RiskWindowKeys.Minute(at));
        var (hourFrom, hourTo) = (RiskWindowKeys.Hour(at.AddHours(-23)), RiskWindowKeys.Hour(at));
        return "(" + TableClient.CreateQueryFilter($"RowKey ge {minuteFrom} and RowKey le {minuteTo}") + ") or ("
            + TableClient.CreateQueryFilter($"RowKey ge {hourFrom} and RowKey le {hourTo}") + ")";
    }

    private static string Exact(string partition) => TableClient.CreateQueryFilter($"PartitionKey eq {partition}");

    private static string Row(string rowKey) => TableClient.CreateQueryFilter($"RowKey eq {rowKey}");

    internal static long Long(TableEntity row, string name) =>
        row.TryGetValue(name, out var value) && value is not null ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;

    internal static double Double(TableEntity row, string name) =>
        row.TryGetValue(name, out var value) && value is not null ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : 0;
}

using Azure.Data.Tables;
using PayFunctions.Domain.Reports;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Risk;

/// <summary>
/// Rows of the windows to history and back: what a read adds up (taking a payment already counted back out, by what
/// its marker says it added) and the transaction that counts a payment in one partition.
/// </summary>
internal static class RiskWindowHistory
{
    private const string Count = nameof(Count);
    private const string Small = nameof(Small);
    private const string At = nameof(At);
    private const string Amount = nameof(Amount);
    private const string Currency = nameof(Currency);
    private const string Region = nameof(Region);
    private const string PrevRegion = nameof(PrevRegion);
    private const string PrevAt = nameof(PrevAt);
    private const string MeanLog = nameof(MeanLog);
    private const string M2Log = nameof(M2Log);

    /// <summary>The payment's region when it is a region code; anything else is not located.</summary>
    public static string? RegionOf(RiskFacts facts) => RegionCodes.TryNormalize(facts.IpRegion, out var region) ? region : null;

    public static RiskHistory Of(RiskFacts facts, IReadOnlyList<RiskWindowPartition> partitions, string marker)
    {
        var counts = new Dictionary<RiskKey, WindowCounts>();
        var amounts = AmountStats.None;
        var regions = RegionCounts.None;
        LastSeen? last = null;
        foreach (var partition in partitions)
        {
            var own = partition.Rows.FirstOrDefault(r => r.RowKey == marker);
            counts[partition.Key] = CountsOf(facts, partition.Rows, own);
            if (partition.Key == RiskKey.Merchant)
            {
                amounts = AmountsOf(facts, partition.Rows, own);
                regions = RegionsOf(facts, partition.Rows, own);
            }
            else if (partition.Key == RiskKey.Payer)
            {
                last = own is not null ? LastOf(own, PrevRegion, PrevAt) : partition.Rows.Where(r => r.RowKey == RiskWindowKeys.LastSeenRow).Select(r => LastOf(r, Region, At)).FirstOrDefault();
            }
        }

        return new RiskHistory(
            counts.GetValueOrDefault(RiskKey.Payer, WindowCounts.None),
            counts.GetValueOrDefault(RiskKey.Ip, WindowCounts.None),
            counts.GetValueOrDefault(RiskKey.Device, WindowCounts.None),
            counts.GetValueOrDefault(RiskKey.Card, WindowCounts.None),
            counts.GetValueOrDefault(RiskKey.Merchant, WindowCounts.None),
            amounts,
            regions,
            last);
    }

    /// <summary>The transaction that counts the payment in <paramref name="partition"/>, writing under the ETags its rows were read with.</summary>
    public static IReadOnlyList<TableTransactionAction> Actions(RiskFacts facts, RiskWindowPartition partition, string marker)
    {
        var pk = partition.PartitionKey;
        var rows = partition.Rows.Where(r => r.PartitionKey == pk).ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        var amount = facts.Amount.MinorUnits;
        var currency = facts.Amount.Currency.Code;
        var small = amount <= RiskFeatures.SmallAmountMinorUnits ? 1L : 0L;
        var region = RegionOf(facts);
        var own = new TableEntity(pk, marker) { [At] = facts.At, [Amount] = amount, [Currency] = currency, [Small] = small };
        if (region is not null)
        {
            own[Region] = region;
        }

        var actions = new List<TableTransactionAction>(8) { new(TableTransactionActionType.Add, own) };
        var sum = RiskWindowKeys.SumProperty(currency);
        foreach (var bucket in new[] { RiskWindowKeys.Minute(facts.At), RiskWindowKeys.Hour(facts.At) })
        {
            actions.Add(Write(pk, bucket, rows, row =>
            {
                row[Count] = RiskWindowStore.Long(row, Count) + 1;
                row[Small] = RiskWindowStore.Long(row, Small) + small;
                row[sum] = RiskWindowStore.Long(row, sum) + amount;
            }));
        }

        if (partition.Key == RiskKey.Merchant)
        {
            actions.Add(Write(pk, RiskWindowKeys.Amounts(currency), rows, row =>
            {
                var stats = StatsOf(row).With(amount);
                (row[Count], row[MeanLog], row[M2Log]) = (stats.Count, stats.MeanLog, stats.M2Log);
            }));
            if (region is not null)
            {
                actions.Add(Write(pk, RiskWindowKeys.Region(region), rows, row => row[Count] = RiskWindowStore.Long(row, Count) + 1));
                actions.Add(Write(pk, RiskWindowKeys.LocatedRow, rows, row => row[Count] = RiskWindowStore.Long(row, Count) + 1));
            }
        }
        else if (partition.Key == RiskKey.Payer)
        {
            var previous = rows.TryGetValue(RiskWindowKeys.LastSeenRow, out var stored) ? LastOf(stored, Region, At) : null;
            if (previous is not null)
            {
                (own[PrevRegion], own[PrevAt]) = (previous.Region, previous.At);
            }

            // The latest payment is where the payer is: one that arrives late does not move them back.
            if (region is not null && (previous is null || facts.At >= previous.At))
            {
                actions.Add(Write(pk, RiskWindowKeys.LastSeenRow, rows, row => (row[Region], row[At]) = (region, facts.At)));
            }
        }

        return actions;
    }

    private static WindowCounts CountsOf(RiskFacts facts, IReadOnlyList<TableEntity> rows, TableEntity? own)
    {
        var minute = Truncate(facts.At.UtcDateTime, TimeSpan.TicksPerMinute);
        var hour = Truncate(facts.At.UtcDateTime, TimeSpan.TicksPerHour);
        var sum = RiskWindowKeys.SumProperty(facts.Amount.Currency.Code);
        var (c1m, c10m, c1h, c24h, s1h, s24h, small10m) = (0L, 0L, 0L, 0L, 0L, 0L, 0L);

        void Add(DateTime start, bool hourly, long count, long small, long amount)
        {
            if (hourly)
            {
                var hours = (hour - start).Ticks / TimeSpan.TicksPerHour;
                if (hours is >= 0 and < 24)
                {
                    (c24h, s24h) = (c24h + count, s24h + amount);
                }

                return;
            }

            var minutes = (minute - start).Ticks / TimeSpan.TicksPerMinute;
            if (minutes is < 0 or >= 60)
            {
                return;
            }

            (c1h, s1h) = (c1h + count, s1h + amount);
            if (minutes < 10)
            {
                (c10m, small10m) = (c10m + count, small10m + small);
            }

            if (minutes < 1)
            {
                c1m += count;
            }
        }

        foreach (var row in rows)
        {
            if (row.RowKey.StartsWith("m|", StringComparison.Ordinal) || row.RowKey.StartsWith("h|", StringComparison.Ordinal))
            {
                Add(RiskWindowKeys.BucketStart(row.RowKey), row.RowKey[0] == 'h', RiskWindowStore.Long(row, Count), RiskWindowStore.Long(row, Small), RiskWindowStore.Long(row, sum));
            }
        }

        if (own is not null && own.GetDateTimeOffset(At) is { } ownAt)
        {
            var ownAmount = own.GetString(Currency) == facts.Amount.Currency.Code ? RiskWindowStore.Long(own, Amount) : 0;
            var ownSmall = RiskWindowStore.Long(own, Small);
            Add(Truncate(ownAt.UtcDateTime, TimeSpan.TicksPerMinute), false, -1, -ownSmall, -ownAmount);
            Add(Truncate(ownAt.UtcDateTime, TimeSpan.TicksPerHour), true, -1, -ownSmall, -ownAmount);
        }

        return new WindowCounts(Clamp(c1m), Clamp(c10m), Clamp(c1h), Clamp(c24h), Math.Max(0, s1h), Math.Max(0, s24h), Clamp(small10m));
    }

    /// <summary>The merchant's statistics over its shards (Chan et al.'s merge of Welford's), without the payment itself.</summary>
    private static AmountStats AmountsOf(RiskFacts facts, IReadOnlyList<TableEntity> rows, TableEntity? own)
    {
        var key = RiskWindowKeys.Amounts(facts.Amount.Currency.Code);
        var merged = AmountStats.None;
        foreach (var row in rows.Where(r => r.RowKey == key))
        {
            var shard = StatsOf(row);
            if (shard.Count == 0)
            {
                continue;
            }

            var count = merged.Count + shard.Count;
            var delta = shard.MeanLog - merged.MeanLog;
            merged = new AmountStats(
                count,
                merged.MeanLog + (delta * shard.Count / count),
                merged.M2Log + shard.M2Log + (delta * delta * merged.Count * shard.Count / count));
        }

        if (own is null || own.GetString(Currency) != facts.Amount.Currency.Code || merged.Count == 0)
        {
            return merged;
        }

        // Welford's update run backwards: the statistics as they were before this payment's amount was added.
        var x = Math.Log(Math.Max(1, RiskWindowStore.Long(own, Amount)));
        var before = merged.Count - 1;
        if (before == 0)
        {
            return AmountStats.None;
        }

        var mean = ((merged.Count * merged.MeanLog) - x) / before;
        return new AmountStats(before, mean, Math.Max(0, merged.M2Log - ((x - mean) * (x - merged.MeanLog))));
    }

    private static RegionCounts RegionsOf(RiskFacts facts, IReadOnlyList<TableEntity> rows, TableEntity? own)
    {
        var region = RegionOf(facts);
        var key = region is null ? null : RiskWindowKeys.Region(region);
        var (from, located) = (0L, 0L);
        foreach (var row in rows)
        {
            from += row.RowKey == key ? RiskWindowStore.Long(row, Count) : 0;
            located += row.RowKey == RiskWindowKeys.LocatedRow ? RiskWindowStore.Long(row, Count) : 0;
        }

        if (own?.GetString(Region) is { } ownRegion)
        {
            located--;
            from -= ownRegion == region ? 1 : 0;
        }

        return new RegionCounts(Math.Max(0, from), Math.Max(0, located));
    }

    private static AmountStats StatsOf(TableEntity row) =>
        new(RiskWindowStore.Long(row, Count), RiskWindowStore.Double(row, MeanLog), RiskWindowStore.Double(row, M2Log));

    private static LastSeen? LastOf(TableEntity row, string region, string at) =>
        row.GetString(region) is { } r && row.GetDateTimeOffset(at) is { } when ? new LastSeen(r, when) : null;

    /// <summary>A bucket row updated in place under its ETag, or inserted when the key has no such bucket yet.</summary>
    private static TableTransactionAction Write(string partitionKey, string rowKey, Dictionary<string, TableEntity> rows, Action<TableEntity> change)
    {
        var row = new TableEntity(partitionKey, rowKey);
        if (rows.TryGetValue(rowKey, out var stored))
        {
            foreach (var (name, value) in stored)
            {
                if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                {
                    row[name] = value;
                }
            }
        }

        change(row);
        return stored is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, stored.ETag);
    }

    private static DateTime Truncate(DateTime at, long ticks) => new(at.Ticks - (at.Ticks % ticks), DateTimeKind.Utc);

    private static int Clamp(long value) => (int)Math.Clamp(value, 0, int.MaxValue);
}

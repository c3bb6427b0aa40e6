using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// What each merchant routed to each account, for the limits of its routing policy. Recording and reading are
/// O(1) and do no I/O: the day's totals are shared through the usage table, where every instance writes its
/// own row every <see cref="RoutingOptions.FlushInterval"/> and reads the others' at most every
/// <see cref="Staleness"/>, so a daily cap can be overrun by what the other instances routed within that time.
/// The last-second count is this instance's only: the channel workers' per-account rate limit is the hard one.
/// After a restart the instance reads its own row back the first time it meets a merchant and account that day.
/// </summary>
public sealed partial class RoutingUsage(RoutingUsageRows rows, IOptions<RoutingOptions> options, TimeProvider time, ILogger<RoutingUsage> logger)
{
    /// <summary>How old the other instances' totals may be.</summary>
    public static readonly TimeSpan Staleness = TimeSpan.FromSeconds(5);

    /// <summary>Counters untouched this long are dropped; their totals were written.</summary>
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromDays(2);

    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private readonly ConcurrentDictionary<UsageKey, UsageCounter> counters = new();
    private readonly string row = RoutingUsageRows.RowOf(options.Value.ResolveInstanceId());

    /// <summary>Counts one payment routed to <paramref name="account"/> at <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentException">The merchant id or account cannot name a counter, or the offset is beyond ±14 h.</exception>
    public void Record(string merchantId, ChannelAccountId account, long amount, DateTimeOffset at, TimeSpan utcOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var key = new UsageKey(merchantId, account);
        var counter = CounterOf(key);
        var now = time.GetUtcNow();
        counter.Record(DayOf(at, utcOffset), amount, UsageCounter.BucketOf(at), now);
        RefreshIfStale(key, counter, now);
    }

    /// <summary>The merchant's usage of <paramref name="account"/> as of <paramref name="at"/>, the day on the policy's clock.</summary>
    /// <exception cref="ArgumentException">The merchant id or account cannot name a counter, or the offset is beyond ±14 h.</exception>
    public RoutingUsageSnapshot Get(string merchantId, ChannelAccountId account, DateTimeOffset at, TimeSpan utcOffset)
    {
        var key = new UsageKey(merchantId, account);
        var counter = CounterOf(key);
        var now = time.GetUtcNow();
        var snapshot = counter.Read(DayOf(at, utcOffset), UsageCounter.BucketOf(at), now);
        RefreshIfStale(key, counter, now);
        return snapshot;
    }

    /// <summary>Reads every instance's row for the counter's current day now, instead of within <see cref="Staleness"/>.</summary>
    public async Task RefreshAsync(string merchantId, ChannelAccountId account, CancellationToken cancellationToken)
    {
        var key = new UsageKey(merchantId, account);
        var counter = CounterOf(key);
        if (counter.TryBeginRead(out var day, out var ticket))
        {
            await ReadRowsAsync(key, counter, day, ticket, cancellationToken);
        }
    }

    /// <summary>Writes every changed total, and forgets counters idle for days.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var idleCutoff = time.GetUtcNow() - IdleLifetime;
        foreach (var (key, counter) in counters)
        {
            if (counter.TryTakeChanges(out var day, out var amount, out var count))
            {
                try
                {
                    await rows.WriteAsync(
                        new RoutingUsageEntity
                        {
                            PartitionKey = RoutingUsageRows.PartitionOf(key.MerchantId, key.Account, day),
                            RowKey = row,
                            Day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            Amount = amount,
                            Count = count,
                        },
                        cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    counter.WriteFailed(day);
                    LogWriteFailed(logger, e, key.MerchantId, key.Account.ToString());
                }
            }
            else if (counter.IdleSince(idleCutoff))
            {
                counters.TryRemove(KeyValuePair.Create(key, counter));
            }
        }
    }

    private static DateOnly DayOf(DateTimeOffset at, TimeSpan utcOffset)
    {
        if (utcOffset.Duration() > MaxOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(utcOffset), "A UTC offset is within ±14 hours.");
        }

        return DateOnly.FromDateTime(at.UtcDateTime + utcOffset);
    }

    private UsageCounter CounterOf(UsageKey key) =>
        counters.TryGetValue(key, out var counter)
            ? counter
            : counters.GetOrAdd(key, static k => RoutingUsageRows.IsValidKey(k.MerchantId, k.Account)
                ? new UsageCounter()
                : throw new ArgumentException($"'{k.Account}' of the merchant cannot name a usage counter."));

    private void RefreshIfStale(UsageKey key, UsageCounter counter, DateTimeOffset now)
    {
        if (counter.TryBeginRefresh(now, Staleness, out var day, out var ticket))
        {
            _ = RefreshInBackgroundAsync(key, counter, day, ticket);
        }
    }

    private async Task RefreshInBackgroundAsync(UsageKey key, UsageCounter counter, DateOnly day, long ticket)
    {
        try
        {
            await Task.Yield();
            await ReadRowsAsync(key, counter, day, ticket, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogReadFailed(logger, e, key.MerchantId, key.Account.ToString());
        }
        finally
        {
            counter.RefreshEnded();
        }
    }

    private async Task ReadRowsAsync(UsageKey key, UsageCounter counter, DateOnly day, long ticket, CancellationToken cancellationToken)
    {
        var found = await rows.ReadAsync(RoutingUsageRows.PartitionOf(key.MerchantId, key.Account, day), cancellationToken);
        var own = found.FirstOrDefault(r => r.RowKey == row);
        var others = found.Where(r => r.RowKey != row).ToList();
        counter.Refreshed(day, ticket, own?.Amount ?? 0, own?.Count ?? 0, others.Sum(r => r.Amount), others.Sum(r => r.Count));
    }

    [LoggerMessage(EventId = 8401, Level = LogLevel.Warning, Message = "Could not write routing usage of merchant {MerchantId} at {Account}; retrying at the next flush")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string merchantId, string account);

    [LoggerMessage(EventId = 8402, Level = LogLevel.Warning, Message = "Could not read shared routing usage of merchant {MerchantId} at {Account}; using what this instance knows")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string merchantId, string account);

    private readonly record struct UsageKey(string MerchantId, ChannelAccountId Account);
}

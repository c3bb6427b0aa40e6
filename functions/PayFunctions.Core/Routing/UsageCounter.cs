namespace PayFunctions.Core.Routing;

/// <summary>
/// One (merchant, account)'s counts on this instance. The day's totals are what this instance wrote before a
/// restart (<c>persisted</c>, read back once) plus what it recorded since (<c>local</c>) plus the other
/// instances' rows (<c>others</c>, re-read at most every few seconds). The last second is a ring of ten
/// 100 ms buckets, so recording and reading cost the same whatever the traffic.
/// </summary>
internal sealed class UsageCounter
{
    public const int Buckets = 10;
    public static readonly long BucketTicks = TimeSpan.TicksPerMillisecond * 100;

    private readonly long[] stamps = new long[Buckets];
    private readonly int[] counts = new int[Buckets];
    private DateOnly day = DateOnly.MinValue;
    private bool loaded;
    private bool dirty;
    private bool refreshing;
    private DateTimeOffset nextRefresh = DateTimeOffset.MinValue;
    private DateTimeOffset lastTouched;
    private long readsBegun;
    private long readApplied;
    private long persistedAmount;
    private int persistedCount;
    private long localAmount;
    private int localCount;
    private long othersAmount;
    private int othersCount;

    public static long BucketOf(DateTimeOffset at) => at.UtcTicks / BucketTicks;

    public void Record(DateOnly on, long amount, long bucket, DateTimeOffset now)
    {
        lock (stamps)
        {
            Touch(on, now);
            if (on == day)
            {
                localAmount += amount;
                localCount++;
                dirty = true;
            }

            var slot = (int)(bucket % Buckets);
            if (stamps[slot] != bucket)
            {
                stamps[slot] = bucket;
                counts[slot] = 0;
            }

            counts[slot]++;
        }
    }

    public RoutingUsageSnapshot Read(DateOnly on, long bucket, DateTimeOffset now)
    {
        lock (stamps)
        {
            Touch(on, now);
            var lastSecond = 0;
            for (var i = 0; i < Buckets; i++)
            {
                if (bucket - stamps[i] is >= 0 and < Buckets)
                {
                    lastSecond += counts[i];
                }
            }

            return on == day
                ? new RoutingUsageSnapshot(persistedAmount + localAmount + othersAmount, persistedCount + localCount + othersCount, lastSecond)
                : new RoutingUsageSnapshot(0, 0, lastSecond);
        }
    }

    /// <summary>
    /// True (once per staleness period, one at a time) when the shared rows should be read again; the ticket orders
    /// reads, so one that began earlier but ended later cannot undo a newer one.
    /// </summary>
    public bool TryBeginRefresh(DateTimeOffset now, TimeSpan staleness, out DateOnly on, out long ticket)
    {
        lock (stamps)
        {
            (on, ticket) = (day, 0);
            if (refreshing || now < nextRefresh)
            {
                return false;
            }

            refreshing = true;
            nextRefresh = now + staleness;
            ticket = ++readsBegun;
            return true;
        }
    }

    /// <summary>A read of the shared rows outside the schedule; false before anything was recorded or read.</summary>
    public bool TryBeginRead(out DateOnly on, out long ticket)
    {
        lock (stamps)
        {
            (on, ticket) = (day, ++readsBegun);
            return day != DateOnly.MinValue;
        }
    }

    /// <summary>The rows of <paramref name="on"/> were read: this instance's own row counts only the first time after a start.</summary>
    public void Refreshed(DateOnly on, long ticket, long ownAmount, int ownCount, long otherAmount, int otherCount)
    {
        lock (stamps)
        {
            if (on != day || ticket <= readApplied)
            {
                return;
            }

            readApplied = ticket;

            if (!loaded)
            {
                persistedAmount = ownAmount;
                persistedCount = ownCount;
                loaded = true;
            }

            othersAmount = otherAmount;
            othersCount = otherCount;
        }
    }

    public void RefreshEnded()
    {
        lock (stamps)
        {
            refreshing = false;
        }
    }

    /// <summary>
    /// The totals to write when they changed. Nothing is written before the own row was read back, which would
    /// overwrite what an earlier run of this instance counted.
    /// </summary>
    public bool TryTakeChanges(out DateOnly on, out long amount, out int count)
    {
        lock (stamps)
        {
            (on, amount, count) = (day, persistedAmount + localAmount, persistedCount + localCount);
            if (!dirty || !loaded)
            {
                return false;
            }

            dirty = false;
            return true;
        }
    }

    public void WriteFailed(DateOnly on)
    {
        lock (stamps)
        {
            dirty |= on == day;
        }
    }

    public bool IdleSince(DateTimeOffset cutoff)
    {
        lock (stamps)
        {
            return !dirty && lastTouched < cutoff;
        }
    }

    /// <summary>A later day starts from nothing and reads the shared rows at once; an earlier one (a moved clock) changes nothing.</summary>
    private void Touch(DateOnly on, DateTimeOffset now)
    {
        lastTouched = now;
        if (on <= day)
        {
            return;
        }

        day = on;
        (loaded, dirty, nextRefresh) = (false, false, DateTimeOffset.MinValue);
        (persistedAmount, persistedCount, localAmount, localCount, othersAmount, othersCount) = (0, 0, 0, 0, 0, 0);
    }
}

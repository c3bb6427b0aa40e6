namespace PayFunctions.Core.RateLimiting;

/// <summary>What a rate limit decided for one request.</summary>
public readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allow { get; } = new(true, TimeSpan.Zero);
}

/// <summary>
/// One rate limit per key, by the generic cell rate algorithm: a key keeps only the moment its
/// allowance is whole again, so a key whose moment has passed is the same as a key never seen and
/// can be forgotten. The table remembers at most <c>maxKeys</c> keys: when it is full, forgotten
/// keys are swept out (at most once a second), and if it is still full, keys it does not remember
/// share one allowance. Many distinct keys therefore cost bounded memory and cannot evict the state
/// of keys already being limited.
/// </summary>
public sealed class KeyedRateLimiter
{
    private static readonly long SweepEvery = TimeSpan.TicksPerSecond;

    private readonly long interval;
    private readonly long window;
    private readonly int maxKeys;
    private readonly TimeProvider time;
    private readonly long origin;
    private readonly Dictionary<UInt128, long> wholeAt = [];
    private readonly Lock gate = new();
    private long overflowWholeAt;
    private long lastSweep = -SweepEvery;

    public KeyedRateLimiter(RateLimitRule rule, int maxKeys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(time);
        window = rule.Window.Ticks;
        interval = window / rule.Limit;
        this.maxKeys = maxKeys;
        this.time = time;
        origin = time.GetTimestamp();
    }

    public int TrackedKeys
    {
        get
        {
            lock (gate)
            {
                return wholeAt.Count;
            }
        }
    }

    /// <summary>Takes one request from the key's allowance, or says how long until there is one.</summary>
    public RateLimitDecision Acquire(UInt128 key)
    {
        var now = Now();
        lock (gate)
        {
            var tracked = wholeAt.TryGetValue(key, out var due);
            if (!tracked && wholeAt.Count >= maxKeys)
            {
                Sweep(now);
            }

            var overflow = !tracked && wholeAt.Count >= maxKeys;
            var next = Math.Max(tracked ? due : overflow ? overflowWholeAt : now, now) + interval;
            if (next - now > window)
            {
                return new(false, TimeSpan.FromTicks(next - now - window));
            }

            if (overflow)
            {
                overflowWholeAt = next;
            }
            else
            {
                wholeAt[key] = next;
            }

            return RateLimitDecision.Allow;
        }
    }

    /// <summary>Whether the key's allowance has room for a request, without taking it.</summary>
    public RateLimitDecision Peek(UInt128 key)
    {
        var now = Now();
        lock (gate)
        {
            var due = wholeAt.TryGetValue(key, out var known) ? known : wholeAt.Count >= maxKeys ? overflowWholeAt : now;
            var next = Math.Max(due, now) + interval;
            return next - now > window ? new(false, TimeSpan.FromTicks(next - now - window)) : RateLimitDecision.Allow;
        }
    }

    private void Sweep(long now)
    {
        if (now - lastSweep < SweepEvery)
        {
            return;
        }

        lastSweep = now;
        foreach (var (key, due) in wholeAt)
        {
            if (due <= now)
            {
                wholeAt.Remove(key);
            }
        }
    }

    private long Now() => time.GetElapsedTime(origin).Ticks;
}

namespace PayFunctions.Core.RateLimiting;

/// <summary>
/// Request rate limits, per instance of the app (see docs/architecture.md, "Perimeter"). Each rule
/// allows a burst of <see cref="RateLimitRule.Limit"/> requests and refills at Limit per Window.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Merchant API requests per API key; the large card processors allow about 100 per second per key in live mode.</summary>
    public RateLimitRule ApiKey { get; set; } = new() { Limit = 100, Window = TimeSpan.FromSeconds(1) };

    /// <summary>Merchant API and operator requests per client address: room for one server using a couple of keys.</summary>
    public RateLimitRule ClientAddress { get; set; } = new() { Limit = 200, Window = TimeSpan.FromSeconds(1) };

    /// <summary>Merchant API and operator requests per client address that were answered 401; each costs a key lookup.</summary>
    public RateLimitRule Unauthenticated { get; set; } = new() { Limit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Channel notifications per client address. Channels send from a few addresses and redeliver a
    /// backlog in bursts after an outage: a burst of 1000, then 200 a second.
    /// </summary>
    public RateLimitRule Notify { get; set; } = new() { Limit = 1000, Window = TimeSpan.FromSeconds(5) };

    /// <summary>
    /// Payer page requests per client address. A waiting page polls every 2 s; payers behind one
    /// carrier NAT share an address, so the allowance is for many of them: a burst of 600, then 10 a second.
    /// </summary>
    public RateLimitRule Payer { get; set; } = new() { Limit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Keys each limit remembers at most; beyond that, keys it does not remember share one allowance.</summary>
    public int MaxTrackedKeys { get; set; } = 100_000;

    public bool IsValid() =>
        MaxTrackedKeys is >= 1_000 and <= 10_000_000
        && new[] { ApiKey, ClientAddress, Unauthenticated, Notify, Payer }.All(r => r is not null && r.IsValid());
}

/// <summary>A burst of <see cref="Limit"/> requests, refilled at <see cref="Limit"/> per <see cref="Window"/>.</summary>
public sealed class RateLimitRule
{
    public int Limit { get; set; }

    public TimeSpan Window { get; set; }

    public bool IsValid() =>
        Limit is >= 1 and <= 1_000_000 && Window >= TimeSpan.FromMilliseconds(1) && Window <= TimeSpan.FromDays(1) && Window.Ticks / Limit >= 1;
}

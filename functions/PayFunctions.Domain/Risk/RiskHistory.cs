namespace PayFunctions.Domain.Risk;

/// <summary>
/// What the platform has seen before one payment, as shared storage keeps it: for each key of the payment (its payer,
/// IP address, device, card and merchant), the counts and sums of that key's earlier payments in windows ending at the
/// payment's time, not counting the payment itself; the merchant's usual amounts and regions; and where the payer last
/// paid from. Sums are in the payment's currency only.
/// </summary>
public sealed record RiskHistory(
    WindowCounts Payer,
    WindowCounts Ip,
    WindowCounts Device,
    WindowCounts Card,
    WindowCounts Merchant,
    AmountStats MerchantAmounts,
    RegionCounts MerchantRegions,
    LastSeen? PayerLastSeen)
{
    /// <summary>Nothing seen before: a new merchant's first payment.</summary>
    public static RiskHistory Empty { get; } = new(
        WindowCounts.None, WindowCounts.None, WindowCounts.None, WindowCounts.None, WindowCounts.None, AmountStats.None, RegionCounts.None, null);
}

/// <summary>
/// One key's earlier payments in sliding windows. <paramref name="Small10m"/> counts those of at most
/// <see cref="RiskFeatures.SmallAmountMinorUnits"/>, which is how card testing looks: many tiny charges to find which
/// stolen cards work.
/// </summary>
public sealed record WindowCounts(int Count1m, int Count10m, int Count1h, int Count24h, long Sum1h, long Sum24h, int Small10m)
{
    /// <summary>No earlier payment, or a key the payment does not have.</summary>
    public static WindowCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// A merchant's usual amounts as the running count, mean and sum of squared deviations (Welford's) of the natural
/// logarithm of the amount in minor units: amounts spread over orders of magnitude, and their logarithms are near normal.
/// </summary>
public sealed record AmountStats(long Count, double MeanLog, double M2Log)
{
    /// <summary>No amount seen.</summary>
    public static AmountStats None { get; } = new(0, 0, 0);

    /// <summary>The statistics with one more amount of <paramref name="minorUnits"/> (at least 1).</summary>
    public AmountStats With(long minorUnits)
    {
        var x = Math.Log(Math.Max(1, minorUnits));
        var count = Count + 1;
        var delta = x - MeanLog;
        var mean = MeanLog + (delta / count);
        return new AmountStats(count, mean, M2Log + (delta * (x - mean)));
    }

    /// <summary>The sample standard deviation of the logarithms, or 0 below two amounts.</summary>
    public double StandardDeviationLog => Count < 2 ? 0 : Math.Sqrt(M2Log / (Count - 1));
}

/// <summary>How many of a merchant's payments came from the payment's region, out of how many whose region was known.</summary>
public sealed record RegionCounts(long FromRegion, long Located)
{
    /// <summary>No payment located.</summary>
    public static RegionCounts None { get; } = new(0, 0);
}

/// <summary>Where (a region code, as <see cref="RiskFacts.IpRegion"/>) and when a payer's previous payment was made.</summary>
public sealed record LastSeen(string Region, DateTimeOffset At);

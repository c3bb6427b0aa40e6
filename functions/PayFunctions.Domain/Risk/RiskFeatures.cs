namespace PayFunctions.Domain.Risk;

/// <summary>
/// One payment as numbers, for rules and the learned score alike: the same features are computed for the training data
/// and for live payments, by <see cref="From"/>. Counts are of the key's earlier payments (see <see cref="RiskHistory"/>).
/// </summary>
public sealed record RiskFeatures(
    float AmountLog,
    float AmountZ,
    float IsSmall,
    float PayerCount10m,
    float PayerCount1h,
    float PayerCount24h,
    float PayerSum24hLog,
    float PayerSmall10m,
    float IpCount10m,
    float IpCount1h,
    float IpSmall10m,
    float DeviceCount1h,
    float CardCount1h,
    float CardSmall10m,
    float MerchantCount1m,
    float MerchantSmall10m,
    float RegionShare,
    float IpCountryMismatch,
    float TravelKmh,
    float HourOfDay,
    float NewPayer)
{
    /// <summary>An amount at most this, in minor units, is small: the size of a card tester's probe.</summary>
    public const long SmallAmountMinorUnits = 500;

    /// <summary>A merchant's amounts are its usual range once it has this many.</summary>
    public const long AmountHistoryMinimum = 30;

    /// <summary>A merchant's regions say what is usual once this many of its payments were located.</summary>
    public const long RegionHistoryMinimum = 50;

    /// <summary>Two regions' capitals closer than this are treated as one place: a capital stands for a whole region.</summary>
    public const double SamePlaceKm = 100;

    /// <summary>The features' names in <see cref="ToVector"/>'s order, as explanations name them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "amount_log", "amount_z", "is_small",
        "payer_count_10m", "payer_count_1h", "payer_count_24h", "payer_sum_24h_log", "payer_small_10m",
        "ip_count_10m", "ip_count_1h", "ip_small_10m",
        "device_count_1h", "card_count_1h", "card_small_10m",
        "merchant_count_1m", "merchant_small_10m",
        "region_share", "ip_country_mismatch", "travel_kmh", "hour_of_day", "new_payer",
    ];

    /// <summary>The features in <see cref="Names"/>' order.</summary>
    public float[] ToVector() =>
    [
        AmountLog, AmountZ, IsSmall,
        PayerCount10m, PayerCount1h, PayerCount24h, PayerSum24hLog, PayerSmall10m,
        IpCount10m, IpCount1h, IpSmall10m,
        DeviceCount1h, CardCount1h, CardSmall10m,
        MerchantCount1m, MerchantSmall10m,
        RegionShare, IpCountryMismatch, TravelKmh, HourOfDay, NewPayer,
    ];

    /// <summary>The features of <paramref name="facts"/> given what was seen before it.</summary>
    public static RiskFeatures From(RiskFacts facts, RiskHistory history)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(history);
        var minor = facts.Amount.MinorUnits;
        return new RiskFeatures(
            AmountLog: (float)Math.Log(Math.Max(1, minor)),
            AmountZ: (float)AmountZOf(minor, history.MerchantAmounts),
            IsSmall: minor <= SmallAmountMinorUnits ? 1 : 0,
            PayerCount10m: history.Payer.Count10m,
            PayerCount1h: history.Payer.Count1h,
            PayerCount24h: history.Payer.Count24h,
            PayerSum24hLog: (float)Math.Log(1 + Math.Max(0, history.Payer.Sum24h)),
            PayerSmall10m: history.Payer.Small10m,
            IpCount10m: history.Ip.Count10m,
            IpCount1h: history.Ip.Count1h,
            IpSmall10m: history.Ip.Small10m,
            DeviceCount1h: history.Device.Count1h,
            CardCount1h: history.Card.Count1h,
            CardSmall10m: history.Card.Small10m,
            MerchantCount1m: history.Merchant.Count1m,
            MerchantSmall10m: history.Merchant.Small10m,
            RegionShare: (float)RegionShareOf(facts.IpRegion, history.MerchantRegions),
            IpCountryMismatch: CountryOf(facts.IpRegion) is { } ipCountry && facts.PayerCountry is { Length: 2 } declared
                && !string.Equals(ipCountry, declared, StringComparison.OrdinalIgnoreCase) ? 1 : 0,
            TravelKmh: (float)TravelKmhOf(facts, history.PayerLastSeen),
            HourOfDay: ChinaHourOf(facts.At),
            NewPayer: facts.PayerId is not null && history.Payer.Count24h == 0 && history.PayerLastSeen is null ? 1 : 0);
    }

    /// <summary>How many standard deviations the amount's logarithm lies from the merchant's usual; 0 until the merchant has a usual.</summary>
    private static double AmountZOf(long minor, AmountStats stats) =>
        stats.Count < AmountHistoryMinimum
            ? 0
            : (Math.Log(Math.Max(1, minor)) - stats.MeanLog) / Math.Max(0.1, stats.StandardDeviationLog);

    /// <summary>The merchant's share of payments from this region; 1 (nothing unusual) when either is not known well enough.</summary>
    private static double RegionShareOf(string? region, RegionCounts counts) =>
        region is null || counts.Located < RegionHistoryMinimum ? 1 : (double)counts.FromRegion / counts.Located;

    /// <summary>
    /// The speed in km/h the payer would have travelled since their last payment, at least a minute apart so that two
    /// payments in one instant from far apart read as very fast rather than infinite; 0 when not known or the same place.
    /// </summary>
    private static double TravelKmhOf(RiskFacts facts, LastSeen? last)
    {
        if (last is null || facts.IpRegion is null || RegionCentroids.DistanceKm(last.Region, facts.IpRegion) is not { } km || km < SamePlaceKm)
        {
            return 0;
        }

        var hours = Math.Max(1.0 / 60, Math.Abs((facts.At - last.At).TotalHours));
        return km / hours;
    }

    /// <summary>The country of a region code: a Chinese province's is CN, except the special administrative regions and Taiwan, which have their own.</summary>
    internal static string? CountryOf(string? region) => region switch
    {
        null => null,
        "CN-HK" => "HK",
        "CN-MO" => "MO",
        "CN-TW" => "TW",
        { Length: 5 } when region.StartsWith("CN-", StringComparison.Ordinal) => "CN",
        { Length: 2 } => region,
        _ => null,
    };

    /// <summary>The hour in China Standard Time (UTC+8, no daylight saving), where the platform's merchants trade.</summary>
    private static float ChinaHourOf(DateTimeOffset at) => (at.UtcDateTime.Hour + 8) % 24;
}

using PayFunctions.Domain;
using PayFunctions.Domain.Risk;

namespace PayFunctions.RiskModel.Generation;

/// <summary>A generated merchant: what it sells for, in which currency, to whom and when.</summary>
/// <param name="HomeRegion">Its province; a local merchant's payers mostly live there.</param>
/// <param name="National">Sells online to the whole country (and some payers abroad) rather than to its own province.</param>
/// <param name="MedianMinor">Its typical amount in minor units; amounts are log-normal around it.</param>
/// <param name="SigmaLog">The spread of its amounts' logarithms.</param>
/// <param name="PeakHour">The hour (China Standard Time) its payments cluster around.</param>
internal sealed record SyntheticMerchant(
    string Id, Currency Currency, string HomeRegion, bool National, double MedianMinor, double SigmaLog, int PeakHour, string[] Methods)
{
    public bool TakesCards => Methods.Any(SyntheticWorld.IsCardMethod);
}

/// <summary>A generated legitimate payer: where they live, their devices, addresses and cards, and the merchants they use.</summary>
internal sealed record SyntheticPayer(
    string Id, string HomeRegion, string Country, string[] Devices, string[] Ips, string[] Cards, SyntheticMerchant[] Favourites, double Activity);

/// <summary>
/// The merchants and payers of a stream, and the places they pay from. Payers mostly live in the populous provinces;
/// about one in twelve lives in Hong Kong, Taiwan or abroad. Ids, addresses and fingerprints are opaque and numbered
/// (IP addresses from 10.0.0.0/8), unique within a stream.
/// </summary>
internal sealed class SyntheticWorld
{
    /// <summary>Where payers live, weighted roughly by population and online spending.</summary>
    private static readonly (string Region, double Weight)[] Homes =
    [
        ("CN-GD", 12), ("CN-JS", 8), ("CN-ZJ", 7), ("CN-SD", 7), ("CN-HA", 6), ("CN-SC", 6), ("CN-HB", 5), ("CN-HN", 5),
        ("CN-HE", 5), ("CN-FJ", 4), ("CN-SH", 4), ("CN-BJ", 4), ("CN-AH", 4), ("CN-LN", 3), ("CN-SN", 3), ("CN-JX", 3),
        ("CN-CQ", 3), ("CN-GX", 3), ("CN-YN", 3), ("CN-SX", 2), ("CN-TJ", 2), ("CN-HL", 2), ("CN-JL", 2), ("CN-GZ", 2),
        ("CN-NM", 1), ("CN-HI", 1), ("CN-GS", 1), ("HK", 3), ("TW", 1), ("MO", 0.5), ("SG", 1), ("JP", 1), ("KR", 1), ("US", 1),
    ];

    private static readonly string[] Provinces = Homes.Select(h => h.Region).Where(r => r.StartsWith("CN-", StringComparison.Ordinal)).ToArray();

    /// <summary>Regions almost no payer lives in: remote provinces and countries the platform's merchants rarely sell to.</summary>
    public static readonly string[] RareRegions = ["CN-XZ", "CN-QH", "CN-NX", "CN-XJ", "NG", "RU", "UA", "BR", "VN", "ID", "PH", "KH", "MM", "PK"];

    /// <summary>Where stolen cards are used from.</summary>
    public static readonly string[] FraudCountries = ["US", "RU", "NG", "BR", "UA", "VN", "ID", "PH", "GB", "DE", "TR"];

    /// <summary>Where travellers go abroad.</summary>
    public static readonly string[] TripsAbroad = ["JP", "TH", "SG", "KR", "MY", "FR", "US", "AU", "GB", "IT", "VN"];

    /// <summary>When merchants are busiest: breakfast, lunch, afternoon, the evening and late shopping.</summary>
    private static readonly int[] PeakHours = [9, 12, 15, 19, 21];

    private static readonly string[] LocalMethods = ["wechat_pay.native", "wechat_pay.jsapi", "alipay.qr", "unionpay.qr"];
    private static readonly string[] NationalMethods = ["wechat_pay.jsapi", "alipay.page", "alipay.wap", "unionpay.gateway", "card"];

    private readonly Random random;
    private readonly double[] homeCumulative;
    private int ipCounter;
    private int deviceCounter;
    private int cardCounter;
    private int payerCounter;

    public SyntheticWorld(Random random, int merchants, int payers)
    {
        this.random = random;
        homeCumulative = Cumulative(Homes.Select(h => h.Weight).ToArray());
        Merchants = Enumerable.Range(1, merchants).Select(NewMerchant).ToArray();
        var national = Merchants.Where(m => m.National).ToArray();
        if (national.Length == 0)
        {
            national = Merchants;
        }

        var localByRegion = Merchants.Where(m => !m.National).GroupBy(m => m.HomeRegion).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Payers = Enumerable.Range(0, payers).Select(_ => NewPayer(national, localByRegion)).ToArray();
        PayerCumulative = Cumulative(Payers.Select(p => p.Activity).ToArray());
        CardMerchants = Merchants.Where(m => m.TakesCards).DefaultIfEmpty(Merchants[0]).ToArray();
    }

    public SyntheticMerchant[] Merchants { get; }

    public SyntheticMerchant[] CardMerchants { get; }

    public SyntheticPayer[] Payers { get; }

    /// <summary>The payers' activities summed in order, for weighted picks.</summary>
    public double[] PayerCumulative { get; }

    public static bool IsCardMethod(string method) => method is "card" or "unionpay.gateway";

    /// <summary>The country of a region this world uses: a province's is CN, a country's is itself.</summary>
    public static string CountryOf(string region) => region.StartsWith("CN-", StringComparison.Ordinal) ? "CN" : region;

    public static double DistanceKm(string from, string to) => RegionCentroids.DistanceKm(from, to) ?? 0;

    public string NewIp()
    {
        var n = ++ipCounter;
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    public string NewDevice() => $"dev_{++deviceCounter:D7}";

    public string NewCard() => $"card_{++cardCounter:D7}";

    public string NewPayerId() => $"payer_{++payerCounter:D7}";

    public string RandomHome() => Homes[Pick(homeCumulative)].Region;

    /// <summary>A province payers live in, uniformly: where domestic trips go.</summary>
    public string RandomProvince() => Provinces[random.Next(Provinces.Length)];

    /// <summary>The index whose cumulative weight first exceeds a uniform draw.</summary>
    public int Pick(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>An amount of the merchant's, <paramref name="scale"/> times its usual.</summary>
    public Money Amount(SyntheticMerchant merchant, double scale = 1) =>
        new(Math.Max(1, (long)Math.Round(merchant.MedianMinor * scale * Math.Exp(merchant.SigmaLog * Normal()))), merchant.Currency);

    /// <summary>
    /// Exactly <paramref name="scale"/> times the merchant's usual, without its spread: an outlier drawn with the spread
    /// on top could fall back among the merchant's ordinary amounts and no longer be the outlier it is labelled.
    /// </summary>
    public static Money ScaledAmount(SyntheticMerchant merchant, double scale) =>
        new(Math.Max(1, (long)Math.Round(merchant.MedianMinor * scale)), merchant.Currency);

    private static double[] Cumulative(double[] weights)
    {
        var sums = new double[weights.Length];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i];
            sums[i] = total;
        }

        return sums;
    }

    private SyntheticMerchant NewMerchant(int number)
    {
        var national = random.NextDouble() < 0.4;
        var currency = random.NextDouble() switch
        {
            < 0.85 => Currency.Cny,
            < 0.95 => Currency.Parse("HKD"),
            _ => Currency.Parse("USD"),
        };

        // One merchant in five sells small things (drinks, game credits), whose honest payments look like card testers' probes.
        var median = random.NextDouble() < 0.2 ? 300 + (900 * random.NextDouble()) : Math.Exp(Math.Log(1_500) + (Math.Log(40) * random.NextDouble()));
        var methods = national ? NationalMethods : LocalMethods;
        return new SyntheticMerchant(
            $"mch_{number:D5}",
            currency,
            RandomHome() is var home && home.StartsWith("CN-", StringComparison.Ordinal) ? home : "CN-SH",
            national,
            median,
            0.3 + (0.6 * random.NextDouble()),
            PeakHours[random.Next(PeakHours.Length)],
            methods.Where(_ => random.NextDouble() < 0.7).DefaultIfEmpty(methods[0]).ToArray());
    }

    private SyntheticPayer NewPayer(SyntheticMerchant[] national, Dictionary<string, SyntheticMerchant[]> localByRegion)
    {
        var home = RandomHome();
        var local = localByRegion.GetValueOrDefault(home);
        var favourites = Enumerable.Range(0, 2 + random.Next(5))
            .Select(_ => local is not null && random.NextDouble() < 0.6 ? local[random.Next(local.Length)] : national[random.Next(national.Length)])
            .ToArray();
        return new SyntheticPayer(
            NewPayerId(),
            home,
            CountryOf(home),
            Enumerable.Range(0, 1 + random.Next(2)).Select(_ => NewDevice()).ToArray(),
            Enumerable.Range(0, 1 + random.Next(2)).Select(_ => NewIp()).ToArray(),
            Enumerable.Range(0, 1 + random.Next(2)).Select(_ => NewCard()).ToArray(),
            favourites,
            Math.Exp(0.8 * Normal()));
    }
}

using PayFunctions.Domain.Risk;
using static PayFunctions.Domain.Tests.Risk.RiskFixtures;

namespace PayFunctions.Domain.Tests.Risk;

public sealed class RiskFeaturesTests
{
    [Fact]
    public void Counts_come_from_each_keys_windows()
    {
        var history = History(
            payer: new WindowCounts(1, 2, 3, 4, 50, 60, 7),
            ip: new WindowCounts(0, 8, 9, 10, 0, 0, 11),
            card: new WindowCounts(0, 0, 12, 0, 0, 0, 13),
            merchant: new WindowCounts(14, 0, 0, 0, 0, 0, 15));

        var f = RiskFeatures.From(Facts(), history);

        Assert.Equal((2f, 3f, 4f, 7f), (f.PayerCount10m, f.PayerCount1h, f.PayerCount24h, f.PayerSmall10m));
        Assert.Equal((float)Math.Log(61), f.PayerSum24hLog, 5);
        Assert.Equal((8f, 9f, 11f), (f.IpCount10m, f.IpCount1h, f.IpSmall10m));
        Assert.Equal((12f, 13f), (f.CardCount1h, f.CardSmall10m));
        Assert.Equal((14f, 15f), (f.MerchantCount1m, f.MerchantSmall10m));
        Assert.Equal(RiskFeatures.Names.Count, f.ToVector().Length);
    }

    [Theory]
    [InlineData(500, 1)]
    [InlineData(501, 0)]
    public void Small_is_at_most_the_probe_size(long amount, float small) => Assert.Equal(small, RiskFeatures.From(Facts(amount: amount), History()).IsSmall);

    [Fact]
    public void The_z_score_waits_for_the_merchants_usual()
    {
        var few = Amounts(2_000, (int)RiskFeatures.AmountHistoryMinimum - 1);
        var enough = Amounts(2_000, (int)RiskFeatures.AmountHistoryMinimum);

        Assert.Equal(0, RiskFeatures.From(Facts(amount: 1_000_000), History(amounts: few)).AmountZ);
        var z = RiskFeatures.From(Facts(amount: 1_000_000), History(amounts: enough)).AmountZ;
        Assert.Equal((Math.Log(1_000_000) - enough.MeanLog) / enough.StandardDeviationLog, z, 4);
    }

    [Fact]
    public void The_region_share_waits_for_enough_located_payments()
    {
        Assert.Equal(1, RiskFeatures.From(Facts(region: "CN-GD"), History(regions: new RegionCounts(0, 49))).RegionShare);
        Assert.Equal(0.1f, RiskFeatures.From(Facts(region: "CN-GD"), History(regions: new RegionCounts(5, 50))).RegionShare);
        Assert.Equal(1, RiskFeatures.From(Facts(region: null), History(regions: new RegionCounts(0, 500))).RegionShare);
    }

    [Theory]
    [InlineData("US", "cn", 1)]
    [InlineData("CN-SH", "CN", 0)]
    [InlineData("CN-MO", "MO", 0)]
    [InlineData("CN-MO", "CN", 1)]
    [InlineData(null, "CN", 0)]
    [InlineData("US", "CHN", 0)]
    public void Ip_country_mismatch_reads_a_provinces_country(string? region, string? country, float mismatch) =>
        Assert.Equal(mismatch, RiskFeatures.From(Facts(region: region, country: country), History()).IpCountryMismatch);

    [Fact]
    public void Travel_speed_is_distance_over_time_with_a_minute_at_least()
    {
        var km = RegionCentroids.DistanceKm("CN-BJ", "CN-GD")!.Value;

        var twoHours = RiskFeatures.From(Facts(region: "CN-GD"), History(last: new LastSeen("CN-BJ", At.AddHours(-2)))).TravelKmh;
        var sameInstant = RiskFeatures.From(Facts(region: "CN-GD"), History(last: new LastSeen("CN-BJ", At))).TravelKmh;

        Assert.Equal(km / 2, twoHours, 1);
        Assert.Equal(km * 60, sameInstant, 0);
    }

    [Theory]
    [InlineData("CN-GD", "CN-GD")]
    [InlineData("CN-MO", "CN-HK")]
    [InlineData("CN-BJ", "ZZ")]
    public void Travel_is_zero_within_one_place_or_where_a_region_is_not_placed(string from, string to) =>
        Assert.Equal(0, RiskFeatures.From(Facts(region: to), History(last: new LastSeen(from, At.AddMinutes(-1)))).TravelKmh);

    [Fact]
    public void The_hour_is_chinas_and_a_new_payer_has_no_past()
    {
        var f = RiskFeatures.From(Facts(), History());

        Assert.Equal(10, f.HourOfDay);
        Assert.Equal(1, f.NewPayer);
        Assert.Equal(0, RiskFeatures.From(Facts(), History(payer: WindowCounts.None with { Count24h = 1 })).NewPayer);
        Assert.Equal(0, RiskFeatures.From(Facts(payer: null), History()).NewPayer);
    }
}

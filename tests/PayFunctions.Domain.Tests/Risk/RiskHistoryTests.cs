using PayFunctions.Domain.Risk;

namespace PayFunctions.Domain.Tests.Risk;

public sealed class RiskHistoryTests
{
    [Fact]
    public void Amount_statistics_match_the_two_pass_mean_and_deviation()
    {
        long[] amounts = [100, 2_500, 3_000, 12_000, 80, 999_999];
        var stats = amounts.Aggregate(AmountStats.None, (s, a) => s.With(a));

        var logs = amounts.Select(a => Math.Log(a)).ToArray();
        var mean = logs.Average();
        var sd = Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (logs.Length - 1));
        Assert.Equal(amounts.Length, stats.Count);
        Assert.Equal(mean, stats.MeanLog, 10);
        Assert.Equal(sd, stats.StandardDeviationLog, 10);
    }

    [Fact]
    public void An_amount_below_one_counts_as_one_and_one_amount_has_no_spread()
    {
        var stats = AmountStats.None.With(0);

        Assert.Equal(0, stats.MeanLog);
        Assert.Equal(0, stats.StandardDeviationLog);
    }

    [Fact]
    public void Region_distances_are_great_circles_between_capitals()
    {
        Assert.InRange(RegionCentroids.DistanceKm("CN-BJ", "CN-SH")!.Value, 1_060, 1_075);
        Assert.Equal(RegionCentroids.DistanceKm("GB", "US"), RegionCentroids.DistanceKm("US", "GB"));
        Assert.Equal(0, RegionCentroids.DistanceKm("JP", "JP"));
        Assert.Null(RegionCentroids.DistanceKm("CN-BJ", "unknown"));
    }

    [Fact]
    public void Every_placed_region_is_a_region_code()
    {
        Assert.All(RegionCentroids.Known, r => Assert.True(PayFunctions.Domain.Reports.RegionCodes.TryNormalize(r, out var n) && n == r, r));
    }
}

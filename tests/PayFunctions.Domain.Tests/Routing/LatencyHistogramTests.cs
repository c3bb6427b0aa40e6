using FsCheck.Xunit;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Domain.Tests.Routing;

public sealed class LatencyHistogramTests
{
    /// <summary>The widest bucket's ratio of upper to lower edge: a percentile is never further off than this.</summary>
    private static readonly double BucketRatio = Math.Pow(60_000, 1.0 / 40);

    [Fact]
    public void Under_five_samples_there_is_no_percentile()
    {
        var histogram = Recorded(100, 100, 100, 100);

        Assert.Null(histogram.Percentile(0.5));
        histogram.Record(TimeSpan.FromMilliseconds(100));
        Assert.NotNull(histogram.Percentile(0.5));
    }

    [Fact]
    public void Percentiles_of_a_spread_land_within_one_bucket_of_the_exact_value()
    {
        var histogram = Recorded([.. Enumerable.Range(1, 1000)]);

        AssertNear(500, histogram.Percentile(0.5)!.Value);
        AssertNear(950, histogram.Percentile(0.95)!.Value);
        AssertNear(990, histogram.Percentile(0.99)!.Value);
    }

    [Fact]
    public void A_slow_tail_moves_the_p95_but_not_the_median()
    {
        var histogram = Recorded([.. Enumerable.Repeat(50, 90), .. Enumerable.Repeat(5_000, 10)]);

        AssertNear(50, histogram.Percentile(0.5)!.Value);
        AssertNear(5_000, histogram.Percentile(0.95)!.Value);
    }

    [Fact]
    public void Times_outside_the_scale_are_kept_at_its_ends()
    {
        var fast = Recorded(0, 0, 0, 0, 0);
        var slow = Recorded(120_000, 120_000, 120_000, 120_000, 120_000);
        fast.Record(TimeSpan.FromMilliseconds(-3));

        Assert.True(fast.Percentile(1) <= LatencyHistogram.Smallest);
        Assert.Equal(LatencyHistogram.Largest, slow.Percentile(0.5));
        Assert.Equal(LatencyHistogram.Largest, slow.Percentile(1));
    }

    [Fact]
    public void Merging_is_the_same_as_recording_everything_in_one()
    {
        var first = Recorded(10, 20, 30);
        var second = Recorded(40, 50_000, 7);
        var both = Recorded(10, 20, 30, 40, 50_000, 7);

        first.Merge(second);

        Assert.Equal(both.Counts, first.Counts);
        Assert.Equal(6, first.Count);
        Assert.Equal(both.Percentile(0.5), first.Percentile(0.5));
    }

    [Fact]
    public void Counts_restore_the_same_histogram()
    {
        var original = Recorded(3, 80, 80, 900, 12_000, 61_000);

        var restored = LatencyHistogram.FromCounts([.. original.Counts]);

        Assert.Equal(original.Counts, restored.Counts);
        Assert.Equal(original.Count, restored.Count);
        Assert.Equal(original.Percentile(0.95), restored.Percentile(0.95));
    }

    [Fact]
    public void Counts_of_another_shape_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LatencyHistogram.FromCounts(new long[LatencyHistogram.BucketCount - 1]));
        var negative = new long[LatencyHistogram.BucketCount];
        negative[3] = -1;
        Assert.Throws<ArgumentException>(() => LatencyHistogram.FromCounts(negative));
    }

    [Property]
    public bool Percentiles_never_decrease_with_p(int[] millis)
    {
        var histogram = Recorded([.. millis.Select(m => Math.Abs(m % 100_000))]);
        if (histogram.Count < LatencyHistogram.MinimumSamples)
        {
            return histogram.Percentile(0.5) is null;
        }

        var ps = new[] { 0, 0.1, 0.5, 0.9, 0.95, 0.99, 1 };
        var values = ps.Select(p => histogram.Percentile(p)!.Value).ToList();
        return values.Zip(values.Skip(1)).All(pair => pair.First <= pair.Second);
    }

    [Property]
    public bool The_median_of_one_repeated_time_is_within_its_bucket(ushort millis)
    {
        var value = 1 + (millis % 59_000);
        var histogram = Recorded([.. Enumerable.Repeat(value, 7)]);
        var median = histogram.Percentile(0.5)!.Value.TotalMilliseconds;
        return median <= value * BucketRatio + 1e-6 && median >= value / BucketRatio - 1e-6;
    }

    private static LatencyHistogram Recorded(params int[] millis)
    {
        var histogram = new LatencyHistogram();
        foreach (var m in millis)
        {
            histogram.Record(TimeSpan.FromMilliseconds(m));
        }

        return histogram;
    }

    private static void AssertNear(double expectedMillis, TimeSpan actual) =>
        Assert.InRange(actual.TotalMilliseconds, expectedMillis / BucketRatio, expectedMillis * BucketRatio);
}

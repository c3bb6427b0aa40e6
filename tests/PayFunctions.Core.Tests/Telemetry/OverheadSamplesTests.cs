using PayFunctions.Core.Telemetry;

namespace PayFunctions.Core.Tests.Telemetry;

public sealed class OverheadSamplesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Percentiles_are_nearest_rank_per_kind()
    {
        var samples = new OverheadSamples();
        for (var ms = 1; ms <= 100; ms++)
        {
            samples.Record("create", T0, TimeSpan.FromMilliseconds(101 - ms));
        }

        samples.Record("activity:Other", T0, TimeSpan.FromMilliseconds(7));

        var summary = samples.Summarize(since: null);

        Assert.Equal(new OverheadSummary(100, 50, 90, 99, 100), summary["create"]);
        Assert.Equal(new OverheadSummary(1, 7, 7, 7, 7), summary["activity:Other"]);
    }

    [Fact]
    public void Since_keeps_only_spans_that_ended_then_or_later()
    {
        var samples = new OverheadSamples();
        samples.Record("create", T0.AddSeconds(-1), TimeSpan.FromMilliseconds(500));
        samples.Record("create", T0, TimeSpan.FromMilliseconds(2));
        samples.Record("create", T0.AddSeconds(1), TimeSpan.FromMilliseconds(4));

        var summary = samples.Summarize(T0);

        Assert.Equal(new OverheadSummary(2, 2, 4, 4, 4), summary["create"]);
        Assert.Empty(samples.Summarize(T0.AddSeconds(2)));
    }

    [Fact]
    public void Only_the_newest_samples_are_kept()
    {
        var samples = new OverheadSamples();
        for (var i = 0; i < OverheadSamples.Capacity; i++)
        {
            samples.Record("create", T0, TimeSpan.FromMilliseconds(1_000));
        }

        for (var i = 0; i < OverheadSamples.Capacity; i++)
        {
            samples.Record("create", T0, TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(new OverheadSummary(OverheadSamples.Capacity, 1, 1, 1, 1), samples.Summarize(null)["create"]);
    }

    [Fact]
    public void Kinds_beyond_the_bound_are_not_kept()
    {
        var samples = new OverheadSamples();
        for (var i = 0; i <= OverheadSamples.MaxKinds; i++)
        {
            samples.Record($"activity:A{i}", T0, TimeSpan.FromMilliseconds(1));
        }

        var summary = samples.Summarize(null);

        Assert.Equal(OverheadSamples.MaxKinds, summary.Count);
        Assert.DoesNotContain($"activity:A{OverheadSamples.MaxKinds}", summary.Keys);
    }
}

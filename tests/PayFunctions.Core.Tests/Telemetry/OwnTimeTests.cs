using PayFunctions.Core.Telemetry;

namespace PayFunctions.Core.Tests.Telemetry;

public sealed class OwnTimeTests
{
    private static readonly SpanInterval Span = new(1_000, 2_000);

    [Fact]
    public void Nothing_excluded_is_the_whole_duration() =>
        Assert.Equal(TimeSpan.FromTicks(1_000), OwnTime.Of(Span, []));

    [Fact]
    public void Disjoint_calls_are_each_subtracted() =>
        Assert.Equal(TimeSpan.FromTicks(700), OwnTime.Of(Span, [new(1_100, 1_200), new(1_500, 1_700)]));

    [Fact]
    public void Overlapping_calls_are_subtracted_once_whatever_their_order() =>
        Assert.Equal(TimeSpan.FromTicks(700), OwnTime.Of(Span, [new(1_300, 1_400), new(1_100, 1_250), new(1_200, 1_350)]));

    [Fact]
    public void A_call_inside_another_adds_nothing() =>
        Assert.Equal(TimeSpan.FromTicks(500), OwnTime.Of(Span, [new(1_200, 1_700), new(1_300, 1_400), new(1_650, 1_700)]));

    [Fact]
    public void Calls_that_touch_merge_into_one() =>
        Assert.Equal(TimeSpan.FromTicks(800), OwnTime.Of(Span, [new(1_100, 1_200), new(1_200, 1_300)]));

    [Fact]
    public void Only_the_part_inside_the_span_is_subtracted() =>
        Assert.Equal(TimeSpan.FromTicks(700), OwnTime.Of(Span, [new(500, 1_100), new(1_800, 2_500)]));

    [Fact]
    public void Calls_wholly_outside_the_span_are_ignored() =>
        Assert.Equal(TimeSpan.FromTicks(1_000), OwnTime.Of(Span, [new(100, 900), new(2_000, 2_100), new(1_500, 1_500)]));

    [Fact]
    public void A_span_covered_entirely_has_no_own_time() =>
        Assert.Equal(TimeSpan.Zero, OwnTime.Of(Span, [new(900, 1_600), new(1_400, 2_100)]));
}

using PayFunctions.Domain.Routing;
using static PayFunctions.Domain.Tests.Routing.RoutingFixtures;

namespace PayFunctions.Domain.Tests.Routing;

public sealed class SuccessEstimateTests
{
    [Fact]
    public void With_no_outcome_the_mean_is_the_optimistic_prior()
    {
        Assert.Equal(0.9, SuccessEstimate.Empty.Mean(Noon), 10);
        Assert.Equal(0, SuccessEstimate.Empty.Samples(Noon));
    }

    [Fact]
    public void Outcomes_move_the_mean_from_the_prior()
    {
        Assert.Equal(19.0 / 20, Outcomes(10, 0, Noon).Mean(Noon), 10);
        Assert.Equal(9.0 / 20, Outcomes(0, 10, Noon).Mean(Noon), 10);
        Assert.Equal(10, Outcomes(4, 6, Noon).Samples(Noon), 10);
    }

    [Fact]
    public void Samples_halve_every_half_life()
    {
        var estimate = Outcomes(6, 2, Noon);

        Assert.Equal(4, estimate.Samples(Noon + SuccessEstimate.HalfLife), 10);
        Assert.Equal(1, estimate.Samples(Noon + (3 * SuccessEstimate.HalfLife)), 10);
    }

    [Fact]
    public void Reading_before_the_last_outcome_does_not_inflate_the_counts()
    {
        var estimate = Outcomes(6, 2, Noon);

        Assert.Equal(8, estimate.Samples(Noon - TimeSpan.FromHours(1)), 10);
    }

    [Fact]
    public void A_failing_account_left_alone_drifts_back_to_the_prior()
    {
        var failing = Outcomes(2, 50, Noon);

        Assert.True(failing.Mean(Noon) < 0.2);
        Assert.InRange(failing.Mean(Noon + (10 * SuccessEstimate.HalfLife)), 0.85, 0.9);
        Assert.Equal(0.9, failing.Mean(Noon + TimeSpan.FromHours(2)), 6);
    }

    [Fact]
    public void An_outcome_reported_late_counts_as_aged()
    {
        var later = Noon + SuccessEstimate.HalfLife;
        var inOrder = SuccessEstimate.Empty.Record(false, Noon).Record(true, later);
        var late = SuccessEstimate.Empty.Record(true, later).Record(false, Noon);

        Assert.Equal(inOrder.Successes, late.Successes, 10);
        Assert.Equal(inOrder.Failures, late.Failures, 10);
        Assert.Equal(later, late.At);
        Assert.Equal(0.5, late.Failures, 10);
    }

    [Fact]
    public void Merge_sums_both_counts_as_of_the_later_time()
    {
        var later = Noon + SuccessEstimate.HalfLife;
        var mine = Outcomes(8, 4, Noon);
        var theirs = Outcomes(3, 1, later);

        var merged = mine.Merge(theirs);

        Assert.Equal(later, merged.At);
        Assert.Equal(4 + 3, merged.Successes, 10);
        Assert.Equal(2 + 1, merged.Failures, 10);
        Assert.Equal(merged, theirs.Merge(mine));
    }

    [Fact]
    public void Merging_with_empty_changes_nothing()
    {
        var estimate = Outcomes(8, 4, Noon);

        Assert.Equal(estimate, estimate.Merge(SuccessEstimate.Empty));
        Assert.Equal(estimate, SuccessEstimate.Empty.Merge(estimate));
    }

    [Fact]
    public void A_million_outcomes_keep_the_estimate_finite_and_current()
    {
        var estimate = SuccessEstimate.Empty;
        for (var i = 0; i < 1_000_000; i++)
        {
            estimate = estimate.Record(i % 4 != 0, Noon + TimeSpan.FromMilliseconds(i));
        }

        var end = Noon + TimeSpan.FromMilliseconds(1_000_000);
        Assert.InRange(estimate.Mean(end), 0.74, 0.76);
        Assert.True(double.IsFinite(estimate.Samples(end)));
    }
}

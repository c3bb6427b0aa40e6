using PayFunctions.Domain.Routing;
using static PayFunctions.Domain.Tests.Routing.RoutingFixtures;

namespace PayFunctions.Domain.Tests.Routing;

public sealed class EliminationTests
{
    [Fact]
    public void An_account_at_another_channel_is_eliminated()
    {
        var verdicts = Decide(new States(), Candidate(Elsewhere), Candidate(A));

        Assert.Equal(EliminationReasons.OtherChannel, verdicts[0].Eliminated);
        Assert.Equal(A, Assert.Single(verdicts, v => v.Rank is not null).Account);
    }

    [Fact]
    public void An_account_the_platform_has_not_configured_is_eliminated()
    {
        var verdicts = Decide(new States(), Request(configured: [A, B]), Candidate(C), Candidate(A));

        Assert.Equal(EliminationReasons.NotConfigured, verdicts[0].Eliminated);
        Assert.Null(verdicts[1].Eliminated);
    }

    [Fact]
    public void An_account_with_an_open_circuit_is_eliminated()
    {
        var states = new States { [A] = AccountState.Unknown with { CircuitOpen = true } };

        Assert.Equal(EliminationReasons.CircuitOpen, Decide(states, Candidate(A))[0].Eliminated);
    }

    [Theory]
    [InlineData(5_000, null)]
    [InlineData(5_001, EliminationReasons.OverTransactionLimit)]
    public void A_payment_above_the_per_transaction_cap_eliminates(long amount, string? reason) =>
        Assert.Equal(reason, Decide(new States(), Request(amount), Candidate(A, limits: new(5_000, null, null, null)))[0].Eliminated);

    [Theory]
    [InlineData(90_000, 10_000, null)]
    [InlineData(90_001, 10_000, EliminationReasons.OverDailyAmount)]
    [InlineData(0, 100_001, EliminationReasons.OverDailyAmount)]
    public void A_payment_that_would_take_the_day_over_its_cap_eliminates(long dayAmount, long amount, string? reason)
    {
        var states = new States { [A] = AccountState.Unknown with { DayAmount = dayAmount } };

        Assert.Equal(reason, Decide(states, Request(amount), Candidate(A, limits: new(null, 100_000, null, null)))[0].Eliminated);
    }

    [Fact]
    public void A_day_amount_near_the_largest_long_does_not_overflow_past_the_cap()
    {
        var states = new States { [A] = AccountState.Unknown with { DayAmount = long.MaxValue - 10 } };

        Assert.Equal(EliminationReasons.OverDailyAmount, Decide(states, Request(10_000), Candidate(A, limits: new(null, long.MaxValue, null, null)))[0].Eliminated);
    }

    [Theory]
    [InlineData(9, null)]
    [InlineData(10, EliminationReasons.OverDailyCount)]
    public void An_account_that_took_its_count_today_is_eliminated(int dayCount, string? reason)
    {
        var states = new States { [A] = AccountState.Unknown with { DayCount = dayCount } };

        Assert.Equal(reason, Decide(states, Candidate(A, limits: new(null, null, 10, null)))[0].Eliminated);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(5, EliminationReasons.OverRateLimit)]
    public void An_account_that_took_its_rate_this_second_is_eliminated(int lastSecond, string? reason)
    {
        var states = new States { [A] = AccountState.Unknown with { LastSecondCount = lastSecond } };

        Assert.Equal(reason, Decide(states, Candidate(A, limits: new(null, null, null, 5)))[0].Eliminated);
    }

    [Fact]
    public void Eliminated_candidates_have_no_rank_and_score_zero_but_keep_their_facts()
    {
        var states = new States { [B] = Healthy() with { CircuitOpen = true, LatencyP95 = TimeSpan.FromMilliseconds(300) } };
        var fees = new[] { new AccountFee(B, null, 60, 0) };
        var policy = Policy(fees: fees, rules: Rule("r", Candidate(A), Candidate(B)));

        var eliminated = Router.Decide(policy, Request(), states).Candidates[1];

        Assert.Equal((B, (int?)null, 0.0), (eliminated.Account, eliminated.Rank, eliminated.Score));
        Assert.Equal(60, eliminated.Fee);
        Assert.Equal(TimeSpan.FromMilliseconds(300), eliminated.LatencyP95);
        Assert.True(eliminated.SuccessEstimate > 0.95);
    }

    [Fact]
    public void When_every_candidate_is_eliminated_nothing_is_chosen()
    {
        var states = new States { [A] = AccountState.Unknown with { CircuitOpen = true } };

        var decision = Router.Decide(Policy(rules: Rule("r", Candidate(A), Candidate(Elsewhere))), Request(), states);

        Assert.Null(decision.Chosen);
        Assert.Empty(decision.Order);
    }

    private static IReadOnlyList<CandidateVerdict> Decide(States states, params RouteCandidate[] candidates) =>
        Decide(states, Request(), candidates);

    private static IReadOnlyList<CandidateVerdict> Decide(States states, RouteRequest request, params RouteCandidate[] candidates) =>
        Router.Decide(Policy(rules: Rule("r", candidates)), request, states).Candidates;
}

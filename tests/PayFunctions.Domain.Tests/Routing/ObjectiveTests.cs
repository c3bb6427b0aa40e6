using PayFunctions.Domain.Routing;
using static PayFunctions.Domain.Tests.Routing.RoutingFixtures;

namespace PayFunctions.Domain.Tests.Routing;

public sealed class ObjectiveTests
{
    [Fact]
    public void Under_success_a_degraded_account_ranks_below_a_healthy_one()
    {
        var states = new States { [A] = Degraded(), [B] = Healthy() };

        for (var draw = 0.0; draw < 1; draw += 0.1)
        {
            var decision = Router.Decide(Policy(rules: Rule("r", Candidate(A), Candidate(B))), Request(draw: draw), states);

            Assert.Equal([B, A], decision.Order);
        }
    }

    [Fact]
    public void Under_success_fee_then_latency_break_ties_among_equals()
    {
        // Nothing is known of their success, so all four are alike; D takes first place by weight, the rest follow by score.
        var d = new ChannelAccountId(Channel, "d");
        var states = new States { [B] = AccountState.Unknown with { LatencyP95 = TimeSpan.FromSeconds(2) } };
        var fees = new[] { new AccountFee(A, null, 100, 0), new AccountFee(B, null, 30, 0), new AccountFee(C, null, 30, 0) };
        var policy = Policy(fees: fees, rules: Rule("r", Candidate(A, weight: 0), Candidate(B, weight: 0), Candidate(C, weight: 0), Candidate(d)));

        Assert.Equal([d, C, B, A], Router.Decide(policy, Request(configured: [A, B, C, d]), states).Order);
    }

    [Fact]
    public void Under_cost_the_cheaper_account_ranks_first_even_when_less_successful()
    {
        var states = new States { [A] = Healthy(), [B] = Degraded() };
        var fees = new[] { new AccountFee(A, null, 60, 0), new AccountFee(B, null, 30, 0) };
        var policy = Policy(RoutingObjective.Cost, fees: fees, rules: Rule("r", Candidate(A), Candidate(B)));

        var decision = Router.Decide(policy, Request(10_000), states);

        Assert.Equal([B, A], decision.Order);
        Assert.Equal([60L, 30L], decision.Candidates.Select(c => c.Fee!.Value));
    }

    [Fact]
    public void Under_cost_the_fixed_part_counts_toward_the_rate()
    {
        var fees = new[] { new AccountFee(A, null, 30, 100), new AccountFee(B, null, 60, 0) };
        var policy = Policy(RoutingObjective.Cost, fees: fees, rules: Rule("r", Candidate(A), Candidate(B)));

        Assert.Equal([B, A], Router.Decide(policy, Request(10_000), new States()).Order);
        Assert.Equal([A, B], Router.Decide(policy, Request(1_000_000), new States()).Order);
    }

    [Fact]
    public void Under_cost_an_unknown_fee_counts_as_the_most_expensive_and_success_breaks_the_tie()
    {
        var states = new States { [A] = Degraded(), [B] = Healthy(), [C] = Healthy() };
        var fees = new[] { new AccountFee(A, null, 60, 0), new AccountFee(B, null, 30, 0) };
        var policy = Policy(RoutingObjective.Cost, fees: fees, rules: Rule("r", Candidate(A), Candidate(B), Candidate(C)));

        var decision = Router.Decide(policy, Request(), states);

        Assert.Equal([B, C, A], decision.Order);
        Assert.Null(decision.Candidates[2].Fee);
    }

    [Fact]
    public void Under_cost_an_equally_cheap_failing_account_takes_no_share()
    {
        var states = new States { [A] = Degraded(), [B] = Healthy() };
        var fees = new[] { new AccountFee(A, null, 30, 0), new AccountFee(B, null, 30, 0) };
        var policy = Policy(RoutingObjective.Cost, fees: fees, rules: Rule("r", Candidate(A, weight: 100), Candidate(B)));

        for (var draw = 0.0; draw < 1; draw += 0.05)
        {
            Assert.Equal(B, Router.Decide(policy, Request(draw: draw), states).Chosen);
        }
    }

    [Fact]
    public void Under_cost_without_fees_success_decides()
    {
        var states = new States { [A] = Degraded(), [B] = Healthy() };

        Assert.Equal([B, A], Router.Decide(Policy(RoutingObjective.Cost, rules: Rule("r", Candidate(A), Candidate(B))), Request(), states).Order);
    }

    [Theory]
    [InlineData(1, new[] { "a", "b" })] // one point of fee worth one point of success: A's 4 points more success outweigh 0.7 points more fee
    [InlineData(10, new[] { "b", "a" })] // worth ten points: 0.7 points more fee cost A 7 points, more than it gains
    public void Balanced_trades_success_against_fee_by_the_cost_weight(double costWeight, string[] expected)
    {
        var states = new States { [A] = Healthy() };
        var fees = new[] { new AccountFee(A, null, 100, 0), new AccountFee(B, null, 30, 0) };
        var policy = Policy(RoutingObjective.Balanced, costWeight, fees, Rule("r", Candidate(A), Candidate(B)));

        var decision = Router.Decide(policy, Request(10_000), states);

        Assert.Equal(expected, decision.Order.Select(a => a.Account));
        var a = decision.Candidates[0];
        Assert.Equal(a.SuccessEstimate - (costWeight * 1.0 / 100), a.Score, 12);
    }

    [Theory]
    [InlineData(1, new[] { "b", "a" })] // one try: A places 70 %, 30 points short of B, which outweighs B's 0.07 points more fee
    [InlineData(3, new[] { "a", "b" })] // three tries: A places 97.3 %, and B's extra fee (7 points at weight 100) is worth more
    public void Balanced_weighs_what_an_account_places_within_its_tries_before_failover(int tries, string[] expected)
    {
        var states = new States { [A] = AccountState.Unknown with { Success = Outcomes(700, 300, Noon) }, [B] = AccountState.Unknown with { Success = Outcomes(1000, 0, Noon) } };
        var fees = new[] { new AccountFee(A, null, 38, 0), new AccountFee(B, null, 45, 0) };
        var policy = Policy(RoutingObjective.Balanced, 100, fees, Rule("r", Candidate(A), Candidate(B)));

        var decision = Router.Decide(policy, Request(10_000) with { TriesPerAccount = tries }, states);

        Assert.Equal(expected, decision.Order.Select(a => a.Account));
        var a = decision.Candidates[0];
        Assert.Equal(1 - Math.Pow(1 - a.SuccessEstimate, tries) - (100 * 0.38 / 100), a.Score, 12);
    }

    [Fact]
    public void Under_success_tries_change_nothing_and_the_account_failing_fewer_calls_goes_first()
    {
        var states = new States { [A] = AccountState.Unknown with { Success = Outcomes(800, 200, Noon) }, [B] = Healthy() };
        var policy = Policy(rules: Rule("r", Candidate(A, weight: 100), Candidate(B)));

        for (var draw = 0.0; draw < 1; draw += 0.1)
        {
            Assert.Equal([B, A], Router.Decide(policy, Request(draw: draw) with { TriesPerAccount = 3 }, states).Order);
        }
    }

    [Fact]
    public void The_most_specific_fee_applies_and_its_rate_rounds_half_up()
    {
        var fees = new[]
        {
            new AccountFee(A, null, 60, 0),
            new AccountFee(A, Method, 25, 3),
            new AccountFee(B, "wechat_pay.jsapi", 25, 0),
            new AccountFee(B, null, 60, 0),
        };
        var policy = Policy(fees: fees, rules: Rule("r", Candidate(A), Candidate(B), Candidate(C)));

        var verdicts = Router.Decide(policy, Request(1_002), new States()).Candidates;

        Assert.Equal(3 + 3, verdicts[0].Fee); // 1002 × 0.25 % = 2.505 → 3, plus 3 fixed
        Assert.Equal(6, verdicts[1].Fee); // 1002 × 0.6 % = 6.012 → 6
        Assert.Null(verdicts[2].Fee);
    }

    [Fact]
    public void The_success_estimate_adds_an_exploration_bonus_that_fades_with_samples()
    {
        var states = new States { [B] = AccountState.Unknown with { Success = Outcomes(900, 100, Noon) } };

        var verdicts = Router.Decide(Policy(rules: Rule("r", Candidate(A), Candidate(B))), Request(), states).Candidates;

        Assert.Equal(0.9 + 0.05, verdicts[0].SuccessEstimate, 12);
        Assert.Equal((909.0 / 1010) + (0.05 / Math.Sqrt(1001)), verdicts[1].SuccessEstimate, 12);
    }
}

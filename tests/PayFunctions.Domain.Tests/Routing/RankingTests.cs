using PayFunctions.Domain.Routing;
using static PayFunctions.Domain.Tests.Routing.RoutingFixtures;

namespace PayFunctions.Domain.Tests.Routing;

public sealed class RankingTests
{
    [Fact]
    public void Alike_accounts_share_first_place_by_weight_over_the_draws()
    {
        var states = new States { [C] = Degraded() };
        var policy = Policy(rules: Rule("r", Candidate(A, weight: 3), Candidate(B, weight: 1), Candidate(C, weight: 10)));

        var firsts = new Dictionary<ChannelAccountId, int>();
        for (var i = 0; i < 1_000; i++)
        {
            var chosen = Router.Decide(policy, Request(draw: i / 1_000.0), states).Chosen!.Value;
            firsts[chosen] = firsts.GetValueOrDefault(chosen) + 1;
        }

        Assert.Equal(750, firsts[A]);
        Assert.Equal(250, firsts[B]);
        Assert.False(firsts.ContainsKey(C));
    }

    [Fact]
    public void After_the_weighted_pick_the_group_follows_by_score()
    {
        // C scores best; A, with nothing known, is alike to it; B is far behind.
        var states = new States { [B] = Degraded(), [C] = AccountState.Unknown with { Success = Outcomes(10, 0, Noon) } };
        var policy = Policy(rules: Rule("r", Candidate(A), Candidate(B), Candidate(C)));

        Assert.Equal([A, C, B], Router.Decide(policy, Request(draw: 0.1), states).Order);
        Assert.Equal([C, A, B], Router.Decide(policy, Request(draw: 0.9), states).Order);
    }

    [Fact]
    public void A_later_priority_goes_after_every_earlier_one_however_it_scores()
    {
        var states = new States { [A] = Healthy(), [B] = Degraded(), [C] = Degraded() };
        var policy = Policy(rules: Rule("r", Candidate(A, priority: 1), Candidate(B, priority: 0), Candidate(C, priority: 0)));

        var decision = Router.Decide(policy, Request(), states);

        Assert.Equal([B, C, A], decision.Order);
        Assert.Equal([3, 1, 2], decision.Candidates.Select(c => c.Rank!.Value));
    }

    [Fact]
    public void When_the_earlier_priority_is_eliminated_the_later_one_is_chosen()
    {
        var states = new States { [B] = AccountState.Unknown with { CircuitOpen = true } };
        var policy = Policy(rules: Rule("r", Candidate(A, priority: 5), Candidate(B, priority: 0)));

        var decision = Router.Decide(policy, Request(), states);

        Assert.Equal(A, decision.Chosen);
        Assert.Equal([1, (int?)null], decision.Candidates.Select(c => c.Rank));
    }

    [Fact]
    public void Verdicts_keep_the_order_the_rule_lists_the_candidates_in()
    {
        var states = new States { [A] = Degraded(), [C] = Healthy() };
        var policy = Policy(rules: Rule("r", Candidate(A), Candidate(Elsewhere), Candidate(C), Candidate(B)));

        var decision = Router.Decide(policy, Request(), states);

        Assert.Equal([A, Elsewhere, C, B], decision.Candidates.Select(c => c.Account));
        Assert.Equal([3, null, 1, 2], decision.Candidates.Select(c => c.Rank));
    }

    [Fact]
    public void A_recovered_account_left_alone_ranks_again()
    {
        var outage = Noon;
        var later = outage + (10 * SuccessEstimate.HalfLife);
        var failing = AccountState.Unknown with { Success = Outcomes(5, 40, outage) };
        var policy = Policy(rules: Rule("r", Candidate(A), Candidate(B)));

        // During the outage every payment goes to B, which takes 80 % of them.
        var during = new States { [A] = failing, [B] = AccountState.Unknown with { Success = Outcomes(80, 20, outage) } };
        for (var draw = 0.0; draw < 1; draw += 0.1)
        {
            Assert.Equal(B, Router.Decide(policy, Request(at: outage, draw: draw), during).Chosen);
        }

        // Ten half-lives on, A got no traffic and its failures have aged away; B still takes 80 %.
        var after = new States { [A] = failing, [B] = AccountState.Unknown with { Success = Outcomes(80, 20, later) } };
        for (var draw = 0.0; draw < 1; draw += 0.1)
        {
            var decision = Router.Decide(policy, Request(at: later, draw: draw), after);

            Assert.InRange(decision.Candidates[0].SuccessEstimate, 0.9, 0.95);
            Assert.Equal(A, decision.Chosen);
        }
    }

    [Fact]
    public void After_a_quiet_spell_a_recovered_account_shares_volume_with_its_peer_again()
    {
        var outage = Noon;
        var later = outage + (10 * SuccessEstimate.HalfLife);
        var states = new States
        {
            [A] = AccountState.Unknown with { Success = Outcomes(0, 40, outage) },
            [B] = AccountState.Unknown with { Success = Outcomes(20, 0, outage) },
        };
        var policy = Policy(rules: Rule("r", Candidate(A), Candidate(B)));

        var firsts = 0;
        for (var i = 0; i < 100; i++)
        {
            firsts += Router.Decide(policy, Request(at: later, draw: i / 100.0), states).Chosen == A ? 1 : 0;
        }

        Assert.Equal(50, firsts);
    }

    [Fact]
    public void The_same_inputs_give_the_same_decision()
    {
        var states = new States { [A] = Healthy(), [B] = Degraded(), [C] = AccountState.Unknown with { LatencyP95 = TimeSpan.FromMilliseconds(800) } };
        var fees = new[] { new AccountFee(A, null, 60, 0), new AccountFee(C, null, 38, 0) };
        var policy = Policy(RoutingObjective.Balanced, 2, fees, Rule("r", Candidate(A, weight: 2), Candidate(B), Candidate(C, weight: 5)));

        for (var draw = 0.0; draw < 1; draw += 0.07)
        {
            var first = Router.Decide(policy, Request(draw: draw), states);
            var second = Router.Decide(policy, Request(draw: draw), states);

            Assert.Equal(first.Candidates, second.Candidates);
            Assert.Equal(first.Order, second.Order);
        }
    }
}

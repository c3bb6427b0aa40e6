namespace PayFunctions.Domain.Routing;

/// <summary>
/// Decides which of the platform's accounts takes a payment, and in which order the others are tried when it fails.
/// Pure: reads only its arguments (no clock, no I/O, no randomness beyond <see cref="RouteRequest.Draw"/>), so the
/// same inputs always give the same decision. Allocates only the verdicts it returns.
/// </summary>
public static class Router
{
    /// <summary>Above this many candidates the working records go to the heap instead of the stack.</summary>
    private const int StackCandidates = 32;

    /// <summary>
    /// The decision for <paramref name="request"/>:
    /// <list type="number">
    /// <item>the first rule of <paramref name="policy"/> whose condition matches names the candidates (with no match,
    /// the channel's configured accounts at priority 0, weight 1, without limits);</item>
    /// <item>candidates at another channel, not configured, with an open circuit or over one of their limits are
    /// eliminated (see <see cref="EliminationReasons"/>);</item>
    /// <item>the others are scored by the policy's objective (see <see cref="RoutingObjective"/>; the formulas are on
    /// <c>RouteScoring</c>) and ranked: lower priority first, within a priority by score, with volume split by weight
    /// among candidates whose scores are alike.</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// Success s = min(1, mean + 0.05·√(1 ÷ (1 + samples))), from <see cref="SuccessEstimate.Mean"/> and
    /// <see cref="SuccessEstimate.Samples"/> at <see cref="RouteRequest.At"/>: optimistic about accounts little is known of.
    /// With r the fee in percentage points of the amount (an unknown fee counts as the most expensive kept one) and l
    /// the 95th percentile latency in seconds (0 when unknown), the score is, by objective:
    /// Success s − 10⁻⁴·r − 10⁻⁵·l; Cost −r + 10⁻⁶·s; Balanced 1 − (1 − s)ᵗ − CostWeight·r ÷ 100, t being
    /// <see cref="RouteRequest.TriesPerAccount"/>.
    /// Scores within 0.02 of their group's best are alike (under Cost, success must be within 0.02 as well).
    /// </remarks>
    public static RoutingDecision Decide(RoutingPolicy policy, RouteRequest request, IAccountStates states)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(states);

        var rule = RuleMatcher.FirstMatch(policy, request);
        var count = rule?.Candidates.Count ?? request.Configured.Count;
        var candidates = count <= StackCandidates ? stackalloc Assessment[count] : new Assessment[count];
        for (var i = 0; i < count; i++)
        {
            var (account, priority, weight, limits) = CandidateAt(rule, request, i);
            var state = states.Get(account);
            candidates[i] = new Assessment
            {
                Priority = priority,
                Weight = weight,
                Eliminated = Eliminations.Check(account, limits, state, request),
                Success = RouteScoring.Optimistic(state.Success, request.At),
                LatencyP95 = state.LatencyP95,
                Fee = AccountFees.For(policy.Fees, account, request.Method, request.Amount.MinorUnits),
            };
        }

        RouteScoring.Score(policy, request.Amount.MinorUnits, request.TriesPerAccount, candidates);
        RouteRanking.Rank(policy.Objective, request.Draw, candidates, count <= StackCandidates ? stackalloc int[count] : new int[count]);

        var verdicts = new CandidateVerdict[count];
        for (var i = 0; i < count; i++)
        {
            ref readonly var candidate = ref candidates[i];
            verdicts[i] = new CandidateVerdict(
                CandidateAt(rule, request, i).Account,
                candidate.Priority,
                candidate.Weight,
                candidate.Kept ? candidate.Rank : null,
                Eliminations.Code(candidate.Eliminated),
                candidate.Success,
                candidate.LatencyP95,
                candidate.Fee,
                candidate.Kept ? candidate.Score : 0);
        }

        return new RoutingDecision(rule?.Name, policy.Objective, verdicts);
    }

    /// <summary>The <paramref name="index"/>th candidate: the rule's, or else the configured account with neutral terms.</summary>
    private static (ChannelAccountId Account, int Priority, int Weight, RouteLimits Limits) CandidateAt(RoutingRule? rule, RouteRequest request, int index)
    {
        if (rule is null)
        {
            return (request.Configured[index], 0, 1, RouteLimits.None);
        }

        var candidate = rule.Candidates[index];
        return (candidate.Account, candidate.Priority, candidate.Weight, candidate.Limits);
    }
}

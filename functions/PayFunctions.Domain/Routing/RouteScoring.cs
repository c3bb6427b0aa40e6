namespace PayFunctions.Domain.Routing;

/// <summary>
/// How <see cref="Router"/> values a kept candidate. Every quantity is documented here because the verdicts
/// expose them to merchants.
/// </summary>
internal static class RouteScoring
{
    /// <summary>
    /// The exploration bonus's scale c in success = min(1, mean + c·√(1 ÷ (1 + samples))): an account little is
    /// known about is credited up to 5 points over its mean, and the bonus fades as outcomes accumulate.
    /// </summary>
    public const double Exploration = 0.05;

    /// <summary>Scores within this of the best of their priority group are alike and share volume by weight.</summary>
    public const double Alike = 0.02;

    /// <summary>Under <see cref="RoutingObjective.Success"/>: score lost per percentage point of fee (a tie-breaker).</summary>
    public const double FeeTieBreaker = 1e-4;

    /// <summary>Under <see cref="RoutingObjective.Success"/>: score lost per second of 95th percentile latency (a tie-breaker).</summary>
    public const double LatencyTieBreaker = 1e-5;

    /// <summary>Under <see cref="RoutingObjective.Cost"/>: score gained per unit of success probability (a tie-breaker).</summary>
    public const double SuccessTieBreaker = 1e-6;

    /// <summary>
    /// The optimistic (upper-confidence) success estimate: min(1, mean + c·√(1 ÷ (1 + samples))) with the decayed
    /// posterior mean and sample count of <see cref="SuccessEstimate"/> at <paramref name="now"/> and c = <see cref="Exploration"/>.
    /// </summary>
    public static double Optimistic(SuccessEstimate estimate, DateTimeOffset now) =>
        Math.Min(1, estimate.Mean(now) + (Exploration * Math.Sqrt(1 / (1 + estimate.Samples(now)))));

    /// <summary>
    /// The chance that one of <paramref name="tries"/> independent tries succeeds, each with chance <paramref name="perTry"/>:
    /// 1 − (1 − s)ᵗ. An account down for good stays at 0; one failing at random is worth what it places after retries.
    /// Balanced trades this against the fee, since the payment meets the account rather than one call; Success ranks
    /// by s itself, which places as much and needs the fewest retries.
    /// </summary>
    public static double WithinTries(double perTry, int tries) => 1 - Math.Pow(1 - perTry, Math.Max(1, tries));

    /// <summary>
    /// Scores every kept candidate, higher is better. With fee rate r in percentage points (fee ÷ amount × 100; an
    /// unknown fee counts as the most expensive known rate among the kept candidates, 0 when none is known),
    /// success s from <see cref="Optimistic"/> and latency l the 95th percentile in seconds (0 when unknown):
    /// Success: s − <see cref="FeeTieBreaker"/>·r − <see cref="LatencyTieBreaker"/>·l;
    /// Cost: −r + <see cref="SuccessTieBreaker"/>·s;
    /// Balanced: <see cref="WithinTries"/>(s, <paramref name="tries"/>) − CostWeight·r ÷ 100.
    /// </summary>
    public static void Score(RoutingPolicy policy, long amount, int tries, Span<Assessment> candidates)
    {
        var mostExpensive = 0.0;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (candidates[i].Kept && candidates[i].Fee is { } fee)
            {
                mostExpensive = Math.Max(mostExpensive, FeeRate(fee, amount));
            }
        }

        for (var i = 0; i < candidates.Length; i++)
        {
            ref var candidate = ref candidates[i];
            if (!candidate.Kept)
            {
                continue;
            }

            var rate = candidate.Fee is { } fee ? FeeRate(fee, amount) : mostExpensive;
            var latency = candidate.LatencyP95?.TotalSeconds ?? 0;
            candidate.Score = policy.Objective switch
            {
                RoutingObjective.Cost => -rate + (SuccessTieBreaker * candidate.Success),
                RoutingObjective.Balanced => WithinTries(candidate.Success, tries) - (policy.CostWeight * rate / 100),
                _ => candidate.Success - (FeeTieBreaker * rate) - (LatencyTieBreaker * latency),
            };
        }
    }

    /// <summary>
    /// Whether <paramref name="other"/> is alike to <paramref name="best"/>: its score is within <see cref="Alike"/>;
    /// under <see cref="RoutingObjective.Cost"/>, whose score is the fee, its success must be within <see cref="Alike"/> too,
    /// so an equally cheap but failing account does not take a share.
    /// </summary>
    public static bool IsAlike(RoutingObjective objective, in Assessment best, in Assessment other) =>
        best.Score - other.Score <= Alike
        && (objective != RoutingObjective.Cost || Math.Abs(best.Success - other.Success) <= Alike);

    /// <summary>The fee as percentage points of the amount.</summary>
    private static double FeeRate(long fee, long amount) => amount > 0 ? fee * 100.0 / amount : 0;
}

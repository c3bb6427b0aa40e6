namespace PayFunctions.Domain.Routing;

/// <summary>
/// A routing decision and its reasons: every candidate considered, with its score or why it was eliminated.
/// <see cref="Order"/> is the failover order: the first is tried first.
/// </summary>
/// <param name="Rule">The rule that matched, or null when the channel's configured accounts were the candidates.</param>
/// <param name="Objective">What the scores measure.</param>
/// <param name="Candidates">Every candidate, in the order the rule (or the configuration) lists them.</param>
public sealed record RoutingDecision(string? Rule, RoutingObjective Objective, IReadOnlyList<CandidateVerdict> Candidates)
{
    /// <summary>The kept candidates, best first.</summary>
    public IEnumerable<ChannelAccountId> Order =>
        Candidates.Where(c => c.Rank is not null).OrderBy(c => c.Rank).Select(c => c.Account);

    /// <summary>The account tried first, or null when every candidate was eliminated.</summary>
    public ChannelAccountId? Chosen => Candidates.Where(c => c.Rank == 1).Select(c => (ChannelAccountId?)c.Account).FirstOrDefault();
}

/// <summary>One candidate's assessment.</summary>
/// <param name="Account">The candidate.</param>
/// <param name="Priority">Its priority in the rule (lower goes first).</param>
/// <param name="Weight">Its share of volume among candidates of its priority.</param>
/// <param name="Rank">1-based position in the failover order; null when eliminated.</param>
/// <param name="Eliminated">Why it was not kept (one of <see cref="EliminationReasons"/>); null when kept.</param>
/// <param name="SuccessEstimate">The estimated probability the account takes the payment.</param>
/// <param name="LatencyP95">The account's recent 95th percentile answer time, when known.</param>
/// <param name="Fee">What the account would charge for this payment, minor units; null when no fee schedule names it.</param>
/// <param name="Score">The objective's value, higher is better; 0 when eliminated.</param>
public sealed record CandidateVerdict(
    ChannelAccountId Account,
    int Priority,
    int Weight,
    int? Rank,
    string? Eliminated,
    double SuccessEstimate,
    TimeSpan? LatencyP95,
    long? Fee,
    double Score);

/// <summary>Stable codes for why a candidate was eliminated.</summary>
public static class EliminationReasons
{
    /// <summary>The account is at another channel than the one serving the method.</summary>
    public const string OtherChannel = "other_channel";
    /// <summary>The platform has no usable configuration for the account.</summary>
    public const string NotConfigured = "not_configured";
    /// <summary>The account's circuit breaker is open after repeated failures.</summary>
    public const string CircuitOpen = "circuit_open";
    /// <summary>The payment is above the candidate's per-transaction cap.</summary>
    public const string OverTransactionLimit = "over_transaction_limit";
    /// <summary>The payment would take the day's total above the candidate's cap.</summary>
    public const string OverDailyAmount = "over_daily_amount";
    /// <summary>The candidate took its cap of payments today.</summary>
    public const string OverDailyCount = "over_daily_count";
    /// <summary>The candidate took its cap of payments in the last second.</summary>
    public const string OverRateLimit = "over_rate_limit";
}

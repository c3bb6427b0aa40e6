namespace PayFunctions.Domain.Routing;

/// <summary>
/// A routing decision and its reasons: every candidate considered, with its score or why it was eliminated.
/// <see cref="Order"/> is the failover order: the first is tried first.
/// </summary>
/// <param name="Rule">The rule that matched, or null when the channel's configured accounts were the candidates.</param>
public sealed record RoutingDecision(string? Rule, RoutingObjective Objective, IReadOnlyList<CandidateVerdict> Candidates)
{
    /// <summary>The kept candidates, best first.</summary>
    public IEnumerable<ChannelAccountId> Order =>
        Candidates.Where(c => c.Rank is not null).OrderBy(c => c.Rank).Select(c => c.Account);

    /// <summary>The account tried first, or null when every candidate was eliminated.</summary>
    public ChannelAccountId? Chosen => Candidates.Where(c => c.Rank == 1).Select(c => (ChannelAccountId?)c.Account).FirstOrDefault();
}

/// <summary>One candidate's assessment.</summary>
/// <param name="Rank">1-based position in the failover order; null when eliminated.</param>
/// <param name="Eliminated">Why it was not kept (one of <see cref="EliminationReasons"/>); null when kept.</param>
/// <param name="SuccessEstimate">The estimated probability the account takes the payment.</param>
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
    public const string OtherChannel = "other_channel";
    public const string NotConfigured = "not_configured";
    public const string CircuitOpen = "circuit_open";
    public const string OverTransactionLimit = "over_transaction_limit";
    public const string OverDailyAmount = "over_daily_amount";
    public const string OverDailyCount = "over_daily_count";
    public const string OverRateLimit = "over_rate_limit";
}

namespace PayFunctions.Core.Routing;

/// <summary>
/// A routing policy on the wire: the body of <c>POST /api/v1/routing</c>, the answer of <c>GET</c> (with every
/// default filled in) and what the policies table stores. <c>object</c> is accepted so an answer can be sent back.
/// </summary>
public sealed record RoutingPolicyBody(
    string? Object,
    string? Objective,
    double? CostWeight,
    string? UtcOffset,
    IReadOnlyList<RoutingRuleBody?>? Rules,
    IReadOnlyList<AccountFeeBody?>? Fees);

/// <summary>A rule: with no <c>when</c> it matches every payment.</summary>
public sealed record RoutingRuleBody(string? Name, RouteConditionBody? When, IReadOnlyList<RouteCandidateBody?>? Candidates);

public sealed record RouteConditionBody(
    IReadOnlyList<string?>? Methods,
    long? MinAmount,
    long? MaxAmount,
    IReadOnlyList<string?>? Currencies,
    IReadOnlyList<string?>? Countries,
    IReadOnlyList<string?>? Regions,
    TimeWindowBody? Between,
    IReadOnlyList<string?>? Terminals);

/// <summary>Local times <c>HH:mm</c> on the policy's clock.</summary>
public sealed record TimeWindowBody(string? Start, string? End);

/// <summary>An account as <c>channel/account</c>, as <c>GET /api/v1/channel_accounts</c> lists them.</summary>
public sealed record RouteCandidateBody(string? ChannelAccount, int? Priority, int? Weight, RouteLimitsBody? Limits);

public sealed record RouteLimitsBody(long? MaxAmount, long? DailyAmount, int? DailyCount, int? PerSecond);

/// <summary>A fee: <c>method</c> null for every method of the account; <c>fixed</c> in minor units.</summary>
public sealed record AccountFeeBody(string? ChannelAccount, string? Method, int? BasisPoints, long? Fixed);

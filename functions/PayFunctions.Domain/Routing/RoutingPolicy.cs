namespace PayFunctions.Domain.Routing;

/// <summary>
/// A merchant's routing: the first rule whose condition matches a payment names its candidates; with no
/// matching rule every configured account of the method's channel is a candidate.
/// </summary>
/// <param name="Objective">What the choice among kept candidates optimises.</param>
/// <param name="CostWeight">
/// For <see cref="RoutingObjective.Balanced"/>: how many points of success probability one percentage point of fee
/// (fee ÷ amount) is worth. Ignored by the other objectives.
/// </param>
/// <param name="UtcOffset">The merchant's clock: for rules' time windows and for when a daily limit resets.</param>
/// <param name="Rules">Tried in order; the first match wins.</param>
/// <param name="Fees">What each account charges, per method or for all its methods.</param>
public sealed record RoutingPolicy(
    RoutingObjective Objective,
    double CostWeight,
    TimeSpan UtcOffset,
    IReadOnlyList<RoutingRule> Rules,
    IReadOnlyList<AccountFee> Fees)
{
    /// <summary>No rules, no fees: every configured account competes on success.</summary>
    public static RoutingPolicy Default { get; } = new(RoutingObjective.Success, 0, TimeSpan.Zero, [], []);
}

/// <summary>A named rule: when its condition matches, its candidates are the ones considered.</summary>
public sealed record RoutingRule(string Name, RouteCondition When, IReadOnlyList<RouteCandidate> Candidates);

/// <summary>What a payment must be for a rule to match; a null or empty part matches anything.</summary>
public sealed record RouteCondition
{
    /// <summary>Payment methods, each the channel's name, a dot and the method's name.</summary>
    public IReadOnlyList<string>? Methods { get; init; }

    /// <summary>Inclusive lower bound, minor units of the payment's currency.</summary>
    public long? MinAmount { get; init; }

    /// <summary>Inclusive upper bound, minor units of the payment's currency.</summary>
    public long? MaxAmount { get; init; }

    /// <summary>ISO 4217 codes.</summary>
    public IReadOnlyList<string>? Currencies { get; init; }

    /// <summary>Payer countries, ISO 3166-1 alpha-2.</summary>
    public IReadOnlyList<string>? Countries { get; init; }

    /// <summary>Payer regions, ISO 3166-2 subdivisions such as <c>CN-GD</c>.</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>Local time of day on the policy's clock; a window whose end is before its start spans midnight.</summary>
    public TimeWindow? Between { get; init; }

    /// <summary>Where the payer stands.</summary>
    public IReadOnlyList<TerminalType>? Terminals { get; init; }
}

/// <summary>From <paramref name="Start"/> (inclusive) to <paramref name="End"/> (exclusive), local time.</summary>
public readonly record struct TimeWindow(TimeOnly Start, TimeOnly End);

/// <summary>One account a rule may send payments to.</summary>
/// <param name="Account">The platform's account at a channel.</param>
/// <param name="Priority">Lower goes first: a later priority is used only when every earlier candidate is eliminated or has failed.</param>
/// <param name="Weight">Among candidates of one priority, the share of volume each takes while their scores are alike.</param>
/// <param name="Limits">The merchant's caps on what this account takes.</param>
public sealed record RouteCandidate(ChannelAccountId Account, int Priority, int Weight, RouteLimits Limits);

/// <summary>The merchant's caps on one account; null means no cap.</summary>
/// <param name="MaxAmount">Per transaction, minor units.</param>
/// <param name="DailyAmount">Sum of the day's routed payments, minor units of the payment's currency.</param>
/// <param name="DailyCount">Number of the day's routed payments.</param>
/// <param name="PerSecond">Payments routed in the last second.</param>
public sealed record RouteLimits(long? MaxAmount, long? DailyAmount, int? DailyCount, int? PerSecond)
{
    /// <summary>No caps.</summary>
    public static RouteLimits None { get; } = new(null, null, null, null);
}

/// <summary>What an account charges: a rate plus a fixed part, for one method or (null) all the account's methods.</summary>
public sealed record AccountFee(ChannelAccountId Account, string? Method, int BasisPoints, long FixedMinorUnits);

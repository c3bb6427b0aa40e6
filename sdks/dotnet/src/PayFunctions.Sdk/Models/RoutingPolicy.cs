namespace PayFunctions;

/// <summary>How the merchant's payments choose a channel account: an objective, ordered rules and per-account fees.</summary>
public sealed class RoutingPolicy : PayFunctionsEntity
{
    /// <summary><c>routing_policy</c> in answers; leave unset when sending.</summary>
    public string? Object { get; set; }

    /// <summary>What routing optimises: <c>success</c>, <c>cost</c> or <c>balanced</c>.</summary>
    public string? Objective { get; set; }

    /// <summary>The weight of cost against success for <c>balanced</c>.</summary>
    public double? CostWeight { get; set; }

    /// <summary>The offset the rules' time windows are read in, such as <c>+08:00</c>.</summary>
    public string? UtcOffset { get; set; }

    /// <summary>The rules; the first whose condition matches a payment picks its candidates.</summary>
    public List<RoutingRule>? Rules { get; set; }

    /// <summary>The fees of each channel account and method.</summary>
    public List<AccountFee>? Fees { get; set; }
}

/// <summary>What a channel account charges for a method.</summary>
public sealed class AccountFee : PayFunctionsEntity
{
    /// <summary>The channel account.</summary>
    public string? ChannelAccount { get; set; }

    /// <summary>The payment method.</summary>
    public string? Method { get; set; }

    /// <summary>The proportional fee in basis points.</summary>
    public int? BasisPoints { get; set; }

    /// <summary>The fixed fee in minor units.</summary>
    public long? Fixed { get; set; }
}

/// <summary>A routing rule: when it applies and the channel accounts it offers.</summary>
public sealed class RoutingRule : PayFunctionsEntity
{
    /// <summary>The rule's name, reported in a payment's routing.</summary>
    public string? Name { get; set; }

    /// <summary>The condition; a rule without one matches every payment.</summary>
    public RouteCondition? When { get; set; }

    /// <summary>The channel accounts the rule offers.</summary>
    public List<RouteCandidate>? Candidates { get; set; }
}

/// <summary>The payments a routing rule applies to; every member set must match.</summary>
public sealed class RouteCondition : PayFunctionsEntity
{
    /// <summary>Payment methods.</summary>
    public List<string>? Methods { get; set; }

    /// <summary>The smallest amount, in minor units.</summary>
    public long? MinAmount { get; set; }

    /// <summary>The largest amount, in minor units.</summary>
    public long? MaxAmount { get; set; }

    /// <summary>Currencies.</summary>
    public List<string>? Currencies { get; set; }

    /// <summary>Payer countries.</summary>
    public List<string>? Countries { get; set; }

    /// <summary>Payer regions.</summary>
    public List<string>? Regions { get; set; }

    /// <summary>A time of day window, in the policy's <see cref="RoutingPolicy.UtcOffset"/>.</summary>
    public TimeWindow? Between { get; set; }

    /// <summary>Terminals.</summary>
    public List<string>? Terminals { get; set; }
}

/// <summary>A time of day window, <c>HH:mm</c> to <c>HH:mm</c>.</summary>
public sealed class TimeWindow : PayFunctionsEntity
{
    /// <summary>The start.</summary>
    public string? Start { get; set; }

    /// <summary>The end.</summary>
    public string? End { get; set; }
}

/// <summary>A channel account a routing rule offers.</summary>
public sealed class RouteCandidate : PayFunctionsEntity
{
    /// <summary>The channel account, <c>channel/account</c>.</summary>
    public string? ChannelAccount { get; set; }

    /// <summary>Lower goes first.</summary>
    public int? Priority { get; set; }

    /// <summary>The share among candidates of equal priority.</summary>
    public int? Weight { get; set; }

    /// <summary>Limits past which the candidate is skipped.</summary>
    public RouteLimits? Limits { get; set; }
}

/// <summary>Limits on a routing candidate.</summary>
public sealed class RouteLimits : PayFunctionsEntity
{
    /// <summary>The largest single payment, in minor units.</summary>
    public long? MaxAmount { get; set; }

    /// <summary>The most money a day, in minor units.</summary>
    public long? DailyAmount { get; set; }

    /// <summary>The most payments a day.</summary>
    public int? DailyCount { get; set; }

    /// <summary>The most payments a second.</summary>
    public int? PerSecond { get; set; }
}

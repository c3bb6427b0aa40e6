namespace PayFunctions;

/// <summary>How a payment was routed: the rule that matched, the candidates it weighed and the attempts made.</summary>
public sealed class PaymentRouting : PayFunctionsEntity
{
    /// <summary>The name of the policy rule that matched.</summary>
    public string? Rule { get; set; }

    /// <summary>The objective the candidates were scored by.</summary>
    public string Objective { get; set; } = "";

    /// <summary>The channel accounts considered, best first.</summary>
    public List<RoutingCandidate> Candidates { get; set; } = [];

    /// <summary>The channel accounts tried, in order.</summary>
    public List<RouteAttempt>? Attempts { get; set; }
}

/// <summary>A channel account routing considered for a payment.</summary>
public sealed class RoutingCandidate : PayFunctionsEntity
{
    /// <summary>The channel account, <c>channel/account</c>.</summary>
    public string ChannelAccount { get; set; } = "";

    /// <summary>The rule's priority for it.</summary>
    public int Priority { get; set; }

    /// <summary>The rule's weight for it.</summary>
    public int Weight { get; set; }

    /// <summary>Its place, from 1; <c>null</c> when eliminated.</summary>
    public int? Rank { get; set; }

    /// <summary>Why it was left out (a limit, an outage).</summary>
    public string? Eliminated { get; set; }

    /// <summary>Its estimated chance of success.</summary>
    public double SuccessEstimate { get; set; }

    /// <summary>Its recent 95th percentile latency.</summary>
    public int? LatencyP95Ms { get; set; }

    /// <summary>Its fee for this payment, in minor units.</summary>
    public long? Fee { get; set; }

    /// <summary>Its score under the objective.</summary>
    public double Score { get; set; }
}

/// <summary>One try of a payment at a channel account.</summary>
public sealed class RouteAttempt : PayFunctionsEntity
{
    /// <summary>The channel account tried.</summary>
    public string ChannelAccount { get; set; } = "";

    /// <summary>What came of it.</summary>
    public string Outcome { get; set; } = "";

    /// <summary>Why, when it failed.</summary>
    public string? Reason { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset At { get; set; }
}

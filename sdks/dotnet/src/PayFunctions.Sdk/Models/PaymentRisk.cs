namespace PayFunctions;

/// <summary>What risk decided on a payment, before the channel and on its result.</summary>
public sealed class PaymentRisk : PayFunctionsEntity
{
    /// <summary>The overall outcome: <c>allow</c>, <c>review</c> or <c>block</c>.</summary>
    public string Outcome { get; set; } = "";

    /// <summary>The review's state when the outcome is <c>review</c>: <c>pending</c>, <c>released</c>, …</summary>
    public string? Review { get; set; }

    /// <summary>Each stage's decision.</summary>
    public List<RiskDecision> Decisions { get; set; } = [];
}

/// <summary>Risk's decision at one stage of a payment.</summary>
public sealed class RiskDecision : PayFunctionsEntity
{
    /// <summary><c>before_channel</c> or <c>on_result</c>.</summary>
    public string Stage { get; set; } = "";

    /// <summary>The stage's outcome.</summary>
    public string Outcome { get; set; } = "";

    /// <summary>The model's score, when one ran.</summary>
    public double? Score { get; set; }

    /// <summary>The rules that matched.</summary>
    public List<RiskRuleMatch> Rules { get; set; } = [];

    /// <summary>What weighed most in the score.</summary>
    public List<RiskFactor> Factors { get; set; } = [];

    /// <summary>When it was decided.</summary>
    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>A risk rule that matched a payment.</summary>
public sealed class RiskRuleMatch : PayFunctionsEntity
{
    /// <summary>The rule, <c>rule_…</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Its action.</summary>
    public string Action { get; set; } = "";

    /// <summary>Why it matched.</summary>
    public string Reason { get; set; } = "";
}

/// <summary>A feature's part in a risk score.</summary>
public sealed class RiskFactor : PayFunctionsEntity
{
    /// <summary>The feature.</summary>
    public string Feature { get; set; } = "";

    /// <summary>How much it added to the score.</summary>
    public double Contribution { get; set; }
}

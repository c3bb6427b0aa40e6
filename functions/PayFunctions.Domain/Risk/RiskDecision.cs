namespace PayFunctions.Domain.Risk;

/// <summary>What risk decided of a payment.</summary>
public enum RiskOutcome
{
    /// <summary>The payment goes ahead.</summary>
    Allow,

    /// <summary>The payment goes ahead, but its money is held from settlement until an operator clears it.</summary>
    Review,

    /// <summary>The payment is refused: <c>payment_blocked</c>, and the channel is not called.</summary>
    Block,
}

/// <summary>
/// A decision and why: every rule that fired with its action, the score with its main factors, and the features they
/// looked at. The outcome is the strictest action among the rules that fired, unless an allow rule fired, which wins.
/// </summary>
public sealed record RiskDecision(
    RiskOutcome Outcome,
    RiskStage Stage,
    IReadOnlyList<RiskRuleHit> Rules,
    RiskScore? Score,
    DateTimeOffset DecidedAt);

/// <summary>A rule that fired: its id, the action it asks for, and a sentence saying what it saw.</summary>
public sealed record RiskRuleHit(string RuleId, RiskOutcome Action, string Reason);

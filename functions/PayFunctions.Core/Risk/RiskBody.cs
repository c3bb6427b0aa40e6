using System.Text.Json;
using PayFunctions.Core.Http;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Risk;

/// <summary>
/// <c>risk</c> on a payment: where it stands (the strictest outcome of its decisions), whether its money is held for an
/// operator's review, and each decision with what fired and why.
/// </summary>
/// <param name="Outcome"><c>allow</c>, <c>review</c> or <c>block</c>.</param>
/// <param name="Review">
/// For a payment sent to review: <c>pending</c> until an operator releases it, then <c>released</c>; <c>voided</c> when the
/// payment ended without money (failed, closed or expired), which leaves nothing to hold or release.
/// </param>
/// <param name="Decisions">The decision before the channel, then the one on the channel's result.</param>
public sealed record RiskBody(string Outcome, string? Review, IReadOnlyList<RiskDecisionBody> Decisions)
{
    public static RiskBody? From(string? decisionsJson, string? review)
    {
        if (Deserialize(decisionsJson) is not { Count: > 0 } decisions)
        {
            return null;
        }

        var outcome = decisions.Select(d => RiskOutcomes.Parse(d.Outcome)).Max();
        return new RiskBody(RiskOutcomes.Name(outcome), review, decisions);
    }

    public static IReadOnlyList<RiskDecisionBody> Deserialize(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<RiskDecisionBody[]>(json, ApiJson.Options) ?? [];

    public static string Serialize(IReadOnlyList<RiskDecisionBody> decisions) => JsonSerializer.Serialize(decisions, ApiJson.Options);
}

/// <param name="Stage"><c>before_channel</c> or <c>on_result</c>.</param>
/// <param name="Outcome">What this decision asked for (a block on a result the channel already took stands as a review).</param>
/// <param name="Score">The learned score in [0, 1], when the model scored the payment.</param>
/// <param name="Rules">Every rule that fired, with its action and what it saw.</param>
/// <param name="Factors">The features that moved the score most, largest first.</param>
public sealed record RiskDecisionBody(
    string Stage,
    string Outcome,
    double? Score,
    IReadOnlyList<RiskRuleBody> Rules,
    IReadOnlyList<RiskFactorBody> Factors,
    DateTimeOffset DecidedAt)
{
    public static RiskDecisionBody From(RiskDecision decision, RiskOutcome standing)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new RiskDecisionBody(
            JsonNamingPolicy.SnakeCaseLower.ConvertName(decision.Stage.ToString()),
            RiskOutcomes.Name(standing),
            decision.Score is { } score ? Math.Round(score.Value, 4) : null,
            [.. decision.Rules.Select(r => new RiskRuleBody(r.RuleId, RiskOutcomes.Name(r.Action), r.Reason))],
            decision.Score is { } scored ? [.. scored.Factors.Select(f => new RiskFactorBody(f.Feature, Math.Round(f.Contribution, 4)))] : [],
            decision.DecidedAt);
    }
}

public sealed record RiskRuleBody(string Id, string Action, string Reason);

public sealed record RiskFactorBody(string Feature, double Contribution);

/// <summary>Outcomes as the API names them.</summary>
public static class RiskOutcomes
{
    public static string Name(RiskOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public static RiskOutcome Parse(string name) => Enum.Parse<RiskOutcome>(name, ignoreCase: true);
}

/// <summary>Where a payment held for review stands.</summary>
public static class RiskReviews
{
    /// <summary>Held: its money is not settled until an operator releases it.</summary>
    public const string Pending = "pending";

    /// <summary>Released by an operator: its money is owed to its parties as any other payment's.</summary>
    public const string Released = "released";

    /// <summary>Closed without an operator: the payment ended without money, so there is nothing to hold or release.</summary>
    public const string Voided = "voided";

    /// <summary>
    /// Why a review of <paramref name="payment"/> is void: the payment's failure code, or <c>payment_closed</c>; null while
    /// the payment can still take money, or when it took it.
    /// </summary>
    public static string? VoidReasonOf(PaymentEntity payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return payment.StatusValue switch
        {
            PaymentStatus.Failed => payment.FailureCode ?? "payment_failed",
            PaymentStatus.Expired => payment.FailureCode ?? "payment_expired",
            PaymentStatus.Closed => "payment_closed",
            _ => null,
        };
    }
}

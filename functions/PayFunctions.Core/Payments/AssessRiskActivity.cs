using Microsoft.DurableTask;
using PayFunctions.Channels;
using PayFunctions.Core.Risk;
using PayFunctions.Domain;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Payments;

/// <summary>Asks risk about a payment at one stage. <paramref name="CanRefuse"/>: nothing has moved yet, so a block can stand.</summary>
public sealed record AssessRiskInput(string MerchantId, string PaymentId, RiskStage Stage, PayerInput? Payer, bool CanRefuse)
{
    /// <summary>On the result, what the channel reported of the payer (its account already a keyed hash).</summary>
    public ChannelPayer? Reported { get; init; }

    /// <summary>On the result, the payer's name matched a sanctions list (<see cref="ChannelPaymentEvent.PayerSanctionsHit"/>).</summary>
    public bool PayerSanctionsHit { get; init; }
}

/// <summary>What the orchestration does with a decision: its outcome, and for a block the sentence the payment fails with.</summary>
public sealed record RiskVerdict(RiskOutcome Outcome, string? Reason)
{
    /// <summary>This decision sent the payment to review and no earlier one had: the review opens here, and is announced.</summary>
    public bool OpensReview { get; init; }
}

/// <summary>
/// Decides on a payment and keeps the decision on it, where the merchant reads it as <c>risk</c>. A stage is decided
/// once: a re-run (its first result lost with a crashed host) answers the stored decision, because a fresh one could
/// differ (other payments came meanwhile) and a payment allowed and placed must not then be called blocked. A block the
/// payment can no longer honour (the channel already took the money) stands as a review: the money is held from
/// settlement instead. A payer whose name hit a sanctions list makes the decision a review whatever the rules say
/// (<see cref="SanctionsPayerRule"/>): the money is frozen, so neither allowed to settle nor, by a block, given back.
/// A review is listed for operators before the decision is kept, so a kept review is always listed.
/// </summary>
public sealed class AssessRiskActivity(PaymentStore payments, PayerSealing sealing, IRiskAssessor assessor, RiskReviewStore reviews)
    : TaskActivity<AssessRiskInput, RiskVerdict>
{
    /// <summary>The rule a decision lists when the payer's name hit a sanctions list.</summary>
    public const string SanctionsPayerRule = "sanctions_payer";

    /// <summary>
    /// What the merchant reads of it: that a list matched and the money waits for review, not which list or entry (an
    /// operator's business, and a name the merchant may not have).
    /// </summary>
    public const string SanctionsPayerReason = "The payer's name as the channel reported it matches a sanctions list; the money is held until the match is reviewed.";

    public override Task<RiskVerdict> RunAsync(TaskActivityContext context, AssessRiskInput input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<RiskVerdict> ExecuteAsync(AssessRiskInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var payment = await payments.GetAsync(input.MerchantId, input.PaymentId, cancellationToken)
            ?? throw new InvalidOperationException($"Payment {input.PaymentId} does not exist.");
        var stage = StageName(input.Stage);
        var stored = RiskBody.Deserialize(payment.RiskJson);
        if (stored.FirstOrDefault(d => d.Stage == stage) is { } kept)
        {
            return new RiskVerdict(RiskOutcomes.Parse(kept.Outcome), ReasonOf(kept)) { OpensReview = Opens(stored, kept) };
        }

        // On the result the channel's word on the payer (its account, the card, the card's country) comes first: the
        // merchant's is what the payer told the merchant.
        var payer = await sealing.OpenAsync(input.Payer, input.MerchantId, input.PaymentId, cancellationToken);
        var reported = input.Reported;
        var facts = new RiskFacts(
            payment.MerchantId,
            payment.Id,
            payment.AmountValue,
            payment.Method,
            payment.CreatedAt,
            reported?.Account ?? payer?.Id,
            payer?.ClientIp,
            payer?.DeviceId,
            reported?.CardFingerprint,
            reported?.Country ?? payment.PayerCountry,
            payment.PayerRegion);
        var decision = await assessor.AssessAsync(facts, input.Stage, cancellationToken);
        var outcome = decision.Outcome == RiskOutcome.Block && !input.CanRefuse ? RiskOutcome.Review : decision.Outcome;
        if (input.PayerSanctionsHit)
        {
            decision = decision with { Rules = [.. decision.Rules, new RiskRuleHit(SanctionsPayerRule, RiskOutcome.Review, SanctionsPayerReason)] };
            outcome = RiskOutcome.Review;
        }

        var body = RiskDecisionBody.From(decision, outcome);
        // A release that came before the money (of a review decided before the channel) does not free a listed payer's
        // money: the review is opened again, and the completion that follows holds the capture. Nothing was posted yet.
        var reopen = input.PayerSanctionsHit && payment.RiskReview == RiskReviews.Released && !payment.RiskHeld;
        if (reopen)
        {
            await reviews.ReopenAsync(payment, decision.DecidedAt, cancellationToken);
        }
        else if (outcome == RiskOutcome.Review)
        {
            await reviews.OpenAsync(payment, decision.DecidedAt, cancellationToken);
        }

        var written = await payments.UpdateAsync(payment, p =>
        {
            var decisions = RiskBody.Deserialize(p.RiskJson);
            if (decisions.Any(d => d.Stage == stage))
            {
                return false;
            }

            p.RiskJson = RiskBody.Serialize([.. decisions, body]);
            p.RiskReview = outcome == RiskOutcome.Review && (p.RiskReview is null || reopen) ? RiskReviews.Pending : p.RiskReview;
            return true;
        }, cancellationToken);
        return new RiskVerdict(outcome, ReasonOf(body)) { OpensReview = Opens(RiskBody.Deserialize(written.RiskJson), body) };
    }

    /// <summary>Whether <paramref name="decision"/> is a review that no decision kept before it was: read from what is kept, so a re-run answers the same.</summary>
    private static bool Opens(IReadOnlyList<RiskDecisionBody> kept, RiskDecisionBody decision)
    {
        var review = RiskOutcomes.Name(RiskOutcome.Review);
        return decision.Outcome == review && kept.TakeWhile(d => d.Stage != decision.Stage).All(d => d.Outcome != review);
    }

    private static string StageName(RiskStage stage) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(stage.ToString());

    /// <summary>The first blocking rule's sentence, which the payment's failure message repeats.</summary>
    private static string? ReasonOf(RiskDecisionBody decision) =>
        decision.Rules.FirstOrDefault(r => r.Action == RiskOutcomes.Name(RiskOutcome.Block))?.Reason
        ?? (decision.Outcome == RiskOutcomes.Name(RiskOutcome.Block) ? "The payment's risk score is too high." : null);
}

using PayFunctions.Core.Payments;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Risk;

/// <summary>
/// The review a <c>review.*</c> event carries, read from the payment row, which both closings write first: the payment,
/// the rules that sent it to review (the reason), and once closed how it closed, <c>released</c> by an operator or
/// <c>voided</c> by the payment's end without money (with that end's reason).
/// </summary>
public sealed record ReviewEventResource(
    string Object,
    string Payment,
    long Amount,
    string Currency,
    bool Open,
    IReadOnlyList<RiskRuleBody> Rules,
    string? ClosedReason,
    string? VoidReason)
{
    /// <summary>The review as <paramref name="eventType"/> announces it; a close asked for before the row says how it closed throws, to be retried.</summary>
    public static ReviewEventResource From(PaymentEntity payment, string eventType)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var closed = eventType == ReviewEvents.Closed;
        if (closed && payment.RiskReview is not (RiskReviews.Released or RiskReviews.Voided))
        {
            throw new InvalidOperationException($"The review of payment {payment.Id} has not closed.");
        }

        var review = RiskOutcomes.Name(RiskOutcome.Review);
        var allow = RiskOutcomes.Name(RiskOutcome.Allow);
        IReadOnlyList<RiskRuleBody> rules =
        [
            .. RiskBody.Deserialize(payment.RiskJson).Where(d => d.Outcome == review).SelectMany(d => d.Rules).Where(r => r.Action != allow),
        ];
        return new ReviewEventResource(
            "review",
            payment.Id,
            payment.Amount,
            payment.Currency.ToLowerInvariant(),
            !closed,
            rules,
            closed ? payment.RiskReview : null,
            closed && payment.RiskReview == RiskReviews.Voided ? RiskReviews.VoidReasonOf(payment) : null);
    }
}

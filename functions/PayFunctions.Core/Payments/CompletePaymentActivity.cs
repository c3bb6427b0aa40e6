using Microsoft.DurableTask;
using PayFunctions.Core.Aml;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Reconciliation;
using PayFunctions.Core.Reports;
using PayFunctions.Core.Risk;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Moves the payment to its final status; on success first posts the capture with its split to the
/// ledger. The journal entry id derives from the payment id, so a re-run posts nothing twice. A payment
/// with a locked quote is split in the merchant's settlement currency, on its settlement amount. The row read for
/// the posting is the one written back, under its ETag (read again only if it changed meanwhile), and the row as
/// written is kept for the webhook that announces the end. The outcome is then counted in the reports, from the row as
/// written: a re-run finds the status unchanged and the same completion time, and the report counts it once. A payment
/// placed at a channel is also indexed for its account's reconciliation, and a succeeded one for anti-money-laundering
/// monitoring. A payment risk sent to review is captured into its parties' risk-hold accounts, not their payables, so
/// settlement does not pay it until an operator releases it. One that ends without money voids its pending review, on the
/// row with its status (so an operator's release, which writes the same row, either came first or finds it voided) and
/// then in the operators' queue.
/// </summary>
public sealed class CompletePaymentActivity(
    PaymentStore payments,
    LedgerStore ledger,
    PaymentProgress progress,
    CompletedPayments completed,
    PaymentReports reports,
    ReconciliationIndex reconciliation,
    AmlIndex aml,
    RiskHoldRelease riskRelease,
    RiskReviewStore reviews)
    : TaskActivity<CompletePaymentInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, CompletePaymentInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public static string CaptureEntryId(string paymentId) => "je_" + paymentId + "_capture";

    public async Task<bool> ExecuteAsync(CompletePaymentInput input, CancellationToken cancellationToken)
    {
        var payment = await payments.GetAsync(input.MerchantId, input.PaymentId, cancellationToken)
            ?? throw new InvalidOperationException($"Payment {input.PaymentId} does not exist.");

        string? allocationsJson = null;
        var held = input.Status == PaymentStatus.Succeeded && payment.RiskReview == RiskReviews.Pending;
        if (input.Status == PaymentStatus.Succeeded)
        {
            var gross = payment.AmountValue;
            var fx = payment.Fx;
            var allocations = SplitCalculator.Allocate(
                fx?.SettlementAmount(gross.MinorUnits) ?? gross, payment.Fee, payment.MerchantId, SplitRuleSerializer.Deserialize(payment.SplitRuleJson));
            var (entryId, postedAt) = (CaptureEntryId(payment.Id), input.PaidAt ?? input.CompletedAt);
            var capture = fx is null
                ? Postings.PaymentCaptured(entryId, payment.Id, payment.Channel, gross, allocations, postedAt)
                : FxPostings.PaymentCaptured(entryId, payment.Id, payment.Channel, gross, fx, allocations, postedAt);
            // On a re-run the capture posted first stands, held or not, whatever the review says now.
            var (_, posted) = await ledger.PostOrKeepAsync(LedgerBooks.Of(payment.TestMode).Post(held ? Postings.HeldForReview(capture) : capture), cancellationToken);
            held = Postings.IsHeldForReview(posted);
            allocationsJson = SplitRuleSerializer.SerializeAllocations(allocations);
        }

        var written = await payments.UpdateAsync(payment, p =>
        {
            var current = p.StatusValue;
            if (current == input.Status)
            {
                return false;
            }

            if (!PaymentTransitions.CanTransition(current, input.Status))
            {
                throw new InvalidOperationException($"Payment {p.Id} cannot go from {current} to {input.Status}.");
            }

            p.Status = input.Status.ToString();
            p.ChannelTradeNo = input.ChannelTradeNo is { Length: > 0 } ? input.ChannelTradeNo : p.ChannelTradeNo;
            p.PaidAt = input.PaidAt;
            p.CompletedAt = input.CompletedAt;
            p.FailureCode = input.FailureCode;
            p.FailureMessage = input.FailureMessage;
            p.AllocationsJson = allocationsJson;
            p.RiskHeld = held;
            p.RiskReview = p.RiskReview == RiskReviews.Pending && RiskReviews.VoidReasonOf(p) is not null ? RiskReviews.Voided : p.RiskReview;
            return true;
        }, cancellationToken);
        await riskRelease.PostIfDueAsync(written, cancellationToken);
        if (written.RiskReview == RiskReviews.Voided)
        {
            await reviews.VoidAsync(written, input.CompletedAt, cancellationToken);
        }

        progress.Notify(written);
        completed.Keep(written);
        await reports.RecordPaymentAsync(written, cancellationToken);
        if (written.PlacedAtChannel)
        {
            await reconciliation.RecordPaymentAsync(written, cancellationToken);
        }

        await aml.RecordPaymentAsync(written, cancellationToken);

        return true;
    }
}

using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Reconciliation;
using PayFunctions.Core.Reports;
using PayFunctions.Domain;

namespace PayFunctions.Core.Refunds;

/// <summary>
/// Ends a refund. A success is first counted on the payment's refund balance, which fixes the
/// refunded total it follows, then reversed in the ledger from that total (entry id from the refund
/// id, so a re-run posts nothing twice), at the payment's locked rate when it was converted; a failure
/// gives its reservation back. A late payment's refund
/// empties its suspense instead. Each step is a no-op when it already happened. A success of the merchant's money is
/// then counted in the reports, once however often this runs, at the success time the refund was written with; and
/// the ended refund is indexed for its account's reconciliation.
/// </summary>
public sealed partial class CompleteRefundActivity(
    RefundStore refunds,
    RefundBalanceStore balances,
    PaymentStore payments,
    LedgerStore ledger,
    PaymentReports reports,
    ReconciliationIndex reconciliation,
    ILogger<CompleteRefundActivity> logger)
    : TaskActivity<CompleteRefundInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, CompleteRefundInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public static string RefundEntryId(string refundId) => "je_" + refundId + "_refund";

    public async Task<bool> ExecuteAsync(CompleteRefundInput input, CancellationToken cancellationToken)
    {
        var refund = await refunds.GetAsync(input.MerchantId, input.RefundId, cancellationToken)
            ?? throw new InvalidOperationException($"Refund {input.RefundId} does not exist.");
        PaymentEntity? refunded = null;
        if (refund.LatePayment)
        {
            // The money was in suspense, never the merchant's: there is no reservation and no split to reverse.
            if (input.Succeeded)
            {
                var payment = await PaymentOfAsync(refund, cancellationToken);
                await ledger.PostAsync(
                    LedgerBooks.Of(payment.TestMode).Post(
                        Postings.LatePaymentRefunded(RefundEntryId(refund.RefundId), refund.RefundId, refund.Channel, new Money(refund.Amount, Currency.Parse(refund.Currency)), input.SucceededAt ?? refund.CreatedAt)),
                    cancellationToken);
            }
            else
            {
                LogLateRefundFailed(logger, refund.RefundId, refund.PaymentId, refund.Amount, input.FailureCode);
            }
        }
        else if (input.Succeeded)
        {
            refunded = await PostReversalAsync(refund, input.SucceededAt ?? refund.CreatedAt, cancellationToken);
        }
        else
        {
            await balances.ReleaseAsync(refund.MerchantId, refund.PaymentId, refund.RefundId, cancellationToken);
        }

        var written = await refunds.UpdateAsync(input.MerchantId, input.RefundId, r =>
        {
            var status = input.Succeeded ? RefundStatuses.Succeeded : RefundStatuses.Failed;
            if (r.Status == status)
            {
                return false;
            }

            r.Status = status;
            r.ChannelRefundNo = input.ChannelRefundNo ?? r.ChannelRefundNo;
            r.SucceededAt = input.Succeeded ? input.SucceededAt ?? refund.CreatedAt : null;
            r.FailureCode = input.FailureCode;
            r.FailureMessage = input.FailureMessage;
            return true;
        }, cancellationToken);
        if (refunded is not null && written.Status == RefundStatuses.Succeeded && written.SucceededAt is { } succeededAt)
        {
            await reports.RecordRefundAsync(written, refunded, succeededAt, cancellationToken);
        }

        await reconciliation.RecordRefundAsync(written, cancellationToken);
        return true;
    }

    private async Task<PaymentEntity> PostReversalAsync(RefundEntity refund, DateTimeOffset postedAt, CancellationToken cancellationToken)
    {
        var before = await balances.CompleteAsync(refund.MerchantId, refund.PaymentId, refund.RefundId, cancellationToken);
        var amount = new Money(refund.Amount, Currency.Parse(refund.Currency));
        var payment = await PaymentOfAsync(refund, cancellationToken);
        var fx = payment.Fx;
        var allocations = SplitRuleSerializer.DeserializeAllocations(payment.AllocationsJson)
            .Select(a => new SplitAllocation(a.Account, a.Role, new Money(a.Amount, fx?.Settlement ?? amount.Currency)))
            .ToArray();
        var entryId = RefundEntryId(refund.RefundId);
        await ledger.PostAsync(
            LedgerBooks.Of(payment.TestMode).Post(
                fx is null
                    ? Postings.RefundSucceeded(entryId, refund.RefundId, refund.Channel, amount, RefundAllocator.Reverse(allocations, before, refund.Amount), postedAt)
                    : FxPostings.RefundSucceeded(
                        entryId, refund.RefundId, refund.Channel, amount, fx, FxReversal.For(fx, payment.Amount, allocations, before, refund.Amount), postedAt)),
            cancellationToken);
        return payment;
    }

    private async Task<PaymentEntity> PaymentOfAsync(RefundEntity refund, CancellationToken cancellationToken) =>
        await payments.GetAsync(refund.MerchantId, refund.PaymentId, cancellationToken)
            ?? throw new InvalidOperationException($"Payment {refund.PaymentId} does not exist.");

    [LoggerMessage(EventId = 7506, Level = LogLevel.Critical, Message = "Refund {RefundId} of late payment {PaymentId} failed ({FailureCode}); its {Amount} stays in suspense for an operator")]
    private static partial void LogLateRefundFailed(ILogger logger, string refundId, string paymentId, long amount, string? failureCode);
}

using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Refunds;

/// <summary>
/// Gives money that reached a channel after its payment ended back to the payer. A payment has one
/// such refund, its id derived from the payment's: every path that finds the late money starts the
/// same refund, and the channel takes a repeated refund number as the same refund.
/// </summary>
public sealed partial class LatePaymentRefunds(RefundStore refunds, TimeProvider time, ILogger<LatePaymentRefunds> logger)
{
    /// <summary>Shown to the payer by their wallet: "paid after the order ended, returned the way it came".</summary>
    public const string Reason = "订单结束后支付，原路退回";

    public static string RefundIdFor(string paymentId) => RefundIds.Prefix + paymentId[PaymentIds.Prefix.Length..];

    public async Task StartAsync(DurableTaskClient durable, PaymentEntity payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.LatePaymentTradeNo is null || payment.LatePaymentAmount is not { } amount)
        {
            return;
        }

        var refundId = RefundIdFor(payment.Id);
        var refund = await refunds.CreateAsync(
            new RefundEntity
            {
                PartitionKey = payment.MerchantId,
                RefundId = refundId,
                PaymentId = payment.Id,
                Channel = payment.Channel,
                ChannelAccount = payment.ChannelAccount,
                Amount = amount,
                Currency = payment.Currency,
                Reason = Reason,
                CreatedAt = time.GetUtcNow(),
                LatePayment = true,
            },
            cancellationToken);
        if (refund.Status != RefundStatuses.Pending || await durable.GetInstanceAsync(refundId, cancellationToken) is not null)
        {
            return;
        }

        // The channel's order total is what it collected, which for a mismatched amount is not the payment's.
        var input = new RefundOrchestrationInput(
            refundId, payment.MerchantId, payment.Id, payment.Channel, payment.ChannelAccount, amount, amount, payment.Currency, Reason);
        await durable.ScheduleNewOrchestrationInstanceAsync(nameof(RefundOrchestrator), input, new StartOrchestrationOptions(refundId), cancellationToken);
        LogStarted(logger, refundId, payment.Id, amount);
    }

    [LoggerMessage(EventId = 7505, Level = LogLevel.Warning, Message = "Refund {RefundId} of {Amount} started for payment {PaymentId}, paid after it ended")]
    private static partial void LogStarted(ILogger logger, string refundId, string paymentId, long amount);
}

using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Payments;

namespace PayFunctions.Core.Refunds;

/// <summary>
/// Starts one refund: reserve its amount on the payment's balance, write the refund, start its
/// orchestration. Each step finds its own earlier run, so a retry under the same refund id (the
/// create's Idempotency-Key) finishes the same refund.
/// </summary>
public sealed partial class RefundStarter(RefundBalanceStore balances, RefundStore refunds, TimeProvider time, ILogger<RefundStarter> logger)
{
    public async Task<(RefundReservation Outcome, RefundEntity? Refund)> StartAsync(
        DurableTaskClient durable,
        PaymentEntity payment,
        string refundId,
        long? amount,
        string? reason,
        string? metadataJson,
        bool partialAllowed,
        CancellationToken cancellationToken)
    {
        var (outcome, held) = await balances.ReserveAsync(
            payment.MerchantId, payment.Id, payment.Amount, payment.Currency, refundId, amount, partialAllowed, cancellationToken);
        if (outcome != RefundReservation.Reserved)
        {
            return (outcome, null);
        }

        var refund = await BeginAsync(durable, payment, refundId, held, payment.Amount, reason, metadataJson, latePayment: false, cancellationToken);
        return (outcome, refund);
    }

    /// <summary>
    /// Writes the refund and starts its orchestration, each unless an earlier run already did: the
    /// steps every refund takes once its amount is settled.
    /// </summary>
    /// <param name="orderAmount">The channel's order total, which some channels require alongside the refund's amount.</param>
    public async Task<RefundEntity> BeginAsync(
        DurableTaskClient durable,
        PaymentEntity payment,
        string refundId,
        long amount,
        long orderAmount,
        string? reason,
        string? metadataJson,
        bool latePayment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(payment);
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
                Reason = reason,
                CreatedAt = time.GetUtcNow(),
                MetadataJson = metadataJson,
                LatePayment = latePayment,
            },
            cancellationToken);

        if (refund.Status == RefundStatuses.Pending && await durable.GetInstanceAsync(refundId, cancellationToken) is null)
        {
            var input = new RefundOrchestrationInput(
                refundId, payment.MerchantId, payment.Id, payment.Channel, payment.ChannelAccount, amount, orderAmount, payment.Currency, reason)
            {
                ChannelOrderId = payment.ChannelOrderId,
                ChannelTradeNo = latePayment ? payment.LatePaymentTradeNo : payment.ChannelTradeNo,
            };
            await durable.ScheduleNewOrchestrationInstanceAsync(nameof(RefundOrchestrator), input, new StartOrchestrationOptions(refundId), cancellationToken);
            LogStarted(logger, refundId, payment.Id, amount);
        }

        return refund;
    }

    [LoggerMessage(EventId = 7501, Level = LogLevel.Information, Message = "Refund {RefundId} of {Amount} started for payment {PaymentId}")]
    private static partial void LogStarted(ILogger logger, string refundId, string paymentId, long amount);
}

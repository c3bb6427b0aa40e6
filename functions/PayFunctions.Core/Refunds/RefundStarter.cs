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

        var refund = await refunds.CreateAsync(
            new RefundEntity
            {
                PartitionKey = payment.MerchantId,
                RefundId = refundId,
                PaymentId = payment.Id,
                Channel = payment.Channel,
                ChannelAccount = payment.ChannelAccount,
                Amount = held,
                Currency = payment.Currency,
                Reason = reason,
                CreatedAt = time.GetUtcNow(),
                MetadataJson = metadataJson,
            },
            cancellationToken);

        if (await durable.GetInstanceAsync(refundId, cancellationToken) is null)
        {
            var input = new RefundOrchestrationInput(
                refundId, payment.MerchantId, payment.Id, payment.Channel, payment.ChannelAccount, held, payment.Amount, payment.Currency, reason);
            await durable.ScheduleNewOrchestrationInstanceAsync(nameof(RefundOrchestrator), input, new StartOrchestrationOptions(refundId), cancellationToken);
            LogStarted(logger, refundId, payment.Id, held);
        }

        return (outcome, refund);
    }

    [LoggerMessage(EventId = 7501, Level = LogLevel.Information, Message = "Refund {RefundId} of {Amount} started for payment {PaymentId}")]
    private static partial void LogStarted(ILogger logger, string refundId, string paymentId, long amount);
}

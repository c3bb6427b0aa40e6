using Microsoft.DurableTask;
using PayFunctions.Channels;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>
/// A payment whose prepay still waited in the channel's queue when expiry or the merchant's close won
/// the race against the channel worker's outcome.
/// </summary>
internal static class QueuedPrepay
{
    /// <summary>
    /// Ends a payment that expired or was closed while its order waited in the queue. The payment ends
    /// at once; a worker may still be placing the order, and it always answers (placed, not placed, or
    /// unavailable), so the orchestration waits for that answer and closes an order that was placed:
    /// nothing is left payable. Money that landed on it meanwhile is a late payment, refunded to the payer.
    /// </summary>
    public static async Task<PaymentStatus> EndUnplacedAsync(
        TaskOrchestrationContext context, PaymentOrchestrationInput input, Task<PrepayOutcome> placing, PaymentStatus status)
    {
        var (code, message) = status == PaymentStatus.Expired
            ? ("payment_expired", "The customer did not pay before the payment expired.")
            : ((string?)null, (string?)null);
        await PaymentOrchestrator.FinishAsync(context, input, status, null, code, message);

        var late = await placing;
        if (!late.Succeeded && !late.OrderAtChannel)
        {
            return status;
        }

        // Failover may have placed it at another account of the route than the first.
        var account = late.ChannelAccount ?? input.ChannelAccount;
        var order = new ChannelOrderInput(input.Channel, account, input.PaymentId) { ChannelOrderId = late.ChannelOrderId };

        // An order answered at the till is reversed, as the till's own abandonment reverses it.
        var ending = late.Answered is null ? nameof(CloseAtChannelActivity) : nameof(CancelAtChannelActivity);
        if (await context.CallActivityAsync<CloseOutcome>(ending, order, PaymentOrchestrator.CloseRetry) == CloseOutcome.AlreadyPaid)
        {
            await context.CallActivityAsync(
                nameof(ReconcileOrderActivity), new ReconcileOrderInput(input.Channel, account, input.MerchantId, input.PaymentId), PaymentOrchestrator.StoreRetry);
        }

        return status;
    }
}

using Microsoft.DurableTask;
using PayFunctions.Channels;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>
/// The prepay as a payment's orchestration sees it: put on the channel's queue, its outcome raised back
/// by a channel worker. Expiry and the merchant's close race it, so a payment whose order still waits
/// in the queue can end at once.
/// </summary>
internal static class QueuedPrepay
{
    /// <summary>Queues the prepay; the outcome task completes when a channel worker raises it.</summary>
    public static async Task<Task<PrepayOutcome>> QueueAsync(TaskOrchestrationContext context, PaymentOrchestrationInput input)
    {
        // Waiting starts before the enqueue, so an outcome raised at once is not missed.
        var outcome = context.WaitForExternalEvent<PrepayOutcome>(PaymentEvents.PrepayResult);
        await context.CallActivityAsync(nameof(EnqueuePrepayActivity), input, PaymentOrchestrator.StoreRetry);
        return outcome;
    }

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

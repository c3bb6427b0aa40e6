using Microsoft.DurableTask;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Checkout;

/// <summary>
/// The first phase of a <c>method: "checkout"</c> payment: no channel yet, only the expiry timer and
/// the merchant's close racing the payer's pick. The pick restarts the orchestration (continue-as-new)
/// as an ordinary payment of the chosen method, so its input, which the notify endpoint checks a
/// callback against, names the channel that will call back.
/// </summary>
internal static class CheckoutPayment
{
    public static async Task<PaymentStatus> AwaitMethodAsync(TaskOrchestrationContext context, PaymentOrchestrationInput input)
    {
        using var timerCancellation = new CancellationTokenSource();
        var expiry = context.CreateTimer(input.ExpiresAt.UtcDateTime, timerCancellation.Token);
        var chosen = context.WaitForExternalEvent<MethodChoice>(CheckoutEvents.MethodChosen);
        var closeRequested = context.WaitForExternalEvent<CloseRequest>(PaymentEvents.CloseRequested);

        var first = await Task.WhenAny(expiry, chosen, closeRequested);
        if (first != expiry)
        {
            // Orchestrator code may await only durable tasks: the timer is cancelled synchronously.
#pragma warning disable CA1849
            timerCancellation.Cancel();
#pragma warning restore CA1849
        }

        // A close taken by its waiter here does not carry over to the payment's next phase, whether it came in with the
        // pick (WhenAny names the pick) or while the pick was recorded: the merchant's close ends the payment, which no
        // channel has seen yet.
        if (first == chosen && !closeRequested.IsCompleted)
        {
            var choice = chosen.Result;
            await context.CallActivityAsync(nameof(ChooseMethodActivity), new ChooseMethodInput(input.MerchantId, input.PaymentId, choice), PaymentOrchestrator.StoreRetry);
            if (!closeRequested.IsCompleted)
            {
                // Events that arrive from here on (a close) are kept for the payment's next phase.
                context.ContinueAsNew(
                    input with { Method = choice.Method, Channel = choice.Channel, ChannelAccount = choice.ChannelAccount, Payer = choice.Payer, Route = choice.Route },
                    preserveUnprocessedEvents: true);
                return PaymentStatus.RequiresAction;
            }
        }

        // No order was ever placed, so there is nothing to close at any channel.
        return first == expiry
            ? await PaymentOrchestrator.FinishAsync(context, input, PaymentStatus.Expired, null, "payment_expired", "The customer did not pay before the payment expired.")
            : await PaymentOrchestrator.FinishAsync(context, input, PaymentStatus.Closed, null, null, null);
    }
}

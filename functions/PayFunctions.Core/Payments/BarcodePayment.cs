using Microsoft.DurableTask;
using PayFunctions.Channels;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>
/// A payment at the till: the channel answered the scanned code at once, often with "the payer is
/// confirming" (a password or a large amount). As the channels prescribe, ask again every few
/// seconds until the answer is final; if it is not within the window, cancel (reverse) the order so
/// that a confirmation arriving later cannot take money for a sale the till has abandoned.
/// </summary>
internal static class BarcodePayment
{
    /// <summary>The Chinese wallets advise polling about every 5 s and reversing after 30 s or so.</summary>
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DefaultConfirmWindow = TimeSpan.FromSeconds(45);

    private static readonly RetryPolicy QueryRetry = new(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2);

    public static async Task<PaymentStatus> FollowAsync(TaskOrchestrationContext context, PaymentOrchestrationInput input, string? channelOrderId, ChannelPaymentEvent answer)
    {
        var window = input.ConfirmWindow ?? DefaultConfirmWindow;
        var pollInterval = window / 4 < MaxPollInterval ? window / 4 : MaxPollInterval;
        var deadline = Min(context.CurrentUtcDateTime + window, input.ExpiresAt.UtcDateTime);
        var orderInput = new ChannelOrderInput(input.Channel, input.ChannelAccount, input.PaymentId) { ChannelOrderId = channelOrderId, MerchantId = input.MerchantId };
        var notified = context.WaitForExternalEvent<ChannelPaymentEvent>(PaymentEvents.ChannelNotification);
        while (!IsFinal(answer.State) && context.CurrentUtcDateTime < deadline)
        {
            using var timerCancellation = new CancellationTokenSource();
            var poll = context.CreateTimer(Min(context.CurrentUtcDateTime + pollInterval, deadline), timerCancellation.Token);
            if (await Task.WhenAny(poll, notified) == notified)
            {
#pragma warning disable CA1849 // The timer is cancelled synchronously: orchestrator code may await only durable tasks.
                timerCancellation.Cancel();
#pragma warning restore CA1849
                answer = notified.Result;
                break;
            }

            try
            {
                answer = await ChannelOrderCalls.QueryAsync(context, orderInput, QueryRetry);
            }
            catch (TaskFailedException)
            {
                // The channel did not answer this time; the next poll or the cancel decides.
            }
        }

        return answer.State switch
        {
            ChannelTradeState.Succeeded => await PaymentOrchestrator.FinishPaidAsync(context, input, answer),
            ChannelTradeState.Failed or ChannelTradeState.Closed => await PaymentOrchestrator.FinishAsync(
                context, input, PaymentStatus.Failed, answer, "payment_failed", "The customer's payment failed at the channel."),
            _ => await CancelAsync(context, input, orderInput),
        };
    }

    private static async Task<PaymentStatus> CancelAsync(TaskOrchestrationContext context, PaymentOrchestrationInput input, ChannelOrderInput orderInput)
    {
        var cancelled = await ChannelOrderCalls.CancelAsync(context, orderInput, PaymentOrchestrator.CloseRetry);
        if (cancelled == CloseOutcome.AlreadyPaid)
        {
            // The channel would not reverse a payment confirmed at the last moment: it is a sale after all.
            var paid = await ChannelOrderCalls.QueryAsync(context, orderInput, PaymentOrchestrator.CloseRetry);
            return await PaymentOrchestrator.FinishPaidAsync(context, input, paid);
        }

        return await PaymentOrchestrator.FinishAsync(
            context,
            input,
            PaymentStatus.Failed,
            null,
            "payment_not_confirmed",
            cancelled == CloseOutcome.Reversed
                ? "The customer did not confirm in time; the payment was reversed and the money returned."
                : "The customer did not confirm in time; the payment was cancelled.");
    }

    private static bool IsFinal(ChannelTradeState state) =>
        state is ChannelTradeState.Succeeded or ChannelTradeState.Failed or ChannelTradeState.Closed;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}

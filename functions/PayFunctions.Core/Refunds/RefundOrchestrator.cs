using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Orchestration;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Refunds;

/// <summary>
/// One refund from the channel request to its end: a synchronous answer ends it at once; otherwise
/// the channel's verified notification races a durable timer that polls the channel (when it can
/// be asked) from every 30 s out to hourly, for up to three days. Deterministic: time from the
/// context, all I/O in activities, capabilities from the static channel catalog.
/// </summary>
public sealed class RefundOrchestrator : TaskOrchestrator<RefundOrchestrationInput, string>
{
    /// <summary>How long a refund the channel accepted may stay unanswered before an operator is needed.</summary>
    internal static readonly TimeSpan MaxWait = TimeSpan.FromDays(3);

    // The same refund number is the same refund at the channel, so retrying the request for about
    // an hour is safe and rides out an outage.
    private static readonly RetryPolicy ChannelRetry =
        new(maxNumberOfAttempts: 15, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(10));

    private static readonly RetryPolicy QueryRetry = new(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2);

    private static readonly TaskOptions StoreRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    private static readonly TaskOptions WebhookRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 12, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromHours(6)));

    private static readonly TimeSpan[] PollDelays =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)];

    public override async Task<string> RunAsync(TaskOrchestrationContext context, RefundOrchestrationInput input)
    {
        // Subscribed before the request, so a notification that overtakes the answer is kept.
        var notified = context.WaitForExternalEvent<ChannelRefundEvent>(RefundEvents.ChannelNotification);
        var capabilities = ChannelRegistry.Module(input.Channel).Capabilities;
        ChannelRefundEvent answer;
        try
        {
            answer = await CallAsync(context, ChannelCallOperations.Refund, input, ChannelRetry);
        }
        catch (TaskFailedException) when (!capabilities.Supports(ChannelOperations.RefundQuery) && !capabilities.Supports(ChannelOperations.RefundNotification))
        {
            // An hour of retries with one refund number and no way to ask: the channel never took it.
            answer = new ChannelRefundEvent(ChannelRefundState.Failed, null, null, "channel_unavailable", "The channel did not answer; nothing was refunded.");
        }
        catch (TaskFailedException)
        {
            answer = new ChannelRefundEvent(ChannelRefundState.Processing, null, null);
        }

        if (answer.State == ChannelRefundState.Processing)
        {
            answer = await WaitAsync(context, input, notified, capabilities.Supports(ChannelOperations.RefundQuery));
        }

        if (answer.State == ChannelRefundState.Processing)
        {
            context.CreateReplaySafeLogger<RefundOrchestrator>().LogCritical(
                "Refund {RefundId} of payment {PaymentId} had no final answer from the channel within {MaxWait}; its amount stays reserved", input.RefundId, input.PaymentId, MaxWait);
            return RefundStatuses.Pending;
        }

        return await FinishAsync(context, input, answer);
    }

    private static async Task<ChannelRefundEvent> WaitAsync(
        TaskOrchestrationContext context, RefundOrchestrationInput input, Task<ChannelRefundEvent> notified, bool canQuery)
    {
        var giveUpAt = context.CurrentUtcDateTime + MaxWait;
        for (var round = 0; context.CurrentUtcDateTime < giveUpAt; round++)
        {
            using var timerCancellation = new CancellationTokenSource();
            var timer = context.CreateTimer(PollDelays[Math.Min(round, PollDelays.Length - 1)], timerCancellation.Token);
            if (await Task.WhenAny(notified, timer) == notified)
            {
                // Orchestrator code may await only durable tasks: the timer is cancelled synchronously.
#pragma warning disable CA1849
                timerCancellation.Cancel();
#pragma warning restore CA1849
                return notified.Result;
            }

            if (!canQuery)
            {
                continue;
            }

            try
            {
                var queried = await CallAsync(context, ChannelCallOperations.RefundQuery, input, QueryRetry);
                if (queried.State != ChannelRefundState.Processing)
                {
                    return queried;
                }
            }
            catch (TaskFailedException)
            {
                // The channel did not answer this time; the next round asks again.
            }
        }

        return new ChannelRefundEvent(ChannelRefundState.Processing, null, null);
    }

    /// <summary>A call about the refund, queued for the payment's account (<see cref="ChannelCalls"/>).</summary>
    private static Task<ChannelRefundEvent> CallAsync(TaskOrchestrationContext context, string operation, RefundOrchestrationInput input, RetryPolicy retry) =>
        ChannelCalls.CallAsync<RefundOrchestrationInput, ChannelRefundEvent>(context, operation, new ChannelAccountId(input.Channel, input.ChannelAccount), input, retry);

    private static async Task<string> FinishAsync(TaskOrchestrationContext context, RefundOrchestrationInput input, ChannelRefundEvent answer)
    {
        var succeeded = answer.State == ChannelRefundState.Succeeded;
        await context.CallActivityAsync(
            nameof(CompleteRefundActivity),
            new CompleteRefundInput(
                input.MerchantId,
                input.RefundId,
                succeeded,
                answer.ChannelRefundNo,
                succeeded ? answer.CompletedAt ?? context.CurrentUtcDateTime : null,
                succeeded ? null : answer.FailureCode ?? "refund_failed",
                succeeded ? null : answer.FailureMessage ?? "The channel could not refund the payer."),
            StoreRetry);

        var eventType = succeeded ? RefundEvents.Succeeded : RefundEvents.Failed;
        try
        {
            await context.CallActivityAsync(
                nameof(SendWebhookActivity),
                new WebhookInput(input.MerchantId, input.RefundId, eventType, RefundEvents.EventId(input.RefundId, eventType)),
                WebhookRetry);
        }
        catch (TaskFailedException)
        {
            // Delivery gave up after every retry; the attempts are recorded on the event for the merchant to replay.
        }

        return succeeded ? RefundStatuses.Succeeded : RefundStatuses.Failed;
    }
}

using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Channels;
using PayFunctions.Domain;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Payments;

/// <summary>
/// A channel worker's side of a queued prepay: places the order within the accounts' limits and
/// raises the outcome to the payment's orchestration. A transient failure is retried as a new message
/// after a backoff; after the last try the orchestration is told the channel is unavailable, so a
/// payment never waits for an answer that will not come.
/// </summary>
public sealed partial class PrepayWorker(
    PrepayActivity prepay,
    PaymentStore payments,
    IChannelWorkQueue work,
    StorageQueueChannelWorkQueue storageWork,
    ILogger<PrepayWorker> logger)
{
    /// <summary>Tries at the channel before the payment fails as <c>channel_unavailable</c>: 1, 2 and 4 s of backoff between them.</summary>
    public const int MaxAttempts = 4;

    public static TimeSpan BackoffAfter(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, Math.Clamp(attempt, 1, MaxAttempts) - 1));

    public static PrepayOutcome Unavailable { get; } =
        new(false, null, "channel_unavailable", "The payment channel did not answer; no charge was made.", OrderAtChannel: false);

    /// <summary>The payment ended (closed or expired) while its order waited in the queue: no order is placed.</summary>
    public static PrepayOutcome NotPlaced { get; } = new(false, null, "payment_ended", "The payment ended before its order was placed.", OrderAtChannel: false);

    /// <summary>The queue item that asks a channel worker to place the payment's order.</summary>
    public static ChannelWorkItem ItemFor(PaymentOrchestrationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ChannelWorkItem(ChannelWorkItem.Prepay, input.Channel, input.ChannelAccount, input.MerchantId, input.PaymentId) { Payment = input };
    }

    public async Task PrepayAsync(ChannelWorkItem item, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (await TryAsync(item, waitForTurn: true, cancellationToken) is { } outcome)
        {
            await DeliverAsync(item with { Kind = ChannelWorkItem.PrepayResult, Payment = null, Outcome = outcome, Attempt = 1 }, durable, cancellationToken);
        }
    }

    /// <summary>
    /// Places the order now when an account of the route takes it without waiting for its turn, and answers the outcome
    /// to the caller instead of raising it. Otherwise the prepay goes on the channel's queue as it is (every account
    /// busy) or as its next try after the backoff (no account answered), and the answer is null: the outcome will be
    /// raised by the worker that takes it.
    /// </summary>
    public Task<PrepayOutcome?> PlaceAtOnceAsync(PaymentOrchestrationInput input, CancellationToken cancellationToken) =>
        TryAsync(ItemFor(input), waitForTurn: false, cancellationToken);

    /// <summary>One try of the prepay: its outcome, or null when a message on the channel's queue carries it on.</summary>
    private async Task<PrepayOutcome?> TryAsync(ChannelWorkItem item, bool waitForTurn, CancellationToken cancellationToken)
    {
        var input = item.Payment!;
        var payment = await payments.GetAsync(input.MerchantId, input.PaymentId, cancellationToken);
        if (payment is null || PaymentTransitions.IsTerminal(payment.StatusValue))
        {
            return NotPlaced;
        }

        try
        {
            // Each call to an account holds a permit of that account's throttle (PrepayFailover), so a busy first
            // account sends the order to the next instead of holding the worker.
            var outcome = await prepay.ExecuteAsync(input, payment, waitForTurn, cancellationToken);
            if (outcome is null)
            {
                await work.EnqueueAsync(item, cancellationToken);
            }

            return outcome;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (item.Attempt < MaxAttempts)
            {
                LogRetrying(logger, e, input.PaymentId, input.Channel, item.Attempt);
                await work.EnqueueAsync(item with { Attempt = item.Attempt + 1 }, BackoffAfter(item.Attempt), cancellationToken);
                return null;
            }

            LogGaveUp(logger, e, input.PaymentId, input.Channel, item.Attempt);
            return Unavailable;
        }
    }

    /// <summary>
    /// Raises the outcome to the orchestration, or, for a worker without a Durable client (the Functions app's
    /// Service Bus processor), hands it on through the Storage queue whose trigger has one.
    /// </summary>
    public async Task DeliverAsync(ChannelWorkItem result, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        if (durable is null)
        {
            await storageWork.EnqueueAsync(result, cancellationToken);
            return;
        }

        await durable.RaiseEventAsync(result.PaymentId, PaymentEvents.PrepayResult, result.Outcome, cancellationToken);
    }

    [LoggerMessage(EventId = 7811, Level = LogLevel.Warning, Message = "Prepay of {PaymentId} at {Channel} failed on try {Attempt}; retrying after a backoff")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string paymentId, string channel, int attempt);

    [LoggerMessage(EventId = 7812, Level = LogLevel.Error, Message = "Prepay of {PaymentId} at {Channel} failed on its last try {Attempt}; the payment fails as channel_unavailable")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string paymentId, string channel, int attempt);
}

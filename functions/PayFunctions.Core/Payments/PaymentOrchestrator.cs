using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PayFunctions.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Payments;

/// <summary>
/// One payment from prepay to its end: the prepay queued for the channel's workers, then the channel's
/// verified callback, each raced against the expiry timer (and the merchant's close). Deterministic:
/// time from the context, all I/O in activities.
/// </summary>
public sealed class PaymentOrchestrator : TaskOrchestrator<PaymentOrchestrationInput, PaymentStatus>
{
    // Closing must eventually happen, or a customer could still pay an order we call expired: keep
    // trying for about an hour before the orchestration gives up and fails loudly.
    internal static readonly RetryPolicy CloseRetry =
        new(maxNumberOfAttempts: 15, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(10));

    internal static readonly TaskOptions StoreRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    // A merchant's endpoint may be down for hours: 5 s, 15 s, 45 s, … capped at 6 h, about a day in
    // all. Durable timers make the waits free; the event id stays the same on every attempt.
    internal static readonly TaskOptions WebhookRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(
            maxNumberOfAttempts: 12,
            firstRetryInterval: TimeSpan.FromSeconds(5),
            backoffCoefficient: 3,
            maxRetryInterval: TimeSpan.FromHours(6)));

    /// <summary>
    /// The shape payments start with. Each version's change is kept beside the shape before it, and an instance
    /// replays as it ran, so a deployment does not break the payments it finds waiting. Instances started
    /// without a version are the shape before versions.
    /// </summary>
    public const string CurrentVersion = ReviewEventsVersion;

    /// <summary>One expiry timer for the whole payment; before it, a second was set once the order was placed.</summary>
    internal const string SharedExpiryTimerVersion = "1.1";

    /// <summary>The completion and the event's first delivery in one activity (<see cref="FinishPaymentActivity"/>).</summary>
    internal const string FirstDeliveryWithCompletionVersion = "1.2";

    /// <summary>The order placed by <see cref="PlacePrepayActivity"/> when an account has room; before it, always queued.</summary>
    internal const string PlacedAtOnceVersion = "1.3";

    /// <summary>
    /// Risk decides before the order is placed (a block places nothing) and again on the channel's result; a success
    /// raised from an account the payment is not placed at is refunded from there, not taken.
    /// </summary>
    internal const string RiskAssessedVersion = "1.4";

    /// <summary>A review a decision opens is announced (<c>review.opened</c>), and its close at the payment's end (<c>review.closed</c>).</summary>
    internal const string ReviewEventsVersion = "1.5";

    public static StartOrchestrationOptions StartOptions(string paymentId) => new(paymentId) { Version = CurrentVersion };

    public override async Task<PaymentStatus> RunAsync(TaskOrchestrationContext context, PaymentOrchestrationInput input)
    {
        if (input.Method == CheckoutMethods.Name)
        {
            return await CheckoutPayment.AwaitMethodAsync(context, input);
        }

        // One close waiter and one expiry timer serve the whole payment: a close raised while the order is queued
        // and one raised after it was placed reach the same waiter, and the timer placed now still stands while
        // the payer is waited for. A cancelled timer's message stays in the task hub until its time comes, so a
        // second timer would double what every waiting payment leaves there.
        using var timerCancellation = new CancellationTokenSource();
        var expiry = context.CreateTimer(input.ExpiresAt.UtcDateTime, timerCancellation.Token);
        var closeRequested = context.WaitForExternalEvent<CloseRequest>(PaymentEvents.CloseRequested);

        // Waiting starts before the enqueue, so an outcome raised at once is not missed.
        var placing = context.WaitForExternalEvent<PrepayOutcome>(PaymentEvents.PrepayResult);
        var beforeChannel = await AssessRiskAsync(context, input, RiskStage.BeforeChannel, canRefuse: true);
        if (beforeChannel is { Outcome: RiskOutcome.Block } blocked)
        {
            StopTimer(timerCancellation);
            return await FinishBlockedAsync(context, input, blocked);
        }

        input = AnnounceReview(context, input, beforeChannel);

        if (context.CompareVersionTo(PlacedAtOnceVersion) < 0)
        {
            await context.CallActivityAsync(nameof(EnqueuePrepayActivity), input, StoreRetry);
        }
        else if (await context.CallActivityAsync<PrepayOutcome?>(nameof(PlacePrepayActivity), input, StoreRetry) is { } placedAtOnce)
        {
            placing = Task.FromResult(placedAtOnce);
        }

        var ended = await Task.WhenAny(placing, expiry, closeRequested);
        if (ended == placing && (expiry.IsCompleted || closeRequested.IsCompleted))
        {
            // The answer and the end both came in while the enqueue was awaited, so WhenAny saw them all done and
            // named the first in its list. The end was asked for: honour it (a placed order is closed first, below).
            ended = expiry.IsCompleted ? expiry : closeRequested;
        }

        var prepay = await placing;
        var sharesTimer = context.CompareVersionTo(SharedExpiryTimerVersion) >= 0;
        var awaitsPayer = ended == placing && prepay.Succeeded && !prepay.OrderAtChannel && prepay.Answered is null;
        if (ended != expiry && !(awaitsPayer && sharesTimer))
        {
            StopTimer(timerCancellation);
        }

        if (prepay.ChannelAccount is { } placedAt)
        {
            // Failover may have placed the order at another account of the route than the first: from here on every
            // call goes there, and the notify endpoint, which reads this status, expects callbacks from it.
            input = input with { ChannelAccount = placedAt };
            context.SetCustomStatus(new PaymentPlacement(placedAt));
        }

        if (ended != placing)
        {
            // Closed or expired before the worker's answer came in. The worker writes a placed order's QR code to the
            // payment (where the merchant may already have shown it) before it answers, so the payment ends only
            // with the answer: with no order, at once; with one, by closing it first, where a payer who already paid
            // makes it a success rather than money on a payment the merchant was told is over.
            var (status, code, message) = ended == expiry
                ? (PaymentStatus.Expired, "payment_expired", "The customer did not pay before the payment expired.")
                : (PaymentStatus.Closed, (string?)null, (string?)null);
            return prepay.Succeeded || prepay.OrderAtChannel
                ? await CloseAtChannelAsync(context, input, OrderOf(input, prepay.ChannelOrderId), closeRequested, status, code, message)
                : await FinishAsync(context, input, status, null, code, message);
        }

        if (prepay.OrderAtChannel)
        {
            // A repeated prepay (its first result was lost with a crashed host) found the order
            // already at the channel, most likely paid. Closing settles it either way: a paid order
            // refuses the close and a verified query records the success.
            return await CloseAtChannelAsync(
                context,
                input,
                OrderOf(input, prepay.ChannelOrderId),
                closeRequested,
                PaymentStatus.Failed,
                "channel_order_conflict",
                "The channel already held this order and it was not paid.");
        }

        if (!prepay.Succeeded)
        {
            return await FinishAsync(context, input, PaymentStatus.Failed, null, prepay.FailureCode, prepay.FailureMessage);
        }

        if (prepay.Answered is { } answered)
        {
            return await BarcodePayment.FollowAsync(context, input, prepay.ChannelOrderId, answered);
        }

        using var unversionedTimerCancellation = new CancellationTokenSource();
        if (!sharesTimer)
        {
            expiry = context.CreateTimer(input.ExpiresAt.UtcDateTime, unversionedTimerCancellation.Token);
        }

        var notified = context.WaitForExternalEvent<ChannelPaymentEvent>(PaymentEvents.ChannelNotification);
        var first = await Task.WhenAny(expiry, notified, closeRequested);
        while (first == notified && IsFromAnotherAccount(context, input, notified.Result))
        {
            // Money for this order number at an account it is not placed at (a placement that timed out there before
            // failover, confirmed later by reconciliation) is not this payment's: it is refunded to the payer from
            // that account, and the payment waits on for its own.
            await context.CallActivityAsync(
                nameof(ReconcileOrderActivity), new ReconcileOrderInput(input.Channel, notified.Result.ChannelAccount!, input.MerchantId, input.PaymentId), StoreRetry);
            notified = context.WaitForExternalEvent<ChannelPaymentEvent>(PaymentEvents.ChannelNotification);
            first = await Task.WhenAny(expiry, notified, closeRequested);
        }

        if (first != expiry)
        {
            StopTimer(timerCancellation);
            StopTimer(unversionedTimerCancellation);
        }

        var order = OrderOf(input, prepay.ChannelOrderId);
        if (first == notified)
        {
            var channelEvent = notified.Result;
            return channelEvent.State switch
            {
                ChannelTradeState.Succeeded => await FinishPaidAsync(context, input, channelEvent),
                ChannelTradeState.Authorized => await AuthorizedPayment.FollowAsync(context, input, order, channelEvent, closeRequested),
                _ => await FinishAsync(context, input, PaymentStatus.Failed, channelEvent, "payment_failed", "The customer's payment failed at the channel."),
            };
        }

        return first == expiry
            ? await CloseAtChannelAsync(context, input, order, closeRequested, PaymentStatus.Expired, "payment_expired", "The customer did not pay before the payment expired.")
            : await CloseAtChannelAsync(context, input, order, closeRequested, PaymentStatus.Closed, null, null);
    }

    private static bool IsFromAnotherAccount(TaskOrchestrationContext context, PaymentOrchestrationInput input, ChannelPaymentEvent channelEvent) =>
        context.CompareVersionTo(RiskAssessedVersion) >= 0
        && channelEvent.ChannelAccount is { } from
        && !string.Equals(from, input.ChannelAccount, StringComparison.Ordinal);

    /// <summary>
    /// Orchestrator code may await only durable tasks: CancelAsync would resume off the orchestration's
    /// thread and break replay, so the timer is cancelled synchronously.
    /// </summary>
    private static void StopTimer(CancellationTokenSource timerCancellation)
    {
#pragma warning disable CA1849
        timerCancellation.Cancel();
#pragma warning restore CA1849
    }

    private static ChannelOrderInput OrderOf(PaymentOrchestrationInput input, string? channelOrderId) =>
        new(input.Channel, input.ChannelAccount, input.PaymentId) { ChannelOrderId = channelOrderId, MerchantId = input.MerchantId };

    /// <summary>
    /// Closing at the channel first means no payment can land afterwards; if one landed just before,
    /// the channel refuses the close and the payment is a success after all. Money the payer let the
    /// channel hold (an authorization) is followed like a notified one, unless the merchant asked to
    /// close: then the hold is released.
    /// </summary>
    private static async Task<PaymentStatus> CloseAtChannelAsync(
        TaskOrchestrationContext context,
        PaymentOrchestrationInput input,
        ChannelOrderInput orderInput,
        Task<CloseRequest> closeRequested,
        PaymentStatus otherwise,
        string? failureCode,
        string? failureMessage)
    {
        var closed = await ChannelOrderCalls.CloseAsync(context, orderInput, CloseRetry);
        if (closed == CloseOutcome.AlreadyPaid)
        {
            var order = await ChannelOrderCalls.QueryAsync(context, orderInput, CloseRetry);
            if (order.State == ChannelTradeState.Succeeded)
            {
                return await FinishPaidAsync(context, input, order);
            }

            if (order.State == ChannelTradeState.Authorized && otherwise != PaymentStatus.Closed)
            {
                return await AuthorizedPayment.FollowAsync(context, input, orderInput, order, closeRequested);
            }

            if (order.State == ChannelTradeState.Authorized)
            {
                await AuthorizedPayment.ReleaseAsync(context, input, orderInput);
            }
        }

        return await FinishAsync(context, input, otherwise, null, failureCode, failureMessage);
    }

    /// <summary>
    /// Every path to a success checks the same facts the notify endpoint checks: the channel collected
    /// exactly the payment's amount and currency. Money in any other amount is not this payment's
    /// success; it goes to the channel workers, who book it to suspense and refund it to the payer.
    /// </summary>
    internal static async Task<PaymentStatus> FinishPaidAsync(TaskOrchestrationContext context, PaymentOrchestrationInput input, ChannelPaymentEvent paid)
    {
        if (paid.IsSuccessFor(input))
        {
            // The money is taken: a block now can only hold it for review, which the completion reads from the payment.
            var onResult = await AssessRiskAsync(context, input, RiskStage.OnResult, canRefuse: false, paid);
            return await FinishAsync(context, AnnounceReview(context, input, onResult), PaymentStatus.Succeeded, paid, null, null);
        }

        context.CreateReplaySafeLogger<PaymentOrchestrator>().LogCritical(
            "Payment {PaymentId} of {Expected} {Currency} was paid {Reported} {ReportedCurrency} at the channel",
            input.PaymentId, input.Amount, input.Currency, paid.Amount, paid.Currency);
        await context.CallActivityAsync(nameof(ReconcileOrderActivity), new ReconcileOrderInput(input.Channel, input.ChannelAccount, input.MerchantId, input.PaymentId), StoreRetry);
        return await FinishAsync(
            context, input, PaymentStatus.Failed, null, "amount_mismatch", "The channel collected an amount other than the payment's; it is held for review.");
    }

    /// <summary>
    /// Risk's verdict on the payment at <paramref name="stage"/>, on the channel's <paramref name="result"/> when there is
    /// one (what it reported of the payer, and whether the payer's name hit a sanctions list); null for a payment started
    /// before risk decided.
    /// </summary>
    internal static async Task<RiskVerdict?> AssessRiskAsync(
        TaskOrchestrationContext context, PaymentOrchestrationInput input, RiskStage stage, bool canRefuse, ChannelPaymentEvent? result = null) =>
        context.CompareVersionTo(RiskAssessedVersion) < 0
            ? null
            : await context.CallActivityAsync<RiskVerdict>(
                nameof(AssessRiskActivity),
                new AssessRiskInput(input.MerchantId, input.PaymentId, stage, input.Payer, canRefuse)
                {
                    Reported = result?.Payer,
                    PayerSanctionsHit = result?.PayerSanctionsHit == true,
                },
                StoreRetry);

    /// <summary>
    /// Announces the review <paramref name="verdict"/> opened, without waiting: a merchant endpoint that is down must not
    /// hold up the payment. The input returned remembers it, so the payment's end waits for the announcement (its
    /// retries would stop with the orchestration) and announces the close of a review whose payment took no money.
    /// </summary>
    internal static PaymentOrchestrationInput AnnounceReview(TaskOrchestrationContext context, PaymentOrchestrationInput input, RiskVerdict? verdict)
    {
        if (verdict is not { OpensReview: true } || context.CompareVersionTo(ReviewEventsVersion) < 0)
        {
            return input;
        }

        _ = SendWebhookAsync(context, input, ReviewEvents.Opened);
        return input with { ReviewOpened = true };
    }

    internal static Task<PaymentStatus> FinishBlockedAsync(TaskOrchestrationContext context, PaymentOrchestrationInput input, RiskVerdict blocked) =>
        FinishAsync(context, input, PaymentStatus.Failed, null, "payment_blocked", "Risk blocked this payment: " + (blocked.Reason ?? "a rule asked to block it."));

    internal static async Task<PaymentStatus> FinishAsync(
        TaskOrchestrationContext context,
        PaymentOrchestrationInput input,
        PaymentStatus status,
        ChannelPaymentEvent? channelEvent,
        string? failureCode,
        string? failureMessage)
    {
        var completion = new CompletePaymentInput(
            input.MerchantId,
            input.PaymentId,
            status,
            channelEvent?.ChannelTradeNo,
            channelEvent?.PaidAt,
            failureCode,
            failureMessage,
            context.CurrentUtcDateTime);
        var eventType = status switch
        {
            PaymentStatus.Succeeded => PaymentEvents.Succeeded,
            PaymentStatus.Failed => PaymentEvents.Failed,
            PaymentStatus.Expired => PaymentEvents.Expired,
            _ => PaymentEvents.Closed,
        };
        if (context.CompareVersionTo(FirstDeliveryWithCompletionVersion) < 0)
        {
            await context.CallActivityAsync(nameof(CompletePaymentActivity), completion, StoreRetry);
            await SendWebhookAsync(context, input, eventType);
            return status;
        }

        var delivered = await context.CallActivityAsync<bool>(
            nameof(FinishPaymentActivity), new FinishPaymentInput(completion, WebhookOf(input, eventType)), StoreRetry);
        if (!delivered)
        {
            await SendWebhookAsync(context, input, eventType);
        }

        if (input.ReviewOpened)
        {
            // The opening's own delivery may still be retrying; this one finds it delivered, or carries it on. A review
            // of a payment that took no money was closed by the completion (voided) or by an operator before it (released):
            // either way it is announced once, under the one id of the review's close.
            await SendWebhookAsync(context, input, ReviewEvents.Opened);
            if (status != PaymentStatus.Succeeded)
            {
                await SendWebhookAsync(context, input, ReviewEvents.Closed);
            }
        }

        return status;
    }

    private static WebhookInput WebhookOf(PaymentOrchestrationInput input, string eventType) =>
        new(
            input.MerchantId,
            input.PaymentId,
            eventType,
            eventType.StartsWith(ReviewEvents.Prefix, StringComparison.Ordinal) ? ReviewEvents.EventId(input.PaymentId, eventType) : PaymentEvents.EventId(input.PaymentId, eventType));

    /// <summary>Delivers the payment's event of <paramref name="eventType"/> to the merchant, retrying for about a day.</summary>
    internal static async Task SendWebhookAsync(TaskOrchestrationContext context, PaymentOrchestrationInput input, string eventType)
    {
        try
        {
            await context.CallActivityAsync(nameof(SendWebhookActivity), WebhookOf(input, eventType), WebhookRetry);
        }
        catch (TaskFailedException)
        {
            // Delivery gave up after every retry; the attempts are recorded on the event for the merchant to replay.
        }
    }
}

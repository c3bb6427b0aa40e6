using Microsoft.DurableTask;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Domain;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Payments;

/// <summary>
/// A payment whose channel holds the payer's money without having taken it (an authorization, or an approved order the
/// channel captures only when told). With automatic capture it is captured at once. With manual capture it waits in
/// <see cref="PaymentStatus.RequiresCapture"/> for the merchant's capture, the merchant's close, or the end of the
/// channel's hold, which releases the money back to the payer.
/// </summary>
internal static class AuthorizedPayment
{
    /// <summary>For a channel that does not say how long it holds an authorization: the shortest common card hold.</summary>
    private static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(7);

    private static readonly TimeSpan PendingCaptureFirstPoll = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PendingCaptureMaxPoll = TimeSpan.FromHours(6);
    private const int PendingCapturePolls = 24;

    public static async Task<PaymentStatus> FollowAsync(
        TaskOrchestrationContext context, PaymentOrchestrationInput input, ChannelOrderInput order, ChannelPaymentEvent authorized, Task<CloseRequest> closeRequested)
    {
        if (authorized.Amount != input.Amount || !string.Equals(authorized.Currency, input.Currency, StringComparison.Ordinal))
        {
            // Money held in another amount is not this payment's: give the hold back rather than take it.
            await ReleaseAsync(context, input, order);
            return await PaymentOrchestrator.FinishAsync(
                context, input, PaymentStatus.Failed, null, "amount_mismatch", "The channel authorized an amount other than the payment's; the hold was released.");
        }

        var onResult = await PaymentOrchestrator.AssessRiskAsync(context, input, RiskStage.OnResult, canRefuse: true, authorized);
        if (onResult is { Outcome: RiskOutcome.Block } blocked)
        {
            // Held, not taken: a block gives the payer's money back.
            await ReleaseAsync(context, input, order);
            return await PaymentOrchestrator.FinishBlockedAsync(context, input, blocked);
        }

        input = PaymentOrchestrator.AnnounceReview(context, input, onResult);

        if (!input.CaptureLater)
        {
            return await CaptureAsync(context, input, order);
        }

        // Released a tenth of the hold early, so the channel never lets it lapse while a capture is on its way.
        var validity = ChannelRegistry.Module(input.Channel).Capabilities.AuthorizationValidity ?? DefaultValidity;
        var captureBefore = context.CurrentUtcDateTime + validity - (validity / 10);
        await context.CallActivityAsync(
            nameof(RequireCaptureActivity),
            new RequireCaptureInput(input.MerchantId, input.PaymentId, authorized.ChannelTradeNo, captureBefore),
            PaymentOrchestrator.StoreRetry);

        // Not awaited: a merchant endpoint that is down for hours must not hold up the capture it will ask for.
        _ = PaymentOrchestrator.SendWebhookAsync(context, input, PaymentEvents.RequiresCapture);

        using var timerCancellation = new CancellationTokenSource();
        var lapse = context.CreateTimer(captureBefore, timerCancellation.Token);
        var captureRequested = context.WaitForExternalEvent<CaptureRequest>(PaymentEvents.CaptureRequested);
        var first = await Task.WhenAny(lapse, captureRequested, closeRequested);
        if (first != lapse)
        {
            // Orchestrator code may await only durable tasks: the timer is cancelled synchronously.
#pragma warning disable CA1849
            timerCancellation.Cancel();
#pragma warning restore CA1849
        }

        if (first == captureRequested)
        {
            return await CaptureAsync(context, input, order);
        }

        await ReleaseAsync(context, input, order);
        return first == lapse
            ? await PaymentOrchestrator.FinishAsync(
                context, input, PaymentStatus.Expired, null, "authorization_expired", "The payment was not captured in time; the payer's money was released.")
            : await PaymentOrchestrator.FinishAsync(context, input, PaymentStatus.Closed, null, null, null);
    }

    /// <summary>Gives the held money back. A channel that cannot cancel lets the hold lapse by itself.</summary>
    public static async Task ReleaseAsync(TaskOrchestrationContext context, PaymentOrchestrationInput input, ChannelOrderInput order)
    {
        if (ChannelRegistry.Module(input.Channel).Capabilities.Supports(ChannelOperations.Cancel))
        {
            await ChannelOrderCalls.CancelAsync(context, order, PaymentOrchestrator.CloseRetry);
        }
    }

    /// <summary>
    /// A capture the channel took but has not completed (a pending capture under review) ends with the channel's
    /// notification or, if that is lost, a query: asked after 1 minute, then ever less often, for about four days.
    /// </summary>
    private static async Task<ChannelPaymentEvent> AwaitPendingCaptureAsync(TaskOrchestrationContext context, ChannelOrderInput order)
    {
        var pending = new ChannelPaymentEvent("", ChannelTradeState.Paying, null, null, null);
        var wait = PendingCaptureFirstPoll;
        for (var poll = 0; poll < PendingCapturePolls && pending.State is ChannelTradeState.Paying or ChannelTradeState.Authorized; poll++)
        {
            using var timerCancellation = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime + wait, timerCancellation.Token);
            var notified = context.WaitForExternalEvent<ChannelPaymentEvent>(PaymentEvents.ChannelNotification);
            if (await Task.WhenAny(timer, notified) == notified)
            {
#pragma warning disable CA1849 // The timer is cancelled synchronously: orchestrator code may await only durable tasks.
                timerCancellation.Cancel();
#pragma warning restore CA1849
                pending = notified.Result;
                continue;
            }

            pending = await ChannelOrderCalls.QueryAsync(context, order, PaymentOrchestrator.CloseRetry);
            wait = wait * 2 < PendingCaptureMaxPoll ? wait * 2 : PendingCaptureMaxPoll;
        }

        return pending;
    }

    /// <summary>
    /// Takes the held money. A capture whose answer was lost is settled by a query; one the channel refuses leaves nothing
    /// taken, and the hold is released.
    /// </summary>
    private static async Task<PaymentStatus> CaptureAsync(TaskOrchestrationContext context, PaymentOrchestrationInput input, ChannelOrderInput order)
    {
        ChannelPaymentEvent captured;
        try
        {
            captured = await ChannelOrderCalls.CaptureAsync(context, new CaptureInput(order, input.Amount, input.Currency), PaymentOrchestrator.CloseRetry);
        }
        catch (TaskFailedException)
        {
            captured = await ChannelOrderCalls.QueryAsync(context, order, PaymentOrchestrator.CloseRetry);
        }

        if (captured.State == ChannelTradeState.Paying)
        {
            captured = await AwaitPendingCaptureAsync(context, order);
        }

        if (captured.State == ChannelTradeState.Succeeded)
        {
            return await PaymentOrchestrator.FinishPaidAsync(context, input, captured);
        }

        await ReleaseAsync(context, input, order);
        return await PaymentOrchestrator.FinishAsync(
            context, input, PaymentStatus.Failed, null, "capture_failed", "The channel refused to capture the payment; the payer's money was released.");
    }
}

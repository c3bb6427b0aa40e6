using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Domain;

namespace PayFunctions.Core.Notifications;

/// <summary>What became of a verified notification.</summary>
public enum NotificationOutcome
{
    /// <summary>Durably handed on (to the payment's or refund's orchestration, or to channel work), or acknowledged as progress.</summary>
    Accepted,

    /// <summary>No payment of this channel account has that order number.</summary>
    UnknownOrder,

    /// <summary>The channel reports another amount or currency than the open payment's; nothing was changed.</summary>
    AmountMismatch,

    /// <summary>No refund of this payment has that refund number.</summary>
    UnknownRefund,

    /// <summary>A refund reported succeeded in another amount; nothing was changed.</summary>
    RefundAmountMismatch,
}

/// <summary>The outcome, with the payment it was about when one was found.</summary>
public sealed record NotificationDispatch(NotificationOutcome Outcome, PaymentOrchestrationInput? Payment = null);

/// <summary>
/// The one path of a verified notification, whether a channel posted it or it was read from a file the channel
/// dropped: the amount is checked before any state change, every delivery is recorded by (channel, trade, event),
/// and every verified duplicate is raised again (the orchestration takes the first and ignores the rest, so a
/// duplicate can never double-post, and a delivery whose first copy died half-way is still not lost). A success for a
/// payment that already ended is channel work (suspense and a refund), never an event nobody listens to.
/// </summary>
public sealed partial class NotificationDispatcher(
    NotificationLog log, IChannelWorkQueue work, PaymentStore payments, ChannelPayerIntake payers, ILogger<NotificationDispatcher> logger)
{
    /// <param name="verifiedBy">
    /// The channel's accounts whose keys verified the callback: one, or several when accounts share a signing key (sub-merchants
    /// of one service provider). The callback counts only for a payment whose order one of them holds.
    /// </param>
    public Task<NotificationDispatch> DispatchAsync(
        string channelName, IReadOnlyCollection<string> verifiedBy, ChannelNotification notification, DurableTaskClient durable, CancellationToken cancellationToken) =>
        DispatchAsync(channelName, new ListedAccounts(verifiedBy), notification, durable, cancellationToken);

    /// <param name="verifiedBy">
    /// The channel's accounts whose keys verify the callback, asked only about the accounts that could own it. The
    /// callback counts only for a payment whose order one of them holds.
    /// </param>
    public async Task<NotificationDispatch> DispatchAsync(
        string channelName, IVerifiedAccounts verifiedBy, ChannelNotification notification, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verifiedBy);
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(durable);
        if (notification.Refund is { } refund)
        {
            return new(await RefundNotifiedAsync(channelName, verifiedBy, notification, refund, durable, cancellationToken));
        }

        var instance = PaymentIds.IsWellFormed(notification.OutTradeNo)
            ? await durable.GetInstanceAsync(notification.OutTradeNo, getInputsAndOutputs: true, cancellationToken)
            : null;
        var input = await PlacedInputAsync(instance, verifiedBy, cancellationToken);
        if (instance is null || input is null || input.Channel != channelName || !await verifiedBy.IncludesAsync(input.ChannelAccount, cancellationToken))
        {
            LogUnknownOrder(logger, notification.EventId, channelName);
            return new(NotificationOutcome.UnknownOrder);
        }

        if (notification.Amount.MinorUnits != input.Amount || notification.Amount.Currency.Code != input.Currency)
        {
            LogAmountMismatch(logger, notification.EventId, input.PaymentId, notification.Amount.ToString(), input.Amount, input.Currency);
            return new(NotificationOutcome.AmountMismatch, input);
        }

        var duplicate = await log.RecordDeliveryAsync(channelName, notification.ChannelTradeNo, notification.EventId, input.PaymentId, cancellationToken);

        // The payment's outcome is written before its orchestration ends (which may take a day of webhook
        // retries): a payment ended in storage listens for no more channel events, whatever its instance says.
        var ended = instance.IsCompleted
            ? instance.ReadOutputAs<PaymentStatus>()
            : (await payments.GetAsync(input.MerchantId, input.PaymentId, cancellationToken))?.StatusValue is { } stored && PaymentTransitions.IsTerminal(stored)
                ? stored
                : (PaymentStatus?)null;
        if (ended is not null)
        {
            if (notification.State == ChannelTradeState.Succeeded && ended != PaymentStatus.Succeeded)
            {
                await work.EnqueueAsync(ReconcileWork(input, notification), cancellationToken);
            }

            LogFinished(logger, notification.EventId, input.PaymentId, duplicate);
            return new(NotificationOutcome.Accepted, input);
        }

        if (notification.State is ChannelTradeState.Succeeded or ChannelTradeState.Failed or ChannelTradeState.Authorized)
        {
            // Only an outcome (or money held for capture) ends the wait; "paying" and the like are progress.
            await durable.RaiseEventAsync(
                input.PaymentId,
                PaymentEvents.ChannelNotification,
                await payers.EventOfAsync(notification, input.MerchantId, input.PaymentId, cancellationToken),
                cancellationToken);
        }

        return new(NotificationOutcome.Accepted, input);
    }

    /// <summary>
    /// The payment's orchestration input, naming the account its order was placed with when failover moved it: the
    /// orchestration's status says so once it has taken the placement in; until then the payment row, which the
    /// placement wrote first, does.
    /// </summary>
    private async Task<PaymentOrchestrationInput?> PlacedInputAsync(
        OrchestrationMetadata? instance, IVerifiedAccounts verifiedBy, CancellationToken cancellationToken)
    {
        var input = instance?.ReadInputAs<PaymentOrchestrationInput>();
        if (input is null)
        {
            return null;
        }

        if (instance!.ReadCustomStatusAs<PaymentPlacement>() is { } placed)
        {
            return input with { ChannelAccount = placed.ChannelAccount };
        }

        return !await verifiedBy.IncludesAsync(input.ChannelAccount, cancellationToken)
            && await payments.GetAsync(input.MerchantId, input.PaymentId, cancellationToken) is { PlacedAtChannel: true } payment
            ? input with { ChannelAccount = payment.ChannelAccount }
            : input;
    }

    /// <summary>
    /// Channel work for money the notification reports against the payment: the channel is asked for the truth when it
    /// answers queries, and the notification's own facts are used when it cannot (a verified file of the bank's is the truth).
    /// </summary>
    public static ChannelWorkItem ReconcileWork(PaymentOrchestrationInput payment, ChannelNotification notification)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(notification);
        var work = new ChannelWorkItem(ChannelWorkItem.ReconcileOrder, payment.Channel, payment.ChannelAccount, payment.MerchantId, payment.PaymentId);
        return ChannelRegistry.Module(payment.Channel).Capabilities.Supports(ChannelOperations.Query)
            ? work
            : work with
            {
                Credit = new ChannelCredit(
                    notification.ChannelTradeNo, notification.EventId, notification.Amount.MinorUnits, notification.Amount.Currency.Code, notification.PaidAt),
            };
    }

    /// <summary>
    /// A refund callback goes to its refund's orchestration, which takes the first final statement. An
    /// unknown refund is refused so the channel retries; a success for another amount is never believed.
    /// </summary>
    private async Task<NotificationOutcome> RefundNotifiedAsync(
        string channelName, IVerifiedAccounts verifiedBy, ChannelNotification notification, ChannelRefund refund, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var instance = RefundIds.IsWellFormed(refund.OutRefundNo)
            ? await durable.GetInstanceAsync(refund.OutRefundNo, getInputsAndOutputs: true, cancellationToken)
            : null;
        var input = instance?.ReadInputAs<RefundOrchestrationInput>();
        if (instance is null || input is null || input.Channel != channelName || input.PaymentId != notification.OutTradeNo || !await verifiedBy.IncludesAsync(input.ChannelAccount, cancellationToken))
        {
            LogUnknownRefund(logger, notification.EventId, refund.OutRefundNo);
            return NotificationOutcome.UnknownRefund;
        }

        if (refund.State == ChannelRefundState.Succeeded && !ChannelRefundCheck.AmountAgrees(refund, input.Amount, input.Currency))
        {
            LogRefundAmountMismatch(logger, notification.EventId, input.RefundId, input.Amount, input.Currency);
            return NotificationOutcome.RefundAmountMismatch;
        }

        if (!instance.IsCompleted && refund.State != ChannelRefundState.Processing)
        {
            var refundEvent = ChannelRefundCheck.ToEvent(refund, input.Amount, input.Currency, logger);
            await durable.RaiseEventAsync(input.RefundId, RefundEvents.ChannelNotification, refundEvent, cancellationToken);
        }

        return NotificationOutcome.Accepted;
    }

    [LoggerMessage(EventId = 7503, Level = LogLevel.Error, Message = "Notification {EventId} is for unknown refund {OutRefundNo}")]
    private static partial void LogUnknownRefund(ILogger logger, string eventId, string outRefundNo);

    [LoggerMessage(EventId = 7504, Level = LogLevel.Critical, Message = "Notification {EventId} reports refund {RefundId} in another amount than {Expected} {Currency}")]
    private static partial void LogRefundAmountMismatch(ILogger logger, string eventId, string refundId, long expected, string currency);

    [LoggerMessage(EventId = 9250, Level = LogLevel.Error, Message = "Notification {EventId} of {Channel} is for an unknown order")]
    private static partial void LogUnknownOrder(ILogger logger, string eventId, string channel);

    [LoggerMessage(EventId = 9251, Level = LogLevel.Critical, Message = "Notification {EventId} for {PaymentId} reports {Reported}, expected {Expected} {Currency}")]
    private static partial void LogAmountMismatch(ILogger logger, string eventId, string paymentId, string reported, long expected, string currency);

    [LoggerMessage(EventId = 9252, Level = LogLevel.Information, Message = "Notification {EventId} for finished payment {PaymentId} (duplicate: {Duplicate})")]
    private static partial void LogFinished(ILogger logger, string eventId, string paymentId, bool duplicate);

    private sealed record ListedAccounts(IReadOnlyCollection<string> Accounts) : IVerifiedAccounts
    {
        public ValueTask<bool> IncludesAsync(string account, CancellationToken cancellationToken) => ValueTask.FromResult(Accounts.Contains(account));
    }
}

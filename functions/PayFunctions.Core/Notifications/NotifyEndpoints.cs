using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Notifications;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Secrets;
using PayFunctions.Domain;

namespace PayFunctions.Core.Notifications;

/// <summary>
/// Channel callbacks. Nothing changes until the signature over the raw bytes, the merchant and the
/// amount check out; the channel hears success only after the event is durably queued to the
/// payment's orchestration. Every duplicate is raised again: the orchestration takes the first and
/// ignores the rest, so a duplicate can never double-post, and a delivery whose first copy died
/// half-way is still not lost.
/// </summary>
public sealed partial class NotifyEndpoints(
    ChannelRegistry channels,
    NotificationLog log,
    RejectedNotificationLog rejections,
    IChannelWorkQueue work,
    PaymentStore payments,
    ILogger<NotifyEndpoints> logger)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string channelName, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var accounts = ChannelRegistry.IsKnown(channelName) ? channels.AccountsOf(channelName) : [];
        if (accounts.Count == 0)
        {
            return ApiError.NotFound("channel", "channel").ToResult();
        }

        var channel = await channels.GetAsync(channelName, accounts[0], cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var body = await RequestBody.ReadBytesAsync(request, cancellationToken);
        if (body is null)
        {
            await rejections.RecordAsync(channel.Name, "body_too_large", null, headers, cancellationToken);
            return Reject(channel, StatusCodes.Status413PayloadTooLarge, "body too large");
        }

        var (notification, account, rejection) = await ParseAsync(channelName, accounts, headers, body, cancellationToken);
        if (rejection is not null)
        {
            await rejections.RecordAsync(channel.Name, rejection.Reason, body, headers, cancellationToken);
            return Reject(channel, rejection.IsAuthenticationFailure ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest, rejection.Reason);
        }

        await log.ArchiveAsync(channel.Name, "verified", body, headers, ChannelRegistry.Module(channelName).Capabilities.EvidenceHeaders, cancellationToken);
        if (notification!.Refund is { } refund)
        {
            return await RefundNotifiedAsync(channel, channelName, account, notification, refund, durable, cancellationToken);
        }

        var instance = PaymentIds.IsWellFormed(notification.OutTradeNo)
            ? await durable.GetInstanceAsync(notification.OutTradeNo, getInputsAndOutputs: true, cancellationToken)
            : null;
        var input = instance?.ReadInputAs<PaymentOrchestrationInput>();
        if (instance is null || input is null || input.Channel != channelName || input.ChannelAccount != account)
        {
            logger.LogError("Notification {EventId} is for unknown order {OutTradeNo}", notification.EventId, notification.OutTradeNo);
            return Reject(channel, StatusCodes.Status404NotFound, "unknown order");
        }

        if (notification.Amount.MinorUnits != input.Amount || notification.Amount.Currency.Code != input.Currency)
        {
            logger.LogCritical(
                "Notification {EventId} for {PaymentId} reports {Reported}, expected {Expected} {Currency}",
                notification.EventId, input.PaymentId, notification.Amount, input.Amount, input.Currency);
            return Reject(channel, StatusCodes.Status400BadRequest, "amount mismatch");
        }

        var duplicate = await log.RecordDeliveryAsync(channel.Name, notification.ChannelTradeNo, notification.EventId, input.PaymentId, cancellationToken);

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
                await work.EnqueueAsync(new ChannelWorkItem(ChannelWorkItem.ReconcileOrder, channel.Name, input.ChannelAccount, input.MerchantId, input.PaymentId), cancellationToken);
            }

            logger.LogInformation("Notification {EventId} for finished payment {PaymentId} (duplicate: {Duplicate})", notification.EventId, input.PaymentId, duplicate);
            return Reply(channel.SuccessReply);
        }

        if (notification.State is not (ChannelTradeState.Succeeded or ChannelTradeState.Failed or ChannelTradeState.Authorized))
        {
            // Only an outcome (or money held for capture) ends the wait; "paying" and the like are progress.
            return Reply(channel.SuccessReply);
        }

        await durable.RaiseEventAsync(
            input.PaymentId,
            PaymentEvents.ChannelNotification,
            new ChannelPaymentEvent(
                notification.ChannelTradeNo, notification.State, notification.PaidAt, notification.Amount.MinorUnits, notification.Amount.Currency.Code),
            cancellationToken);
        return Reply(channel.SuccessReply);
    }

    /// <summary>
    /// A refund callback goes to its refund's orchestration, which takes the first final statement. An
    /// unknown refund is refused so the channel retries; a success for another amount is never believed.
    /// </summary>
    private async Task<IResult> RefundNotifiedAsync(
        IPaymentChannel channel, string channelName, string account, ChannelNotification notification, ChannelRefund refund, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var instance = RefundIds.IsWellFormed(refund.OutRefundNo)
            ? await durable.GetInstanceAsync(refund.OutRefundNo, getInputsAndOutputs: true, cancellationToken)
            : null;
        var input = instance?.ReadInputAs<RefundOrchestrationInput>();
        if (instance is null || input is null || input.Channel != channelName || input.ChannelAccount != account || input.PaymentId != notification.OutTradeNo)
        {
            LogUnknownRefund(logger, notification.EventId, refund.OutRefundNo);
            return Reject(channel, StatusCodes.Status404NotFound, "unknown refund");
        }

        if (refund.State == ChannelRefundState.Succeeded && !ChannelRefundCheck.AmountAgrees(refund, input.Amount, input.Currency))
        {
            LogRefundAmountMismatch(logger, notification.EventId, input.RefundId, input.Amount, input.Currency);
            return Reject(channel, StatusCodes.Status400BadRequest, "amount mismatch");
        }

        if (!instance.IsCompleted && refund.State != ChannelRefundState.Processing)
        {
            var refundEvent = ChannelRefundCheck.ToEvent(refund, input.Amount, input.Currency, logger);
            await durable.RaiseEventAsync(input.RefundId, RefundEvents.ChannelNotification, refundEvent, cancellationToken);
        }

        return Reply(channel.SuccessReply);
    }

    /// <summary>
    /// Each of the channel's accounts verifies with its own keys; the first that does not refuse the
    /// callback's origin owns it. A callback every account refuses is not from the channel.
    /// </summary>
    private async Task<(ChannelNotification? Notification, string Account, ChannelNotificationException? Rejection)> ParseAsync(
        string channelName, IReadOnlyList<string> accounts, IReadOnlyDictionary<string, string> headers, byte[] body, CancellationToken cancellationToken)
    {
        ChannelNotificationException? unauthenticated = null;
        foreach (var account in accounts)
        {
            var adapter = await channels.GetAsync(channelName, account, cancellationToken);
            try
            {
                await adapter.PrepareNotificationAsync(headers, cancellationToken);
                return (adapter.ParseNotification(headers, body), account, null);
            }
            catch (ChannelNotificationException e) when (e.IsAuthenticationFailure)
            {
                unauthenticated ??= e;
            }
            catch (ChannelNotificationException e)
            {
                return (null, account, e);
            }
        }

        return (null, "", unauthenticated);
    }

    /// <summary>The channel's failure body (so it retries), with a status that says what was wrong rather than a 500.</summary>
    private static IResult Reject(IPaymentChannel channel, int status, string reason) =>
        Reply(channel.FailureReply(reason) with { StatusCode = status });

    [LoggerMessage(EventId = 7503, Level = LogLevel.Error, Message = "Notification {EventId} is for unknown refund {OutRefundNo}")]
    private static partial void LogUnknownRefund(ILogger logger, string eventId, string outRefundNo);

    [LoggerMessage(EventId = 7504, Level = LogLevel.Critical, Message = "Notification {EventId} reports refund {RefundId} in another amount than {Expected} {Currency}")]
    private static partial void LogRefundAmountMismatch(ILogger logger, string eventId, string refundId, long expected, string currency);

    private static IResult Reply(ChannelReply reply) => Results.Text(reply.Body, reply.ContentType, statusCode: reply.StatusCode);
}

using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.ChannelWork;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Configuration;
using PayFunctions.Core.Notifications;
using PayFunctions.Core.Orchestration;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Api;

/// <summary>
/// Channel callbacks. Nothing changes until the signature over the raw bytes, the merchant and the
/// amount check out; the channel hears success only after the event is durably queued to the
/// payment's orchestration. Every duplicate is raised again: the orchestration takes the first and
/// ignores the rest, so a duplicate can never double-post, and a delivery whose first copy died
/// half-way is still not lost.
/// </summary>
public sealed class NotifyEndpoints(
    ChannelResolver channels,
    NotificationLog log,
    RejectedNotificationLog rejections,
    IChannelWorkQueue work,
    IOptions<WeChatPayChannelOptions> weChatPay,
    ILogger<NotifyEndpoints> logger)
{
    public async Task<IResult> WeChatPayAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var channel = await channels.GetAsync(ChannelResolver.WeChatPayName, cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var body = await RequestBody.ReadBytesAsync(request, cancellationToken);
        if (body is null)
        {
            await rejections.RecordAsync(channel.Name, "body_too_large", null, headers, cancellationToken);
            return Reject(channel, StatusCodes.Status413PayloadTooLarge, "body too large");
        }

        ChannelNotification notification;
        try
        {
            notification = channel.ParseNotification(headers, body);
        }
        catch (ChannelNotificationException e)
        {
            await rejections.RecordAsync(channel.Name, e.Reason, body, headers, cancellationToken);
            return Reject(channel, e.IsAuthenticationFailure ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest, e.Reason);
        }

        await log.ArchiveAsync(channel.Name, "verified", body, headers, cancellationToken);
        if (notification.MerchantId != weChatPay.Value.MchId || notification.AppId != weChatPay.Value.AppId)
        {
            logger.LogError("Notification {EventId} names merchant {MchId}/{AppId}, not ours", notification.EventId, notification.MerchantId, notification.AppId);
            return Reject(channel, StatusCodes.Status400BadRequest, "unknown merchant");
        }

        var instance = PaymentIds.IsWellFormed(notification.OutTradeNo)
            ? await durable.GetInstanceAsync(notification.OutTradeNo, getInputsAndOutputs: true, cancellationToken)
            : null;
        var input = instance?.ReadInputAs<PaymentOrchestrationInput>();
        if (instance is null || input is null)
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
        if (instance.IsCompleted)
        {
            if (notification.State == ChannelTradeState.Succeeded && instance.ReadOutputAs<PaymentStatus>() != PaymentStatus.Succeeded)
            {
                await work.EnqueueAsync(new ChannelWorkItem(ChannelWorkItem.ReconcileOrder, channel.Name, input.MerchantId, input.PaymentId), cancellationToken);
            }

            logger.LogInformation("Notification {EventId} for finished payment {PaymentId} (duplicate: {Duplicate})", notification.EventId, input.PaymentId, duplicate);
            return Reply(channel.SuccessReply);
        }

        if (notification.State is not (ChannelTradeState.Succeeded or ChannelTradeState.Failed))
        {
            // Only a final state ends the wait; "paying" and the like are progress, not an outcome.
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

    /// <summary>The channel's failure body (so it retries), with a status that says what was wrong rather than a 500.</summary>
    private static IResult Reject(IPaymentChannel channel, int status, string reason) =>
        Reply(channel.FailureReply(reason) with { StatusCode = status });

    private static IResult Reply(ChannelReply reply) => Results.Text(reply.Body, reply.ContentType, statusCode: reply.StatusCode);
}

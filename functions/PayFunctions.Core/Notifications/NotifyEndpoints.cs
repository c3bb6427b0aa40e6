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
/// Channel callbacks. Nothing changes until the signature over the raw bytes checks out; then the
/// notification takes the path every verified notification takes (<see cref="NotificationDispatcher"/>),
/// and the channel hears success only after that durably handed it on. Anything refused is answered
/// with the channel's failure reply, so the channel retries.
/// </summary>
public sealed class NotifyEndpoints(
    ChannelRegistry channels,
    NotificationLog log,
    RejectedNotificationLog rejections,
    NotificationDispatcher dispatcher)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string channelName, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var accounts = ChannelRegistry.IsKnown(channelName) ? channels.AccountsOf(channelName) : [];
        if (accounts.Count == 0)
        {
            return ApiError.NotFound("channel", "channel").ToResult();
        }

        var preferred = channels.DefaultAccountOf(channelName)!;
        var channel = await channels.GetAsync(channelName, preferred, cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var body = await RequestBody.ReadBytesAsync(request, cancellationToken);
        if (body is null)
        {
            await rejections.RecordAsync(channel.Name, "body_too_large", null, headers, cancellationToken);
            return Reject(channel, StatusCodes.Status413PayloadTooLarge, "body too large");
        }

        var verification = new CallbackVerification(
            [preferred, .. accounts.Where(a => a != preferred)], (account, cancel) => ReadAsync(channelName, account, headers, body, cancel));
        var (notification, rejection) = await verification.ReadAsync(cancellationToken);
        if (rejection is not null)
        {
            await rejections.RecordAsync(channel.Name, rejection.Reason, body, headers, cancellationToken);
            return Reject(channel, rejection.IsAuthenticationFailure ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest, rejection.Reason);
        }

        await log.ArchiveAsync(channel.Name, "verified", body, headers, ChannelRegistry.Module(channelName).Capabilities.EvidenceHeaders, cancellationToken);
        var dispatch = await dispatcher.DispatchAsync(channelName, verification, notification!, durable, cancellationToken);
        return dispatch.Outcome switch
        {
            NotificationOutcome.UnknownOrder => Reject(channel, StatusCodes.Status404NotFound, "unknown order"),
            NotificationOutcome.UnknownRefund => Reject(channel, StatusCodes.Status404NotFound, "unknown refund"),
            NotificationOutcome.AmountMismatch or NotificationOutcome.RefundAmountMismatch => Reject(channel, StatusCodes.Status400BadRequest, "amount mismatch"),
            _ => Reply(channel.SuccessReply),
        };
    }

    /// <summary>The callback read with one account's keys; <see cref="CallbackVerification"/> decides which accounts are asked.</summary>
    private async Task<ChannelNotification> ReadAsync(
        string channelName, string account, IReadOnlyDictionary<string, string> headers, byte[] body, CancellationToken cancellationToken)
    {
        var adapter = await channels.GetAsync(channelName, account, cancellationToken);
        await adapter.PrepareNotificationAsync(headers, cancellationToken);
        return adapter.ParseNotification(headers, body);
    }

    /// <summary>The channel's failure body (so it retries), with a status that says what was wrong rather than a 500.</summary>
    private static IResult Reject(IPaymentChannel channel, int status, string reason) =>
        Reply(channel.FailureReply(reason) with { StatusCode = status });

    private static IResult Reply(ChannelReply reply) => Results.Text(reply.Body, reply.ContentType, statusCode: reply.StatusCode);
}

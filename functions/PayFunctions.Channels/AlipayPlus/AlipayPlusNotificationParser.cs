using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Channels.AlipayPlus;

/// <summary>
/// Verifies and reads Alipay+ notifications: <c>notifyPayment</c> (<c>notifyType</c> PAYMENT_RESULT or PAYMENT_PENDING) and
/// <c>notifyRefund</c> (REFUND_RESULT), POSTed to the notify URL and signed like a request from Alipay+:
/// <c>POST &lt;notify path&gt;\n&lt;client-id&gt;.&lt;request-time&gt;.&lt;body&gt;</c>. A notification for another client id
/// belongs to another account and is an authentication failure here.
/// </summary>
internal sealed class AlipayPlusNotificationParser(AlipayPlusOptions options, RSA alipayPlusKey)
{
    public ChannelNotification Parse(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var clientId = Header(headers, AlipayPlusSignature.ClientIdHeader);
        var requestTime = Header(headers, AlipayPlusSignature.RequestTimeHeader);
        var signature = Header(headers, AlipayPlusSignature.SignatureHeader);
        if (clientId is null || requestTime is null || signature is null)
        {
            throw ChannelNotificationException.Unauthenticated("signature_headers_missing");
        }

        if (clientId != options.ClientId)
        {
            throw ChannelNotificationException.Unauthenticated("client_id_mismatch");
        }

        if (AlipayPlusSignature.ParseTime(requestTime) is null)
        {
            throw ChannelNotificationException.Unauthenticated("request_time_invalid");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ChannelNotificationException("body_not_utf8", ex);
        }

        var path = options.NotifyUrl?.AbsolutePath ?? $"/api/notify/{AlipayPlusClient.ChannelName}";
        if (!AlipayPlusSignature.Verify(alipayPlusKey, AlipayPlusSignature.ContentToSign("POST", path, clientId, requestTime, text), signature))
        {
            throw ChannelNotificationException.Unauthenticated("signature_invalid");
        }

        var notification = AlipayPlusAnswer.Read(text) ?? throw new ChannelNotificationException("body_malformed");
        return notification.String("notifyType") switch
        {
            "PAYMENT_RESULT" or "PAYMENT_PENDING" => Payment(notification),
            "REFUND_RESULT" => Refund(notification),
            _ => throw new ChannelNotificationException("notify_type_unknown"),
        };
    }

    private ChannelNotification Payment(AlipayPlusAnswer notification)
    {
        var requestId = Required(notification, "paymentRequestId");
        var paymentId = Required(notification, "paymentId");
        var amount = AlipayPlusAmount.Read(notification.Property("paymentAmount")) ?? throw new ChannelNotificationException("amount_malformed");
        var state = notification.String("notifyType") == "PAYMENT_PENDING"
            ? ChannelTradeState.Paying
            : notification.Status switch
            {
                AlipayPlusAnswer.Succeeded => ChannelTradeState.Succeeded,
                AlipayPlusAnswer.Failed => ChannelTradeState.Failed,
                _ => ChannelTradeState.Paying,
            };
        return new ChannelNotification(
            AlipayPlusClient.ChannelName,
            EventId(notification, paymentId),
            notification.String("notifyType")!,
            options.ClientId,
            options.ClientId,
            requestId,
            paymentId,
            state,
            amount,
            state == ChannelTradeState.Succeeded ? notification.Time("paymentTime") : null)
        {
            Payer = AlipayPlusPayer.Of(notification),
        };
    }

    private ChannelNotification Refund(AlipayPlusAnswer notification)
    {
        var refundRequestId = Required(notification, "refundRequestId");
        var refundId = Required(notification, "refundId");

        // notifyRefund names no payment; the adapter sends the payment's request id as the refund's metadata, which it echoes.
        var paymentRequestId = notification.String("metadata") is { Length: > 0 } metadata ? metadata : throw new ChannelNotificationException("refund_payment_unknown");
        var amount = AlipayPlusAmount.Read(notification.Property("refundAmount")) ?? throw new ChannelNotificationException("amount_malformed");
        var state = notification.String("refundStatus") switch
        {
            "SUCCESS" => ChannelRefundState.Succeeded,
            "FAIL" => ChannelRefundState.Failed,
            _ => throw new ChannelNotificationException("refund_status_unknown"),
        };
        var completedAt = notification.Time("refundTime");
        return new ChannelNotification(
            AlipayPlusClient.ChannelName,
            EventId(notification, refundId),
            "REFUND_RESULT",
            options.ClientId,
            options.ClientId,
            paymentRequestId,
            refundId,
            state == ChannelRefundState.Succeeded ? ChannelTradeState.Refunded : ChannelTradeState.Succeeded,
            amount,
            null,
            new ChannelRefund(refundRequestId, state, refundId, amount, completedAt));
    }

    // Alipay+ gives a notification no id of its own; its type, the transaction and the result identify it, and a redelivery
    // repeats all three.
    private static string EventId(AlipayPlusAnswer notification, string transactionId) =>
        $"{notification.String("notifyType")}:{transactionId}:{notification.Status}";

    private static string Required(AlipayPlusAnswer notification, string name) =>
        notification.String(name) is { Length: > 0 } value ? value : throw new ChannelNotificationException($"{name}_missing");

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}

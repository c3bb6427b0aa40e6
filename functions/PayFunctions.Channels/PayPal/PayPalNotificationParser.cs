using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using PayFunctions.Domain;

namespace PayFunctions.Channels.PayPal;

/// <summary>
/// Webhooks, verified locally: the five signature headers, a transmission time within <see cref="MaxClockSkew"/> of
/// now, a certificate from an allowed URL that was fetched and checked beforehand, and the RSA-SHA256 signature over
/// the transmission id, time, this account's webhook id and the CRC-32 of the raw body. Only then is the body read.
/// </summary>
internal sealed class PayPalNotificationParser(PayPalOptions options, PayPalWebhookCertificates certificates, TimeProvider time)
{
    /// <summary>How far a transmission time may be from the platform's clock: each delivery, retries included, is a new transmission.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public ChannelNotification Parse(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        Verify(headers, body);
        WebhookEvent webhook;
        try
        {
            webhook = JsonSerializer.Deserialize<WebhookEvent>(body, PayPalJson.Options) ?? throw new ChannelNotificationException("body_malformed");
        }
        catch (JsonException ex)
        {
            throw new ChannelNotificationException("body_malformed", ex);
        }

        if (webhook is not { Id.Length: > 0, EventType.Length: > 0 } || webhook.Resource.ValueKind != JsonValueKind.Object)
        {
            throw new ChannelNotificationException("body_malformed");
        }

        try
        {
            return Map(webhook);
        }
        catch (JsonException ex)
        {
            throw new ChannelNotificationException("resource_malformed", ex);
        }
    }

    private void Verify(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        var signed = PayPalWebhookHeaders.From(headers) ?? throw ChannelNotificationException.Unauthenticated("signature_headers_missing");
        if (signed.AuthAlgo != PayPalWebhookHeaders.Sha256WithRsa)
        {
            throw ChannelNotificationException.Unauthenticated("auth_algo_unsupported");
        }

        var now = time.GetUtcNow();
        if (!signed.TryReadTime(out var sentAt))
        {
            throw ChannelNotificationException.Unauthenticated("timestamp_invalid");
        }

        if ((now - sentAt).Duration() > MaxClockSkew)
        {
            throw ChannelNotificationException.Unauthenticated("timestamp_stale");
        }

        if (!ChannelUrls.TryParseHttpUrl(signed.CertUrl, out var certUrl) || !PayPalWebhookCertificates.IsAllowed(certUrl, options.BaseUrl))
        {
            throw ChannelNotificationException.Unauthenticated("cert_url_not_allowed");
        }

        if (!certificates.TryGet(certUrl, now, out var certificate))
        {
            throw ChannelNotificationException.Unauthenticated("certificate_unavailable");
        }

        var signature = new byte[signed.TransmissionSig.Length];
        if (!Convert.TryFromBase64String(signed.TransmissionSig, signature, out var length))
        {
            throw ChannelNotificationException.Unauthenticated("signature_invalid");
        }

        var message = Encoding.UTF8.GetBytes(PayPalWebhookHeaders.SignedMessage(signed.TransmissionId, signed.TransmissionTime, options.WebhookId, body));
        using var key = certificate.GetRSAPublicKey() ?? throw ChannelNotificationException.Unauthenticated("certificate_unavailable");
        if (!key.VerifyData(message, signature.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            throw ChannelNotificationException.Unauthenticated("signature_invalid");
        }
    }

    private ChannelNotification Map(WebhookEvent webhook)
    {
        var resource = webhook.Resource;
        switch (webhook.EventType)
        {
            case "CHECKOUT.ORDER.APPROVED" or "CHECKOUT.ORDER.COMPLETED":
            {
                var order = resource.Deserialize<PayPalOrder>(PayPalJson.Options) ?? throw new ChannelNotificationException("resource_malformed");
                var unit = (order.PurchaseUnits is { Count: > 0 } units ? units[0] : null) ?? throw new ChannelNotificationException("resource_malformed");
                var view = PayPalOrderStates.ToChannelOrder(order);
                return Notification(
                    webhook, unit.Payee?.MerchantId, view.OutTradeNo, view.ChannelTradeNo ?? order.Id, view.State, view.Amount ?? throw new ChannelNotificationException("amount_malformed"), view.PaidAt) with
                {
                    Payer = view.Payer,
                };
            }

            case "PAYMENT.CAPTURE.COMPLETED" or "PAYMENT.CAPTURE.PENDING" or "PAYMENT.CAPTURE.DENIED" or "PAYMENT.CAPTURE.DECLINED":
            {
                var capture = resource.Deserialize<PayPalCapture>(PayPalJson.Options) ?? throw new ChannelNotificationException("resource_malformed");
                var state = PayPalOrderStates.CaptureState(capture.Status);
                return Notification(
                    webhook,
                    capture.Payee?.MerchantId,
                    capture.InvoiceId ?? throw new ChannelNotificationException("invoice_id_missing"),
                    capture.Id,
                    state,
                    ReadAmount(capture.Amount),
                    state == ChannelTradeState.Succeeded ? capture.UpdateTime ?? capture.CreateTime : null);
            }

            case "PAYMENT.CAPTURE.REFUNDED":
            {
                // The refund carries the platform's refund number as its invoice_id and the order's as its custom_id.
                var refund = resource.Deserialize<PayPalRefund>(PayPalJson.Options) ?? throw new ChannelNotificationException("resource_malformed");
                var amount = ReadAmount(refund.Amount);
                var view = PayPalOrderStates.ToChannelRefund(refund, refund.InvoiceId ?? throw new ChannelNotificationException("invoice_id_missing"));
                var captureId = refund.Links?.FirstOrDefault(l => l.Rel == "up")?.Href is { } up ? up[(up.LastIndexOf('/') + 1)..] : refund.Id;
                return Notification(
                    webhook, null, refund.CustomId ?? throw new ChannelNotificationException("custom_id_missing"), captureId, ChannelTradeState.Refunded, amount, null) with
                {
                    Refund = view,
                };
            }

            default:
                // The listener is subscribed to the events above only (docs/channels.md); anything else is not for this platform.
                throw new ChannelNotificationException("event_type_unsupported");
        }
    }

    private ChannelNotification Notification(
        WebhookEvent webhook, string? merchantId, string outTradeNo, string channelTradeNo, ChannelTradeState state, Money amount, DateTimeOffset? paidAt) =>
        new(PayPalClient.ChannelName, webhook.Id!, webhook.EventType!, merchantId ?? string.Empty, options.ClientId, outTradeNo, channelTradeNo, state, amount, paidAt);

    private static Money ReadAmount(PayPalMoney? amount) =>
        PayPalAmounts.TryParse(amount?.Value, amount?.CurrencyCode, out var money) ? money : throw new ChannelNotificationException("amount_malformed");
}

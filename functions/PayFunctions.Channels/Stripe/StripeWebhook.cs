using System.Text;
using System.Text.Json;
using PayFunctions.Domain;
using Stripe;
using Stripe.Checkout;

namespace PayFunctions.Channels.Stripe;

/// <summary>
/// Verifies a webhook delivery with the endpoint's secret (<c>Stripe-Signature: t=…,v1=…</c>, HMAC-SHA256 of
/// <c>"{t}.{body}"</c>, 300 s tolerance) through Stripe.net's <see cref="EventUtility"/>, then maps the event.
/// </summary>
internal sealed class StripeWebhook(string webhookSecret, string? accountId, TimeProvider time)
{
    public const string SignatureHeader = "Stripe-Signature";

    /// <summary>Stripe's default and recommended tolerance between the signed timestamp and now.</summary>
    public const long ToleranceSeconds = 300;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ChannelNotification Parse(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        var signature = headers.FirstOrDefault(h => string.Equals(h.Key, SignatureHeader, StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrEmpty(signature))
        {
            throw ChannelNotificationException.Unauthenticated("signature_missing");
        }

        string json;
        try
        {
            json = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw ChannelNotificationException.Unauthenticated("body_not_utf8");
        }

        Verify(json, signature);

        // Verified first, parsed second (what ConstructEvent does in one call), so that a genuine event this SDK cannot read
        // (an endpoint on another API version) is not taken for a forgery and handed to the next account.
        // Stripe.net reads a verified body trustingly: without api_version it dereferences null, with a repeated property
        // its JsonObject throws. Stripe sends neither, so either makes the body malformed, found before the SDK reads it.
        if (!IsEventJson(json))
        {
            throw new ChannelNotificationException("body_malformed");
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ParseEvent(json, throwOnApiVersionMismatch: true);
        }
        catch (StripeException)
        {
            throw new ChannelNotificationException("api_version_mismatch");
        }
        catch (JsonException exception)
        {
            throw new ChannelNotificationException("body_malformed", exception);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // The SDK's converters throw these for values out of their range (a time past DateTime.MaxValue).
            throw new ChannelNotificationException("body_malformed", exception);
        }

        // A verified event can still name what the platform cannot take (a currency it does not support): refused, not thrown.
        try
        {
            return Map(stripeEvent);
        }
        catch (ChannelException exception)
        {
            throw new ChannelNotificationException("body_unsupported", exception);
        }
    }

    private static bool IsEventJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("api_version", out var version)
                && version.ValueKind == JsonValueKind.String;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Comparing names for repeats reads them: an unpaired surrogate in one throws InvalidOperationException.
            return false;
        }
    }

    private void Verify(string json, string signature)
    {
        try
        {
            EventUtility.ValidateSignature(json, signature, webhookSecret, ToleranceSeconds, time.GetUtcNow().ToUnixTimeSeconds());
        }
        catch (StripeException exception) when (exception.Message.Contains("tolerance", StringComparison.Ordinal))
        {
            throw ChannelNotificationException.Unauthenticated("timestamp_stale");
        }
        catch (Exception exception) when (exception is StripeException or FormatException or OverflowException or ArgumentException)
        {
            throw ChannelNotificationException.Unauthenticated("signature_invalid");
        }
    }

    private ChannelNotification Map(Event stripeEvent)
    {
        var merchant = stripeEvent.Account ?? accountId ?? string.Empty;
        var created = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        ChannelNotification About(string outTradeNo, string tradeNo, ChannelTradeState state, Money amount, ChannelRefund? refund = null) =>
            new(StripeCardChannel.ChannelName, stripeEvent.Id, stripeEvent.Type, merchant, merchant, outTradeNo, tradeNo, state, amount,
                state == ChannelTradeState.Succeeded && refund is null ? created : null, refund);

        switch (stripeEvent.Data?.Object)
        {
            case PaymentIntent intent:
                var state = stripeEvent.Type == "payment_intent.payment_failed" ? ChannelTradeState.NotPaid : StripeStates.StateOf(intent);
                var amount = state == ChannelTradeState.Succeeded && intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount;
                // An event names the intent's latest charge by id only, so the payer's card is known from a query, not from here.
                return About(OutTradeNo(intent.Metadata), intent.Id, state, StripeAmounts.ToMoney(amount, intent.Currency));

            case Session session when session.AmountTotal is { } total:
                return About(
                    session.ClientReferenceId ?? OutTradeNo(session.Metadata),
                    session.PaymentIntentId ?? session.Id,
                    session.Status == "expired" ? ChannelTradeState.Closed : ChannelTradeState.Paying,
                    StripeAmounts.ToMoney(total, session.Currency));

            case Refund refund when refund.Metadata?.GetValueOrDefault(StripeCardChannel.OutRefundNoKey) is { Length: > 0 } outRefundNo:
                return About(
                    OutTradeNo(refund.Metadata),
                    refund.PaymentIntentId ?? string.Empty,
                    ChannelTradeState.Succeeded,
                    StripeAmounts.ToMoney(refund.Amount, refund.Currency),
                    StripeStates.RefundOf(outRefundNo, refund));

            case Refund refund:
                // A refund the platform did not number is a cancel's (a late payment given back in full): news about the
                // order, acknowledged and otherwise ignored, so Stripe does not deliver it for days.
                return About(OutTradeNo(refund.Metadata), refund.PaymentIntentId ?? string.Empty, ChannelTradeState.Refunded, StripeAmounts.ToMoney(refund.Amount, refund.Currency));

            default:
                throw new ChannelNotificationException("event_type_unsupported");
        }
    }

    private static string OutTradeNo(Dictionary<string, string>? metadata) =>
        metadata?.GetValueOrDefault(StripeCardChannel.OutTradeNoKey) is { Length: > 0 } outTradeNo
            ? outTradeNo
            : throw new ChannelNotificationException("order_unknown");
}

using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Channels.Alipay;

/// <summary>
/// Turns Alipay's asynchronous notification (a form-urlencoded POST, <c>notify_type=trade_status_sync</c>) into a
/// <see cref="ChannelNotification"/>: signature first ("异步通知验签": the URL-decoded parameters without
/// <c>sign</c> and <c>sign_type</c>, sorted, <c>k=v</c> joined with <c>&amp;</c>), then the app, then strict field
/// checks. Every rejection is a <see cref="ChannelNotificationException"/>.
/// </summary>
internal sealed class AlipayNotificationParser(string appId, RSA alipayPublicKey)
{
    /// <summary>Parses the raw form body into its parameters; a repeated or nameless parameter is malformed.</summary>
    public static Dictionary<string, string> ParseForm(ReadOnlySpan<byte> body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ChannelNotificationException("body_malformed", ex);
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = WebUtility.UrlDecode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : WebUtility.UrlDecode(pair[(equals + 1)..]);
            if (string.IsNullOrEmpty(name) || !parameters.TryAdd(name, value))
            {
                throw new ChannelNotificationException("body_malformed");
            }
        }

        return parameters;
    }

    public ChannelNotification Parse(ReadOnlySpan<byte> body)
    {
        var form = ParseForm(body);

        // The values were sent in the request's charset; this adapter asks for UTF-8 and reads nothing else.
        if (form.TryGetValue("charset", out var charset) && !string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new ChannelNotificationException("charset_unsupported");
        }

        if (form.TryGetValue("sign_type", out var signType) && signType != AlipaySignature.SignType)
        {
            throw ChannelNotificationException.Unauthenticated("sign_type_unsupported");
        }

        if (!form.TryGetValue("sign", out var sign) || string.IsNullOrEmpty(sign))
        {
            throw ChannelNotificationException.Unauthenticated("signature_missing");
        }

        if (!AlipaySignature.Verify(alipayPublicKey, AlipaySignature.NotificationContent(form), sign))
        {
            throw ChannelNotificationException.Unauthenticated("signature_invalid");
        }

        // One Alipay key may sign for several apps: a notification about another app is not this account's.
        if (!string.Equals(Get(form, "app_id"), appId, StringComparison.Ordinal))
        {
            throw ChannelNotificationException.Unauthenticated("merchant_mismatch");
        }

        if (Get(form, "notify_id") is not { } notifyId || Get(form, "out_trade_no") is not { } outTradeNo
            || Get(form, "trade_no") is not { } tradeNo || Get(form, "trade_status") is not { } tradeStatus
            || !AlipayFields.TryParseFen(Get(form, "total_amount"), out var fen)
            || !AlipayFields.TryParseTime(Get(form, "gmt_payment"), out var paidAt))
        {
            throw new ChannelNotificationException("body_malformed");
        }

        if (!AlipayFields.TryMapTradeStatus(tradeStatus, wasPaid: paidAt is not null, out var state))
        {
            throw new ChannelNotificationException("trade_status_unknown");
        }

        ChannelRefund? refund = null;
        if (Get(form, "out_biz_no") is not null || Get(form, "refund_fee") is not null || Get(form, "gmt_refund") is not null)
        {
            // refund_fee is the trade's cumulative refunded amount, not this refund's: the refund's own amount is
            // left to a refund query by out_biz_no (the refund's out_request_no).
            if (Get(form, "out_biz_no") is not { } outRefundNo || !AlipayFields.TryParseTime(Get(form, "gmt_refund"), out var refundedAt))
            {
                throw new ChannelNotificationException("body_malformed");
            }

            refund = new ChannelRefund(outRefundNo, ChannelRefundState.Succeeded, null, null, refundedAt);
        }

        return new ChannelNotification(
            AlipayClient.ChannelName,
            notifyId,
            tradeStatus,
            Get(form, "seller_id") ?? appId,
            appId,
            outTradeNo,
            tradeNo,
            state,
            AlipayFields.Cny(fen),
            paidAt,
            refund)
        {
            Payer = refund is null ? AlipayPayer.FromNotification(name => Get(form, name)) : null,
        };
    }

    private static string? Get(Dictionary<string, string> form, string name) =>
        form.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}

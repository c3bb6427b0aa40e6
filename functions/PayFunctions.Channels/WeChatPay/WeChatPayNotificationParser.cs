using System.Security.Cryptography;
using System.Text.Json;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// Turns a payment or refund callback into a <see cref="ChannelNotification"/>: signature and freshness first, then
/// decryption, then strict field checks. Every rejection is a <see cref="ChannelNotificationException"/>.
/// </summary>
internal sealed class WeChatPayNotificationParser
{
    private const string TransactionResourceType = "transaction";
    private const string RefundResourceType = "refund";

    private readonly WeChatPayOptions _options;
    private readonly WeChatPayMerchantMode _mode;
    private readonly string _apiV3Key;
    private readonly WeChatPaySignatureVerifier _verifier;

    public WeChatPayNotificationParser(WeChatPayOptions options, WeChatPayMerchantMode mode, string apiV3Key, WeChatPaySignatureVerifier verifier)
    {
        _options = options;
        _mode = mode;
        _apiV3Key = apiV3Key;
        _verifier = verifier;
    }

    public ChannelNotification Parse(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        if (!_verifier.TryVerify(WeChatPaySignatureHeaders.From(headers), body, out var failure))
        {
            throw ChannelNotificationException.Unauthenticated(failure);
        }

        var envelope = Deserialize<NotificationEnvelope>(body, "body_malformed");
        var resource = envelope.Resource;
        if (string.IsNullOrEmpty(envelope.Id) || string.IsNullOrEmpty(envelope.EventType) || resource is null
            || resource.Ciphertext is null || resource.Nonce is null)
        {
            throw new ChannelNotificationException("body_malformed");
        }

        if (!string.Equals(resource.Algorithm, WeChatPayResourceDecryptor.Algorithm, StringComparison.Ordinal))
        {
            throw new ChannelNotificationException("algorithm_unsupported");
        }

        if (resource.OriginalType is not (TransactionResourceType or RefundResourceType))
        {
            throw new ChannelNotificationException("resource_type_unsupported");
        }

        byte[] plaintext;
        try
        {
            plaintext = WeChatPayResourceDecryptor.Decrypt(_apiV3Key, resource.Nonce, resource.AssociatedData ?? string.Empty, resource.Ciphertext);
        }
        catch (CryptographicException ex)
        {
            throw new ChannelNotificationException("decryption_failed", ex);
        }

        return resource.OriginalType == RefundResourceType
            ? ToRefundNotification(envelope.Id, envelope.EventType, Deserialize<RefundResource>(plaintext, "resource_malformed"))
            : ToNotification(envelope.Id, envelope.EventType, Deserialize<TransactionResource>(plaintext, "resource_malformed"));
    }

    private ChannelNotification ToNotification(string eventId, string eventType, TransactionResource transaction)
    {
        if (!_mode.Owns(transaction) || WeChatPayMerchantMode.AppIdOf(transaction) is not { } appId)
        {
            throw new ChannelNotificationException("merchant_mismatch");
        }

        if (string.IsNullOrEmpty(transaction.OutTradeNo) || string.IsNullOrEmpty(transaction.TransactionId)
            || !WeChatPayTransactionFields.TryParseAmount(transaction.Amount, currencyRequired: true, out var amount)
            || !WeChatPayTransactionFields.TryParseTime(transaction.SuccessTime, out var paidAt))
        {
            throw new ChannelNotificationException("resource_malformed");
        }

        if (!WeChatPayTransactionFields.TryMapTradeState(transaction.TradeState, out var state))
        {
            throw new ChannelNotificationException("trade_state_unknown");
        }

        return new ChannelNotification(
            WeChatPayClient.ChannelName,
            eventId,
            eventType,
            _options.MchId,
            appId,
            transaction.OutTradeNo,
            transaction.TransactionId,
            state,
            amount,
            paidAt)
        {
            Payer = WeChatPayTransactionFields.PayerOf(transaction),
        };
    }

    /// <summary>
    /// A refund callback names no application, so the account's own app id stands in. The order it is about was paid;
    /// it counts as refunded once a refund succeeded.
    /// </summary>
    private ChannelNotification ToRefundNotification(string eventId, string eventType, RefundResource refund)
    {
        if (!_mode.Owns(refund))
        {
            throw new ChannelNotificationException("merchant_mismatch");
        }

        if (!WeChatPayRefundFields.TryMapStatus(refund.RefundStatus, out _))
        {
            throw new ChannelNotificationException("refund_status_unknown");
        }

        if (string.IsNullOrEmpty(refund.OutTradeNo) || string.IsNullOrEmpty(refund.TransactionId) || string.IsNullOrEmpty(refund.RefundId)
            || !WeChatPayRefundFields.TryRead(refund, refund.RefundStatus, out var result)
            || !WeChatPayRefundFields.TryParseMoney(refund.Amount?.Total, refund.Amount?.Currency, out var orderAmount))
        {
            throw new ChannelNotificationException("resource_malformed");
        }

        return new ChannelNotification(
            WeChatPayClient.ChannelName,
            eventId,
            eventType,
            _options.MchId,
            _options.AppId,
            refund.OutTradeNo,
            refund.TransactionId,
            result.State == ChannelRefundState.Succeeded ? ChannelTradeState.Refunded : ChannelTradeState.Succeeded,
            orderAmount,
            PaidAt: null,
            Refund: result);
    }

    private static T Deserialize<T>(ReadOnlySpan<byte> json, string reason)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, WeChatPayJson.Options) ?? throw new ChannelNotificationException(reason);
        }
        catch (JsonException ex)
        {
            throw new ChannelNotificationException(reason, ex);
        }
    }
}

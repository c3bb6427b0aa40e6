using System.Globalization;
using PayFunctions.Domain;

namespace PayFunctions.Channels.UnionPay;

/// <summary>
/// Turns a back notification (form-urlencoded POST to backUrl) into a <see cref="ChannelNotification"/>: the signature
/// and UnionPay certificate first, then the fields. A consume (txnType 01) is a payment callback; a refund (04) or a
/// void (31) is a refund callback about the order named in <c>reqReserved</c>, which the adapter set when it asked.
/// </summary>
internal sealed class UnionPayNotificationParser(string merId, UnionPayVerifier verifier)
{
    public ChannelNotification Parse(ReadOnlySpan<byte> body)
    {
        if (!UnionPayAnswerText.TryParseForm(body, out var fields))
        {
            throw ChannelNotificationException.Unauthenticated("body_malformed");
        }

        if (!verifier.TryVerify(fields, out var failure))
        {
            throw ChannelNotificationException.Unauthenticated(failure);
        }

        // Every account trusts the same UnionPay root, so only merId tells accounts apart: a notification for another
        // merchant is one this account cannot claim, and the platform must try the next account.
        if (fields.GetValueOrDefault("merId") != merId)
        {
            throw ChannelNotificationException.Unauthenticated("merchant_mismatch");
        }

        var txnType = fields.GetValueOrDefault("txnType");
        var orderId = fields.GetValueOrDefault("orderId");
        var queryId = fields.GetValueOrDefault("queryId");
        var respCode = fields.GetValueOrDefault("respCode");
        if (string.IsNullOrEmpty(queryId) || string.IsNullOrEmpty(respCode)
            || !long.TryParse(fields.GetValueOrDefault("txnAmt"), NumberStyles.None, CultureInfo.InvariantCulture, out var fen))
        {
            throw new ChannelNotificationException("fields_malformed");
        }

        var amount = new Money(fen, Currency.Cny);
        var completedAt = UnionPayOrderNumbers.CompletedAt(fields.GetValueOrDefault("traceTime"), fields.GetValueOrDefault("txnTime"));
        var eventId = queryId + "-" + txnType;
        var eventType = txnType + "/" + fields.GetValueOrDefault("txnSubType") + "/" + respCode;
        var succeeded = UnionPayResponseCodes.IsSuccess(respCode);
        switch (txnType)
        {
            case UnionPayTransactionTypes.Consume:
                if (!UnionPayOrderNumbers.TryFromOrderId(orderId, out var outTradeNo))
                {
                    throw new ChannelNotificationException("order_unknown");
                }

                return new ChannelNotification(
                    UnionPayClient.ChannelName,
                    eventId,
                    eventType,
                    merId,
                    merId,
                    outTradeNo,
                    queryId,
                    succeeded ? ChannelTradeState.Succeeded : ChannelTradeState.Failed,
                    amount,
                    succeeded ? completedAt : null)
                {
                    Payer = UnionPayPayer.Of(fields),
                };

            case UnionPayTransactionTypes.Refund or UnionPayTransactionTypes.Void:
                if (!UnionPayOrderNumbers.TryFromOrderId(fields.GetValueOrDefault("reqReserved"), out var refundedTradeNo))
                {
                    throw new ChannelNotificationException("order_unknown");
                }

                // A refund's orderId is the platform's refund number; a void's is the adapter's own ("CX" + order).
                var outRefundNo = UnionPayOrderNumbers.TryFromOrderId(orderId, out var refundNo) && txnType == UnionPayTransactionTypes.Refund ? refundNo : orderId!;
                var refund = new ChannelRefund(outRefundNo, succeeded ? ChannelRefundState.Succeeded : ChannelRefundState.Failed, queryId, amount, completedAt);
                return new ChannelNotification(
                    UnionPayClient.ChannelName,
                    eventId,
                    eventType,
                    merId,
                    merId,
                    refundedTradeNo,
                    fields.GetValueOrDefault("origQryId") ?? queryId,
                    succeeded ? ChannelTradeState.Refunded : ChannelTradeState.Succeeded,
                    amount,
                    null,
                    refund);

            default:
                throw new ChannelNotificationException("txn_type_unsupported");
        }
    }
}

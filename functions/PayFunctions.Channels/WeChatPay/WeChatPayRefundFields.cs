using PayFunctions.Domain;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>Maps the fields of a <see cref="RefundResource"/> into channel-neutral values.</summary>
internal static class WeChatPayRefundFields
{
    /// <summary>
    /// Maps a refund status; false for a value this code does not know. ABNORMAL (the payer's card is closed or
    /// frozen) leaves the money with WeChat Pay until the merchant re-drives the refund by hand, so it is a failure here.
    /// </summary>
    public static bool TryMapStatus(string? status, out ChannelRefundState state)
    {
        (var known, state) = status switch
        {
            "SUCCESS" => (true, ChannelRefundState.Succeeded),
            "PROCESSING" => (true, ChannelRefundState.Processing),
            "CLOSED" => (true, ChannelRefundState.Failed),
            "ABNORMAL" => (true, ChannelRefundState.Failed),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>Reads the refund, with <paramref name="status"/> taken from whichever field the message carries it in.</summary>
    public static bool TryRead(RefundResource refund, string? status, out ChannelRefund result)
    {
        result = null!;
        if (string.IsNullOrEmpty(refund.OutRefundNo)
            || !TryMapStatus(status, out var state)
            || !TryParseMoney(refund.Amount?.Refund, refund.Amount?.Currency, out var amount)
            || !WeChatPayTransactionFields.TryParseTime(refund.SuccessTime, out var completedAt))
        {
            return false;
        }

        result = new ChannelRefund(refund.OutRefundNo, state, refund.RefundId, amount, completedAt);
        return true;
    }

    /// <summary>Fen in <paramref name="currency"/>; refund callbacks carry no currency, and a domestic account transacts in CNY only.</summary>
    public static bool TryParseMoney(long? fen, string? currency, out Money money)
    {
        money = default;
        if (fen is not { } value || value < 0)
        {
            return false;
        }

        var parsed = Currency.Cny;
        if (currency is not null && !Currency.TryParse(currency, out parsed))
        {
            return false;
        }

        money = new Money(value, parsed);
        return true;
    }
}

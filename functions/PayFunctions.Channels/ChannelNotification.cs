using PayFunctions.Domain;

namespace PayFunctions.Channels;

/// <summary>A verified, decrypted callback from a channel about an order, or about one of its refunds.</summary>
/// <param name="Channel">The channel name, as its module declares it.</param>
/// <param name="EventId">The channel's id of this notification; redeliveries repeat it.</param>
/// <param name="EventType">The channel's event type, e.g. "TRANSACTION.SUCCESS".</param>
/// <param name="MerchantId">The merchant account at the channel the payment belongs to.</param>
/// <param name="AppId">The application id the order was created under.</param>
/// <param name="OutTradeNo">The platform's order number.</param>
/// <param name="ChannelTradeNo">The channel's transaction number.</param>
/// <param name="State">The mapped trade state.</param>
/// <param name="Amount">The order amount as the channel recorded it; compare it before any state change.</param>
/// <param name="PaidAt">When the payment succeeded, when it did.</param>
/// <param name="Refund">For a refund callback, the refund it is about; null for a payment callback.</param>
public sealed record ChannelNotification(
    string Channel,
    string EventId,
    string EventType,
    string MerchantId,
    string AppId,
    string OutTradeNo,
    string ChannelTradeNo,
    ChannelTradeState State,
    Money Amount,
    DateTimeOffset? PaidAt,
    ChannelRefund? Refund = null)
{
    /// <summary>What the channel reported of the payer with this result, when it reports anything; never on a refund callback.</summary>
    public ChannelPayer? Payer { get; init; }
}

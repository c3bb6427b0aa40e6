using PayFunctions.Domain;

namespace PayFunctions.Channels;

/// <summary>What a line of a channel's statement records.</summary>
public enum ChannelStatementLineType
{
    /// <summary>Money the channel collected for an order.</summary>
    Payment,

    /// <summary>Money the channel gave back to a payer.</summary>
    Refund,

    /// <summary>A charge of the channel not tied to one order.</summary>
    Fee,

    /// <summary>Money the channel paid out to the platform's bank account.</summary>
    Payout,

    /// <summary>Any other movement: chargebacks, corrections, reserves.</summary>
    Adjustment,
}

/// <summary>One line of a channel's statement, as its module reads it, for reconciliation against the platform's records.</summary>
/// <param name="Type">What the line records.</param>
/// <param name="ChannelReference">The channel's id of the movement (transaction, refund or payout id).</param>
/// <param name="OutTradeNo">The platform's order number, when the line is about an order.</param>
/// <param name="OutRefundNo">The platform's refund number, when the line is about a refund.</param>
/// <param name="Amount">The gross amount moved, positive whatever the direction (<paramref name="Type"/> says which).</param>
/// <param name="Fee">What the channel charged for the movement, in the same currency; zero when none.</param>
/// <param name="BookedAt">When the channel booked the movement.</param>
public sealed record ChannelStatementLine(
    ChannelStatementLineType Type,
    string ChannelReference,
    string? OutTradeNo,
    string? OutRefundNo,
    Money Amount,
    Money Fee,
    DateTimeOffset BookedAt);

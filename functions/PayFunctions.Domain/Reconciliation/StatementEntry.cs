namespace PayFunctions.Domain.Reconciliation;

/// <summary>What a line of a channel's statement records.</summary>
public enum StatementEntryKind
{
    /// <summary>Money the channel collected for an order; matched to the platform's payment by its order number.</summary>
    Payment,

    /// <summary>Money the channel gave back to a payer; matched to the platform's refund by its refund number.</summary>
    Refund,

    /// <summary>A charge of the channel not tied to one order; totalled, not matched.</summary>
    Fee,

    /// <summary>Money the channel paid out to the platform's bank account; totalled, not matched.</summary>
    Payout,

    /// <summary>Any other movement (chargebacks, corrections, reserves); totalled, not matched.</summary>
    Adjustment,
}

/// <summary>
/// One line of a channel's statement for one channel account and one statement day, as reconciliation reads it.
/// Mapped from the channel module's own statement line, so matching does not depend on any channel's file format.
/// </summary>
/// <param name="Kind">What the line records.</param>
/// <param name="ChannelReference">The channel's id of the movement (transaction, refund or payout id).</param>
/// <param name="OutTradeNo">The platform's order number (the payment id), when the line is about an order.</param>
/// <param name="OutRefundNo">The platform's refund number, when the line is about a refund.</param>
/// <param name="Amount">The gross amount moved, never negative whatever the direction (<paramref name="Kind"/> says which).</param>
/// <param name="Fee">What the channel charged for the movement; negative when it gave a fee back (on a refund).</param>
/// <param name="BookedAt">When the channel booked the movement.</param>
public sealed record StatementEntry(
    StatementEntryKind Kind,
    string ChannelReference,
    string? OutTradeNo,
    string? OutRefundNo,
    Money Amount,
    Money Fee,
    DateTimeOffset BookedAt);

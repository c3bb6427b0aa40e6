namespace PayFunctions.Domain.Reconciliation;

/// <summary>Where the platform holds a payment, as far as reconciliation is concerned.</summary>
public enum PlatformPaymentStatus
{
    /// <summary>The platform booked the capture.</summary>
    Succeeded,

    /// <summary>The channel reported a definitive failure.</summary>
    Failed,

    /// <summary>Still waiting for the payer or for the channel's answer.</summary>
    Pending,

    /// <summary>Closed or expired without a capture.</summary>
    Closed,
}

/// <summary>The platform's record of a payment at the reconciled channel account.</summary>
/// <param name="Id">The payment id, which the channel knows as the order number (<c>out_trade_no</c>).</param>
/// <param name="Amount">The amount captured (or, before a capture, asked for).</param>
/// <param name="ExpectedFee">The fee the platform expects the channel to charge; null when the platform does not know it, and then the fee is not compared.</param>
/// <param name="Status">Where the platform holds the payment.</param>
/// <param name="BookedAt">When the platform booked the success; null unless <paramref name="Status"/> is <see cref="PlatformPaymentStatus.Succeeded"/>.</param>
public sealed record PlatformPayment(
    string Id,
    Money Amount,
    Money? ExpectedFee,
    PlatformPaymentStatus Status,
    DateTimeOffset? BookedAt);

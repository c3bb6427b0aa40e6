namespace PayFunctions.Domain.Reconciliation;

/// <summary>Where the platform holds a refund, as far as reconciliation is concerned.</summary>
public enum PlatformRefundStatus
{
    /// <summary>The channel confirmed the refund and the platform booked it.</summary>
    Succeeded,

    /// <summary>Asked of the channel, no outcome yet.</summary>
    Pending,

    /// <summary>The channel refused or failed it.</summary>
    Failed,
}

/// <summary>The platform's record of a refund at the reconciled channel account.</summary>
/// <param name="Id">The refund number the channel knows (<c>out_refund_no</c>).</param>
/// <param name="PaymentId">The payment refunded.</param>
/// <param name="Amount">The amount refunded.</param>
/// <param name="Status">Where the platform holds the refund.</param>
/// <param name="BookedAt">When the platform booked the refund's success; null unless <paramref name="Status"/> is <see cref="PlatformRefundStatus.Succeeded"/>.</param>
public sealed record PlatformRefund(
    string Id,
    string PaymentId,
    Money Amount,
    PlatformRefundStatus Status,
    DateTimeOffset? BookedAt);

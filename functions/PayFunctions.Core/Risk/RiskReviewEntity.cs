using System.Runtime.Serialization;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Risk;

/// <summary>A payment risk sent to review, in the operators' queue (<see cref="RiskReviewStore"/>).</summary>
public sealed class RiskReviewEntity : TableRow
{
    public string MerchantId { get; set; } = "";

    public long Amount { get; set; }

    public string Currency { get; set; } = "";

    public string Status { get; set; } = RiskReviews.Pending;

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ReleasedAt { get; set; }

    /// <summary>The operator who released it.</summary>
    public string? ReleasedBy { get; set; }

    public string? Note { get; set; }

    /// <summary>When the payment's end voided it.</summary>
    public DateTimeOffset? VoidedAt { get; set; }

    /// <summary>How the payment ended without money (<see cref="RiskReviews.VoidReasonOf"/>).</summary>
    public string? VoidReason { get; set; }

    [IgnoreDataMember]
    public string PaymentId => RowKey;
}

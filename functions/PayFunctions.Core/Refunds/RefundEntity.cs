using System.Runtime.Serialization;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Refunds;

/// <summary>
/// One refund, partitioned by merchant like its payment. It is stored twice in the partition: under
/// its id, and under <see cref="RefundStore.PaymentRowKey"/> so a payment's refunds list newest first.
/// </summary>
public sealed class RefundEntity : TableRow
{
    public string RefundId { get; set; } = "";

    public string PaymentId { get; set; } = "";

    public string Channel { get; set; } = "";

    public string ChannelAccount { get; set; } = "";

    public long Amount { get; set; }

    public string Currency { get; set; } = "";

    public string Status { get; set; } = RefundStatuses.Pending;

    public string? Reason { get; set; }

    public string? ChannelRefundNo { get; set; }

    public string? FailureCode { get; set; }

    public string? FailureMessage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SucceededAt { get; set; }

    public string? MetadataJson { get; set; }

    /// <summary>
    /// The platform gives back money that reached the channel after the payment ended: it was held in
    /// suspense, never the merchant's, so no reservation and no split reversal.
    /// </summary>
    public bool LatePayment { get; set; }

    [IgnoreDataMember]
    public string MerchantId => PartitionKey;
}

public static class RefundStatuses
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

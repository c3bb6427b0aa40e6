using System.Text.Json;

namespace PayFunctions.Core.Refunds;

/// <summary>The refund as merchants see it, in responses and in webhook events.</summary>
public sealed record RefundResource(
    string Id,
    string Object,
    string Payment,
    long Amount,
    string Currency,
    string Status,
    string? Reason,
    string? ChannelRefundNo,
    string? FailureCode,
    string? FailureMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SucceededAt,
    IReadOnlyDictionary<string, string>? Metadata)
{
    public static RefundResource From(RefundEntity r) => new(
        r.RefundId,
        "refund",
        r.PaymentId,
        r.Amount,
        r.Currency.ToLowerInvariant(),
        r.Status,
        r.Reason,
        r.ChannelRefundNo,
        r.FailureCode,
        r.FailureMessage,
        r.CreatedAt,
        r.SucceededAt,
        r.MetadataJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(r.MetadataJson));
}

using PayFunctions.Core.Refunds;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Webhooks;

namespace PayFunctions.Core.Payments;

/// <summary>
/// One thing that happened to a payment, as <c>GET /api/v1/payments/{id}/timeline</c> shows it: a stable
/// <paramref name="Type"/>, when, and the fields of its kind (every other field is absent).
/// </summary>
public sealed record PaymentTimelineEvent(string Type, DateTimeOffset At)
{
    public string? Status { get; init; }

    public long? Amount { get; init; }

    public string? Currency { get; init; }

    public string? Method { get; init; }

    public string? MerchantOrderId { get; init; }

    public string? Rule { get; init; }

    public string? Objective { get; init; }

    public IReadOnlyList<RoutingCandidateBody>? Candidates { get; init; }

    public string? ChannelAccount { get; init; }

    public string? Outcome { get; init; }

    public string? Reason { get; init; }

    public string? Channel { get; init; }

    public string? ChannelTradeNo { get; init; }

    /// <summary>For a notification, the event the channel reported; for a webhook, the event's id.</summary>
    public string? EventId { get; init; }

    public string? EventType { get; init; }

    public int? Attempts { get; init; }

    public int? LastResponseCode { get; init; }

    public string? Refund { get; init; }

    public string? FailureCode { get; init; }

    public string? FailureMessage { get; init; }

    public string? Entry { get; init; }

    public string? Kind { get; init; }

    public IReadOnlyList<PaymentTimelineLedgerLine>? Lines { get; init; }

    public static PaymentTimelineEvent Delivery(WebhookEventEntity e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var delivery = WebhookDeliveryResource.From(e);
        return new PaymentTimelineEvent("webhook.delivery", e.DeliveredAt ?? e.Timestamp ?? DateTimeOffset.MinValue)
        {
            EventId = e.RowKey,
            EventType = e.Type,
            Status = delivery.Status,
            Attempts = e.Attempts,
            LastResponseCode = e.LastStatus,
        };
    }

    public static PaymentTimelineEvent RefundCreated(RefundEntity r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new PaymentTimelineEvent("refund.created", r.CreatedAt) { Refund = r.RefundId, Amount = r.Amount, Currency = r.Currency.ToLowerInvariant(), Reason = r.Reason };
    }
}

/// <summary>One line of a ledger entry: the account, the side, and the amount in minor units.</summary>
public sealed record PaymentTimelineLedgerLine(string Account, string Side, long Amount, string Currency);

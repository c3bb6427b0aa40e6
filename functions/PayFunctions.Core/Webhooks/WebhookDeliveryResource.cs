namespace PayFunctions.Core.Webhooks;

/// <summary>
/// One event as its delivery log shows it: what was sent, how often, and what the endpoint last answered
/// (<paramref name="LastResponseCode"/> is absent when no answer came back at all).
/// </summary>
/// <param name="Status"><c>delivered</c>, <c>retrying</c> after a failed attempt, or <c>pending</c> before the first.</param>
public sealed record WebhookDeliveryResource(
    string Id,
    string Object,
    string Type,
    string? Subject,
    string Status,
    int Attempts,
    int? LastResponseCode,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt)
{
    public static WebhookDeliveryResource From(WebhookEventEntity e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var status = e.DeliveredAt is not null ? "delivered" : e.Attempts > 0 ? "retrying" : "pending";
        return new WebhookDeliveryResource(
            e.RowKey, "webhook_delivery", e.Type, e.PaymentId.Length > 0 ? e.PaymentId : null, status, e.Attempts, e.LastStatus, e.Attempts > 0 ? e.Timestamp : null, e.DeliveredAt);
    }
}

/// <summary>The merchant's one endpoint; its signing secret is shown once, at onboarding, and never here.</summary>
public sealed record WebhookEndpointResource(string Object, string? Url, bool Livemode);

public sealed record WebhookEndpointList(string Object, string Url, IReadOnlyList<WebhookEndpointResource> Data, bool HasMore);

public sealed record WebhookDeliveryList(string Object, string Url, IReadOnlyList<WebhookDeliveryResource> Data, bool HasMore);

namespace PayFunctions;

/// <summary>Where the merchant's webhooks are delivered.</summary>
public sealed class WebhookEndpoint : PayFunctionsEntity
{
    /// <summary>Always <c>webhook_endpoint</c>.</summary>
    public string Object { get; set; } = "webhook_endpoint";

    /// <summary>The address, or <c>null</c> when none is configured.</summary>
    public string? Url { get; set; }

    /// <summary>Whether the endpoint receives live events.</summary>
    public bool Livemode { get; set; }
}

/// <summary>An event's delivery to the merchant's endpoint, with its attempts.</summary>
public sealed class WebhookDelivery : PayFunctionsEntity, IHasId
{
    /// <summary>The event's identifier, <c>evt_…</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Always <c>webhook_delivery</c>.</summary>
    public string Object { get; set; } = "webhook_delivery";

    /// <summary>The event type, such as <c>payment.succeeded</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The object the event is about.</summary>
    public string? Subject { get; set; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>failed</c>.</summary>
    public string Status { get; set; } = "";

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; set; }

    /// <summary>The HTTP status of the last attempt.</summary>
    public int? LastResponseCode { get; set; }

    /// <summary>When the last attempt was made.</summary>
    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>When the endpoint accepted it.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }
}

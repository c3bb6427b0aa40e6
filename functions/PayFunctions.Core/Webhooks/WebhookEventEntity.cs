
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Webhooks;

/// <summary>One merchant event and its delivery history; the id is stable across every attempt.</summary>
public sealed class WebhookEventEntity : TableRow
{
    public string Type { get; set; } = "";

    public string PaymentId { get; set; } = "";

    public string Body { get; set; } = "";

    public int Attempts { get; set; }

    public int? LastStatus { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}

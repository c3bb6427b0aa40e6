namespace PayFunctions;

/// <summary>Money given back to the payer of a payment, in part or whole.</summary>
public sealed class Refund : PayFunctionsEntity, IHasId
{
    /// <summary>The identifier, <c>re_…</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Always <c>refund</c>.</summary>
    public string Object { get; set; } = "refund";

    /// <summary>The refunded payment.</summary>
    public string Payment { get; set; } = "";

    /// <summary>The amount in minor units.</summary>
    public long Amount { get; set; }

    /// <summary>The currency.</summary>
    public string Currency { get; set; } = "";

    /// <summary><c>pending</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    public string Status { get; set; } = "";

    /// <summary>Why the merchant refunded.</summary>
    public string? Reason { get; set; }

    /// <summary>The channel's refund number.</summary>
    public string? ChannelRefundNo { get; set; }

    /// <summary>Why the refund failed.</summary>
    public string? FailureCode { get; set; }

    /// <summary>The failure explained.</summary>
    public string? FailureMessage { get; set; }

    /// <summary>When the refund was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the channel confirmed it.</summary>
    public DateTimeOffset? SucceededAt { get; set; }

    /// <summary>The merchant's key-value data.</summary>
    public Dictionary<string, string>? Metadata { get; set; }
}

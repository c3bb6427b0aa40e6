namespace PayFunctions;

/// <summary>The body of a refund create (<c>POST /v1/payments/{id}/refunds</c>).</summary>
public sealed class RefundCreateOptions
{
    /// <summary>The amount to refund in minor units; all that is left when unset.</summary>
    public long? Amount { get; set; }

    /// <summary>Why the merchant refunds.</summary>
    public string? Reason { get; set; }

    /// <summary>The merchant's key-value data.</summary>
    public Dictionary<string, string>? Metadata { get; set; }
}

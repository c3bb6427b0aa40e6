namespace PayFunctions;

/// <summary>The body of a store create (<c>POST /v1/stores</c>).</summary>
public sealed class StoreCreateOptions
{
    /// <summary>The store's name.</summary>
    public string? Name { get; set; }

    /// <summary>A fixed amount in minor units; the payer enters one when unset.</summary>
    public long? Amount { get; set; }

    /// <summary>The currency.</summary>
    public string? Currency { get; set; }
}

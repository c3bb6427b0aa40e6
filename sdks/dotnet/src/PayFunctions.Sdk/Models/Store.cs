namespace PayFunctions;

/// <summary>A store: a fixed QR code payers scan to pay the merchant.</summary>
public sealed class Store : PayFunctionsEntity, IHasId
{
    /// <summary>The identifier.</summary>
    public string Id { get; set; } = "";

    /// <summary>Always <c>store</c>.</summary>
    public string Object { get; set; } = "store";

    /// <summary>The store's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>A fixed amount in minor units, or <c>null</c> for the payer to enter one.</summary>
    public long? Amount { get; set; }

    /// <summary>The currency.</summary>
    public string Currency { get; set; } = "";

    /// <summary>The text the QR code encodes.</summary>
    public string CodeUrl { get; set; } = "";

    /// <summary>The QR code as PNG.</summary>
    public string QrPngUrl { get; set; } = "";

    /// <summary>The QR code as SVG.</summary>
    public string QrSvgUrl { get; set; } = "";

    /// <summary>When the store was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

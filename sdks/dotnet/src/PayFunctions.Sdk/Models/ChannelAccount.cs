namespace PayFunctions;

/// <summary>A channel account the merchant's payments may be routed to.</summary>
public sealed class ChannelAccount : PayFunctionsEntity
{
    /// <summary>Always <c>channel_account</c>.</summary>
    public string Object { get; set; } = "channel_account";

    /// <summary>The full name, <c>channel/account</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("channel_account")]
    public string Name { get; set; } = "";

    /// <summary>The channel.</summary>
    public string Channel { get; set; } = "";

    /// <summary>The account at the channel.</summary>
    public string Account { get; set; } = "";

    /// <summary>Whether it is the channel's default account.</summary>
    public bool IsDefault { get; set; }

    /// <summary>The methods it takes.</summary>
    public List<string> Methods { get; set; } = [];

    /// <summary>The currencies it takes.</summary>
    public List<string> Currencies { get; set; } = [];
}

namespace PayFunctions.Channels.AlipayPlus;

/// <summary>Non-secret settings of one merchant client at Alipay+ through Antom's merchant API.</summary>
public sealed class AlipayPlusOptions
{
    /// <summary>The API host; Antom's Asia endpoint unless overridden (another region, or the sandbox).</summary>
    public Uri BaseUrl { get; set; } = new("https://open-sea-global.alipay.com");

    /// <summary>The client id Antom assigned (<c>client-id</c> header), which names the keys that sign.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The version of the merchant key registered with Antom (<c>keyVersion</c> in the signature header).</summary>
    public string KeyVersion { get; set; } = "1";

    /// <summary>
    /// Where the platform takes this channel's callbacks. Alipay+ signs a notification over the path it posted to, so
    /// notifications are verified against this URL's path.
    /// </summary>
    public Uri? NotifyUrl { get; set; }

    /// <summary>The currency Antom settles to the merchant (<c>settlementStrategy.settlementCurrency</c>), when the contract names one.</summary>
    public string? SettlementCurrency { get; set; }
}

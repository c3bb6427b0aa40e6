namespace PayFunctions.Channels.WeChatPay;

/// <summary>Non-secret settings of one WeChat Pay APIv3 merchant account (direct-merchant mode).</summary>
public sealed class WeChatPayOptions
{
    /// <summary>The API host; the documented primary domain unless overridden (e.g. api2 or a test server).</summary>
    public Uri BaseUrl { get; set; } = new("https://api.mch.weixin.qq.com");

    /// <summary>The merchant id (<c>mchid</c>).</summary>
    public string MchId { get; set; } = string.Empty;

    /// <summary>The application id (<c>appid</c>) the orders are created under.</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>Serial number of the merchant API certificate whose private key signs requests.</summary>
    public string MerchantSerialNo { get; set; } = string.Empty;

    /// <summary>Serial number (or public key id) of the WeChat Pay platform key that signs responses and callbacks.</summary>
    public string PlatformSerialNo { get; set; } = string.Empty;

    /// <summary>How far a signed timestamp may differ from now before the message is treated as a replay.</summary>
    public TimeSpan NotificationTolerance { get; set; } = TimeSpan.FromMinutes(5);
}

namespace ChannelSandbox.WeChatPay;

/// <summary>The non-secret identities of the simulated merchant account ("Sandbox:WeChatPay" section).</summary>
public sealed class WeChatPayIdentity
{
    public const string Section = "Sandbox:WeChatPay";

    public string MchId { get; set; } = "1900000109";

    /// <summary>The official account: Native, JSAPI, H5 and payment-code orders.</summary>
    public string AppId { get; set; } = "wx8888888888888888";

    /// <summary>The mini-program: JSAPI orders placed from it.</summary>
    public string MiniProgramAppId { get; set; } = "wx6666666666666666";

    /// <summary>The mobile application (Open Platform): App orders.</summary>
    public string MobileAppId { get; set; } = "wx7777777777777777";

    /// <summary>The sub-merchants (子商户) the account serves as a service provider, comma-separated: partner orders must name one.</summary>
    public string SubMchIds { get; set; } = "1900000110";

    public string MerchantSerial { get; set; } = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

    public string PlatformSerial { get; set; } = "7132D72A03E93CDDF8C03BBD1F37EEDF13B1B71B";

    /// <summary>The WeChat Pay public key id a rotation adds.</summary>
    public string NextPlatformSerial { get; set; } = "PUB_KEY_ID_0119000001092026000000000001";

    /// <summary>How long a refund stays PROCESSING before it succeeds (or turns ABNORMAL when told to).</summary>
    public TimeSpan RefundDelay { get; set; } = TimeSpan.FromSeconds(2);

    public IReadOnlyList<string> SubMerchants() => SubMchIds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

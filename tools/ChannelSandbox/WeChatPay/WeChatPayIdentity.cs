namespace ChannelSandbox.WeChatPay;

/// <summary>The non-secret identities of the simulated merchant account ("Sandbox:WeChatPay" section).</summary>
public sealed class WeChatPayIdentity
{
    public const string Section = "Sandbox:WeChatPay";

    public string MchId { get; set; } = "1900000109";

    public string AppId { get; set; } = "wx8888888888888888";

    public string MerchantSerial { get; set; } = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

    public string PlatformSerial { get; set; } = "7132D72A03E93CDDF8C03BBD1F37EEDF13B1B71B";
}

namespace PayFunctions.Core.Configuration;

/// <summary>Non-secret WeChat Pay identities; the keys themselves come from the secret store.</summary>
public sealed class WeChatPayChannelOptions
{
    public const string SectionName = "Channels:WeChatPay";

    public Uri BaseUrl { get; set; } = new("https://api.mch.weixin.qq.com");

    public string MchId { get; set; } = "";

    public string AppId { get; set; } = "";

    public string MerchantSerialNo { get; set; } = "";

    public string PlatformSerialNo { get; set; } = "";

    public bool IsValid() =>
        !string.IsNullOrWhiteSpace(MchId) && !string.IsNullOrWhiteSpace(AppId)
        && !string.IsNullOrWhiteSpace(MerchantSerialNo) && !string.IsNullOrWhiteSpace(PlatformSerialNo);
}

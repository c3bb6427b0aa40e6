namespace PayFunctions.Channels.WeChatPay;

/// <summary>WeChat Pay APIv3 for a direct merchant: what it serves and how one account's adapter is built.</summary>
public sealed class WeChatPayModule : IChannelModule
{
    /// <summary>The merchant API private key (apiclient_key.pem) that signs requests.</summary>
    public const string MerchantPrivateKeySecret = "merchant-private-key";

    /// <summary>The WeChat Pay platform public key (or certificate) that signs answers and callbacks.</summary>
    public const string PlatformPublicKeySecret = "platform-public-key";

    /// <summary>The APIv3 key that encrypts callback resources.</summary>
    public const string ApiV3KeySecret = "apiv3-key";

    private static readonly string[] Cny = ["CNY"];
    private static readonly string[] China = ["CN"];

    /// <inheritdoc />
    public ChannelCapabilities Capabilities { get; } = new(
        WeChatPayClient.ChannelName,
        "WeChat Pay",
        "WeChatPay",
        [
            new PaymentMethodCapability("wechat_pay.native", NextActionType.DisplayQrCode, Cny, China, 1, 100_000_000_00, PayerDetails.None),
        ],
        ChannelOperations.Query | ChannelOperations.Close,
        [nameof(WeChatPayOptions.MchId), nameof(WeChatPayOptions.AppId), nameof(WeChatPayOptions.MerchantSerialNo), nameof(WeChatPayOptions.PlatformSerialNo)],
        [MerchantPrivateKeySecret, PlatformPublicKeySecret, ApiV3KeySecret])
    {
        EvidenceHeaders = [.. WeChatPaySignatureHeaders.Names],
    };

    /// <inheritdoc />
    public IPaymentChannel Create(ChannelAccount account, HttpClient httpClient, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = new WeChatPayOptions
        {
            MchId = account.Setting(nameof(WeChatPayOptions.MchId)),
            AppId = account.Setting(nameof(WeChatPayOptions.AppId)),
            MerchantSerialNo = account.Setting(nameof(WeChatPayOptions.MerchantSerialNo)),
            PlatformSerialNo = account.Setting(nameof(WeChatPayOptions.PlatformSerialNo)),
        };
        if (account.OptionalSetting(nameof(WeChatPayOptions.BaseUrl)) is { } baseUrl)
        {
            options.BaseUrl = new Uri(baseUrl, UriKind.Absolute);
        }

        var credentials = new WeChatPayCredentials(
            account.Secret(MerchantPrivateKeySecret), account.Secret(PlatformPublicKeySecret), account.Secret(ApiV3KeySecret));
        return new WeChatPayClient(httpClient, options, credentials, timeProvider);
    }
}

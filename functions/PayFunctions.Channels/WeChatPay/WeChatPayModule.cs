namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// WeChat Pay APIv3 for a direct merchant, or a service provider acting for a sub-merchant: what it serves and how one
/// account's adapter is built, and how its daily trade bill reads.
/// </summary>
public sealed class WeChatPayModule : IChannelModule, IChannelStatementFormat
{
    /// <summary>The merchant API private key (apiclient_key.pem) that signs requests.</summary>
    public const string MerchantPrivateKeySecret = "merchant-private-key";

    /// <summary>
    /// The WeChat Pay keys that sign answers and callbacks: one or more PEM blocks (PUBLIC KEY or CERTIFICATE), in the
    /// order of the <c>PlatformSerialNo</c> setting, so that both keys are accepted while WeChat Pay switches keys.
    /// </summary>
    public const string PlatformPublicKeySecret = "platform-public-key";

    /// <summary>The APIv3 key that encrypts callback resources.</summary>
    public const string ApiV3KeySecret = "apiv3-key";

    /// <summary>The official account's AppSecret, which exchanges a web authorization code for the payer's openid (JSAPI).</summary>
    public const string AppSecretSecret = "app-secret";

    private const long MaxAmount = 100_000_000_00;

    private static readonly string[] Cny = ["CNY"];
    private static readonly string[] China = ["CN"];

    /// <inheritdoc />
    public ChannelCapabilities Capabilities { get; } = new(
        WeChatPayClient.ChannelName,
        "WeChat Pay",
        "WeChatPay",
        [
            new PaymentMethodCapability(WeChatPayMethods.Native, NextActionType.DisplayQrCode, Cny, China, 1, MaxAmount, PayerDetails.None),
            new PaymentMethodCapability(WeChatPayMethods.Jsapi, NextActionType.UseSdk, Cny, China, 1, MaxAmount, PayerDetails.PayerId),
            new PaymentMethodCapability(WeChatPayMethods.MiniProgram, NextActionType.UseSdk, Cny, China, 1, MaxAmount, PayerDetails.PayerId),
            new PaymentMethodCapability(WeChatPayMethods.H5, NextActionType.RedirectToUrl, Cny, China, 1, MaxAmount, PayerDetails.ClientIp),
            new PaymentMethodCapability(WeChatPayMethods.App, NextActionType.UseSdk, Cny, China, 1, MaxAmount, PayerDetails.None),
            new PaymentMethodCapability(WeChatPayMethods.PaymentCode, NextActionType.None, Cny, China, 1, MaxAmount, PayerDetails.PaymentCode)
            {
                PaymentCodePattern = WeChatPayClient.PaymentCodePattern(),
            },
        ],
        ChannelOperations.Query | ChannelOperations.Close | ChannelOperations.Cancel | ChannelOperations.Refund | ChannelOperations.PartialRefund
            | ChannelOperations.RefundQuery | ChannelOperations.RefundNotification | ChannelOperations.Statements | ChannelOperations.StatementDownload,
        [nameof(WeChatPayOptions.MchId), nameof(WeChatPayOptions.AppId), nameof(WeChatPayOptions.MerchantSerialNo), nameof(WeChatPayOptions.PlatformSerialNo)],
        [MerchantPrivateKeySecret, PlatformPublicKeySecret, ApiV3KeySecret, AppSecretSecret])
    {
        EvidenceHeaders = [.. WeChatPaySignatureHeaders.Names],
        HostSettings = [nameof(WeChatPayOptions.BaseUrl), nameof(WeChatPayOptions.OAuthPageBaseUrl), nameof(WeChatPayOptions.OAuthApiBaseUrl)],
        LocalNames = new Dictionary<string, string> { ["zh"] = "微信支付" },
        InAppBrowserMarkers = ["MicroMessenger"],
        InAppMethods = [WeChatPayMethods.Jsapi],
        InAppBridge = new InAppBridge("WeixinJSBridge", "invoke", "getBrandWCPayRequest", "WeixinJSBridgeReady"),
    };

    /// <inheritdoc />
    public IPaymentChannel Create(ChannelAccount account, HttpClient httpClient, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = new WeChatPayOptions
        {
            MchId = account.Setting(nameof(WeChatPayOptions.MchId)),
            AppId = account.Setting(nameof(WeChatPayOptions.AppId)),
            MiniProgramAppId = account.OptionalSetting(nameof(WeChatPayOptions.MiniProgramAppId)),
            MobileAppId = account.OptionalSetting(nameof(WeChatPayOptions.MobileAppId)),
            StoreId = account.OptionalSetting(nameof(WeChatPayOptions.StoreId)),
            SubMchId = account.OptionalSetting(nameof(WeChatPayOptions.SubMchId)),
            SubAppId = account.OptionalSetting(nameof(WeChatPayOptions.SubAppId)),
            MerchantSerialNo = account.Setting(nameof(WeChatPayOptions.MerchantSerialNo)),
            PlatformSerialNo = account.Setting(nameof(WeChatPayOptions.PlatformSerialNo)),
        };
        if (account.OptionalSetting(nameof(WeChatPayOptions.BaseUrl)) is { } baseUrl)
        {
            options.BaseUrl = new Uri(baseUrl, UriKind.Absolute);
        }

        if (account.OptionalSetting(nameof(WeChatPayOptions.OAuthPageBaseUrl)) is { } pageUrl)
        {
            options.OAuthPageBaseUrl = new Uri(pageUrl, UriKind.Absolute);
        }

        if (account.OptionalSetting(nameof(WeChatPayOptions.OAuthApiBaseUrl)) is { } apiUrl)
        {
            options.OAuthApiBaseUrl = new Uri(apiUrl, UriKind.Absolute);
        }

        var credentials = new WeChatPayCredentials(
            account.Secret(MerchantPrivateKeySecret), account.Secret(PlatformPublicKeySecret), account.Secret(ApiV3KeySecret), account.Secret(AppSecretSecret));
        return new WeChatPayClient(httpClient, options, credentials, timeProvider);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, CancellationToken cancellationToken) =>
        WeChatPayTradeBill.ReadAsync(statement, cancellationToken);
}

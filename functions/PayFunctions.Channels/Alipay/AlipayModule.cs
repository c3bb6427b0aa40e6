using System.Text.RegularExpressions;

namespace PayFunctions.Channels.Alipay;

/// <summary>
/// Alipay's open platform, classic gateway with RSA2: what it serves and how one app's adapter is built.
/// <para>
/// Settings: <c>AppId</c>; optional <c>BaseUrl</c> (the gateway URL, or a host whose <c>/gateway.do</c> it is; production by default)
/// and <c>BillDownloadBaseUrl</c> (the host bills are downloaded from besides the gateway's; production's by default). Certificate mode, chosen
/// by giving the Alipay public-key certificate as the <c>alipay-public-key</c> secret, also needs the app
/// certificate SN and the root certificate SN: either <c>AppCertSn</c> / <c>AlipayRootCertSn</c>, or the (public)
/// certificates themselves as PEM in <c>AppCertificate</c> / <c>AlipayRootCertificate</c>, from which they are computed.
/// </para>
/// </summary>
public sealed partial class AlipayModule : IChannelModule, IChannelStatementFormat
{
    /// <summary>The app private key (应用私钥) that signs requests.</summary>
    public const string AppPrivateKeySecret = "app-private-key";

    /// <summary>The Alipay public key (支付宝公钥), or in certificate mode the Alipay public-key certificate.</summary>
    public const string AlipayPublicKeySecret = "alipay-public-key";

    private const string AppIdSetting = "AppId";
    private const string BaseUrlSetting = "BaseUrl";
    private const string BillDownloadBaseUrlSetting = "BillDownloadBaseUrl";
    private const string GatewayPath = "/gateway.do";
    private const string AppCertSnSetting = "AppCertSn";
    private const string AlipayRootCertSnSetting = "AlipayRootCertSn";
    private const string AppCertificateSetting = "AppCertificate";
    private const string AlipayRootCertificateSetting = "AlipayRootCertificate";

    // 0.01 to 100,000,000.00 yuan, the range Alipay documents for total_amount.
    private const long MinAmount = 1;
    private const long MaxAmount = 100_000_000_00;

    private static readonly string[] Cny = ["CNY"];
    private static readonly string[] China = ["CN"];

    /// <inheritdoc />
    public ChannelCapabilities Capabilities { get; } = new(
        AlipayClient.ChannelName,
        "Alipay",
        "Alipay",
        [
            new PaymentMethodCapability(AlipayClient.QrMethod, NextActionType.DisplayQrCode, Cny, China, MinAmount, MaxAmount, PayerDetails.None),
            new PaymentMethodCapability(AlipayClient.PageMethod, NextActionType.RedirectToUrl, Cny, China, MinAmount, MaxAmount, PayerDetails.ReturnUrl),
            new PaymentMethodCapability(AlipayClient.WapMethod, NextActionType.RedirectToUrl, Cny, China, MinAmount, MaxAmount, PayerDetails.ReturnUrl),
            new PaymentMethodCapability(AlipayClient.BarcodeMethod, NextActionType.None, Cny, China, MinAmount, MaxAmount, PayerDetails.PaymentCode)
            {
                PaymentCodePattern = PaymentCode(),
            },
        ],
        ChannelOperations.Query | ChannelOperations.Close | ChannelOperations.Cancel
            | ChannelOperations.Refund | ChannelOperations.PartialRefund | ChannelOperations.RefundQuery | ChannelOperations.Statements | ChannelOperations.StatementDownload,
        [AppIdSetting],
        [AppPrivateKeySecret, AlipayPublicKeySecret])
    {
        LocalNames = new Dictionary<string, string> { ["zh"] = "支付宝" },
        InAppBrowserMarkers = ["AlipayClient"],
        InAppMethods = [AlipayClient.WapMethod],
    };

    /// <inheritdoc />
    public IPaymentChannel Create(ChannelAccount account, HttpClient httpClient, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(account);
        var credentials = new AlipayCredentials(account.Secret(AppPrivateKeySecret), account.Secret(AlipayPublicKeySecret));
        var options = new AlipayOptions { AppId = account.Setting(AppIdSetting) };
        if (account.OptionalSetting(BaseUrlSetting) is { } baseUrl)
        {
            // A bare host (as every channel's BaseUrl is given) means that host's classic gateway path.
            var url = new Uri(baseUrl, UriKind.Absolute);
            options.BaseUrl = url.AbsolutePath == "/" ? new Uri(url, GatewayPath) : url;
        }

        if (account.OptionalSetting(BillDownloadBaseUrlSetting) is { } billHost)
        {
            options.BillDownloadOrigin = new Uri(billHost, UriKind.Absolute);
        }

        if (credentials.IsCertificateMode)
        {
            options.AppCertSn = account.OptionalSetting(AppCertSnSetting)
                ?? (account.OptionalSetting(AppCertificateSetting) is { } appCertificate ? AlipayCertificates.CertificateSn(appCertificate) : null);
            options.AlipayRootCertSn = account.OptionalSetting(AlipayRootCertSnSetting)
                ?? (account.OptionalSetting(AlipayRootCertificateSetting) is { } root ? AlipayCertificates.RootCertificateSn(root) : null);
        }

        return new AlipayClient(httpClient, options, credentials, timeProvider);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, CancellationToken cancellationToken) =>
        AlipayTradeBill.ReadAsync(statement, cancellationToken);

    // Alipay payment codes: 16 to 24 digits starting 25 to 30.
    [GeneratedRegex(@"^(2[5-9]|30)\d{14,22}$", RegexOptions.CultureInvariant)]
    private static partial Regex PaymentCode();
}

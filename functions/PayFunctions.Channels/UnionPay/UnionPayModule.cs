using System.Text.RegularExpressions;

namespace PayFunctions.Channels.UnionPay;

/// <summary>UnionPay online payments (全渠道 ACP 5.1.0) for a directly connected merchant: what it serves and how one account's adapter is built.</summary>
public sealed partial class UnionPayModule : IChannelModule, IChannelStatementFormat
{
    /// <summary>The private key (PEM, PKCS#8 or PKCS#1) of the merchant signing certificate, exported from the .pfx UnionPay issued.</summary>
    public const string SigningPrivateKeySecret = "signing-private-key";

    /// <summary>UnionPay's root certificate (PEM) that its signing certificates chain to.</summary>
    public const string RootCertSecret = "root-cert";

    /// <summary>UnionPay's middle certificate (PEM) between the root and its signing certificates.</summary>
    public const string MiddleCertSecret = "middle-cert";

    private static readonly string[] Cny = ["CNY"];
    private static readonly string[] China = ["CN"];

    /// <inheritdoc />
    public ChannelCapabilities Capabilities { get; } = new(
        UnionPayClient.ChannelName,
        "UnionPay",
        "UnionPay",
        [
            new PaymentMethodCapability(UnionPayClient.QrMethod, NextActionType.DisplayQrCode, Cny, China, 1, 99_999_999_99, PayerDetails.None),
            new PaymentMethodCapability(UnionPayClient.GatewayMethod, NextActionType.RedirectToUrl, Cny, China, 1, 99_999_999_99, PayerDetails.ReturnUrl)
            {
                ReturnsPayerByPost = true,
            },
            new PaymentMethodCapability(UnionPayClient.BarcodeMethod, NextActionType.None, Cny, China, 1, 99_999_999_99, PayerDetails.PaymentCode)
            {
                PaymentCodePattern = PaymentCode(),
            },
        ],
        ChannelOperations.Query | ChannelOperations.Cancel | ChannelOperations.Refund | ChannelOperations.PartialRefund
            | ChannelOperations.RefundQuery | ChannelOperations.RefundNotification | ChannelOperations.Statements | ChannelOperations.StatementDownload,
        [nameof(UnionPayOptions.MerId), nameof(UnionPayOptions.SignCertId)],
        [SigningPrivateKeySecret, RootCertSecret, MiddleCertSecret])
    {
        // The Cloud QuickPass app's browser; UnionPay's in-app payment is its QR order.
        LocalNames = new Dictionary<string, string> { ["zh"] = "银联云闪付" },
        HostSettings = [nameof(UnionPayOptions.BaseUrl), nameof(UnionPayOptions.FileTransferUrl)],
        InAppBrowserMarkers = ["UnionPay", "CloudPay"],
        InAppMethods = [UnionPayClient.QrMethod],
    };

    /// <inheritdoc />
    public IPaymentChannel Create(ChannelAccount account, HttpClient httpClient, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = new UnionPayOptions
        {
            MerId = account.Setting(nameof(UnionPayOptions.MerId)),
            SignCertId = account.Setting(nameof(UnionPayOptions.SignCertId)),
            AcceptTestSigningCertificate = bool.TryParse(account.OptionalSetting(nameof(UnionPayOptions.AcceptTestSigningCertificate)), out var test) && test,
        };
        if (account.OptionalSetting(nameof(UnionPayOptions.BaseUrl)) is { } baseUrl)
        {
            options.BaseUrl = new Uri(baseUrl, UriKind.Absolute);
        }

        if (account.OptionalSetting(nameof(UnionPayOptions.FileTransferUrl)) is { } fileTransferUrl)
        {
            options.FileTransferUrl = new Uri(fileTransferUrl, UriKind.Absolute);
        }

        options.BackUrl = account.OptionalSetting(nameof(UnionPayOptions.BackUrl)) is { } backUrl
            ? new Uri(backUrl, UriKind.Absolute)
            : account.NotifyUrl;

        return new UnionPayClient(
            httpClient, options, account.Secret(SigningPrivateKeySecret), account.Secret(RootCertSecret), account.Secret(MiddleCertSecret), timeProvider);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, CancellationToken cancellationToken) =>
        UnionPayReconciliationFile.ReadAsync(statement, cancellationToken);

    /// <summary>UnionPay payment codes (付款码): 19 digits starting 62.</summary>
    [GeneratedRegex(@"^62\d{17}$", RegexOptions.CultureInvariant)]
    private static partial Regex PaymentCode();
}

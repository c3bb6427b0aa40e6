namespace PayFunctions.Channels.AlipayPlus;

/// <summary>
/// Southeast Asian and Korean wallets through Alipay+ (one protocol, many wallets), reached with Antom's merchant API:
/// what it serves and how one client's adapter is built.
/// <para>
/// Settings: <c>ClientId</c>, <c>KeyVersion</c>; optional <c>SettlementCurrency</c> and <c>BaseUrl</c> (Antom's Asia host by
/// default). Secrets: <c>merchant-private-key</c>, <c>alipay-plus-public-key</c>.
/// </para>
/// </summary>
public sealed partial class AlipayPlusModule : IChannelModule, IChannelStatementFormat
{
    /// <summary>The merchant's RSA private key whose public half is registered with Antom.</summary>
    public const string MerchantPrivateKeySecret = "merchant-private-key";

    /// <summary>The Alipay+ public key that signs answers and notifications.</summary>
    public const string AlipayPlusPublicKeySecret = "alipay-plus-public-key";

    /// <inheritdoc />
    public ChannelCapabilities Capabilities { get; } = new(
        AlipayPlusClient.ChannelName,
        "Alipay+",
        "AlipayPlus",
        [.. AlipayPlusWallet.All.Select(wallet => new PaymentMethodCapability(
            wallet.Method, wallet.NextAction, [wallet.Currency], [wallet.Country], wallet.MinAmount, wallet.MaxAmount, PayerDetails.ReturnUrl))],
        ChannelOperations.Query | ChannelOperations.Close | ChannelOperations.Refund | ChannelOperations.PartialRefund
            | ChannelOperations.RefundQuery | ChannelOperations.RefundNotification | ChannelOperations.Statements,
        [nameof(AlipayPlusOptions.ClientId), nameof(AlipayPlusOptions.KeyVersion)],
        [MerchantPrivateKeySecret, AlipayPlusPublicKeySecret])
    {
        EvidenceHeaders = [AlipayPlusSignature.ClientIdHeader, AlipayPlusSignature.RequestTimeHeader, AlipayPlusSignature.SignatureHeader],
    };

    /// <inheritdoc />
    public IPaymentChannel Create(ChannelAccount account, HttpClient httpClient, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = new AlipayPlusOptions
        {
            ClientId = account.Setting(nameof(AlipayPlusOptions.ClientId)),
            KeyVersion = account.Setting(nameof(AlipayPlusOptions.KeyVersion)),
            SettlementCurrency = account.OptionalSetting(nameof(AlipayPlusOptions.SettlementCurrency)),
            NotifyUrl = account.NotifyUrl,
        };
        if (account.OptionalSetting(nameof(AlipayPlusOptions.BaseUrl)) is { } baseUrl)
        {
            options.BaseUrl = new Uri(baseUrl, UriKind.Absolute);
        }

        return new AlipayPlusClient(httpClient, options, account.Secret(MerchantPrivateKeySecret), account.Secret(AlipayPlusPublicKeySecret), timeProvider);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, CancellationToken cancellationToken) =>
        AlipayPlusSettlementItems.ReadAsync(statement, cancellationToken);
}

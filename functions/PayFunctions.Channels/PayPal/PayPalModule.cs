namespace PayFunctions.Channels.PayPal;

/// <summary>
/// PayPal Checkout (Orders v2 REST API) for one REST app per account: what it serves and how an account's adapter is
/// built. Settings: <c>ClientId</c>, <c>WebhookId</c> (of the listener subscribed for the app); optional <c>BaseUrl</c>
/// (PayPal's live REST host by default). Secret: <c>client-secret</c>. Tokens and webhook certificates are cached here,
/// for the life of the process, because the platform rebuilds adapters every few minutes.
/// </summary>
public sealed class PayPalModule : IChannelModule, IChannelStatementFormat
{
    /// <summary>The REST app's client secret, the password half of the OAuth client credentials.</summary>
    public const string ClientSecretSecret = "client-secret";

    private const string BaseUrlSetting = "BaseUrl";

    // PayPal's payment currencies the platform supports. PayPal takes CNY and MYR for in-country accounts only (a PayPal
    // account of a Chinese or Malaysian business): an account elsewhere has those refused by PayPal.
    private static readonly string[] Currencies =
        ["CNY", "USD", "EUR", "GBP", "AUD", "CAD", "CHF", "HKD", "SGD", "JPY", "THB", "PHP", "TWD", "NZD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "ILS", "MXN", "MYR"];

    // The payer's PayPal account may be from almost anywhere; these are the markets the currencies above are for.
    private static readonly string[] Countries =
        ["US", "GB", "DE", "FR", "IT", "ES", "NL", "IE", "AT", "BE", "AU", "CA", "CH", "HK", "SG", "JP", "TH", "PH", "TW", "NZ", "SE", "NO", "DK", "PL", "CZ", "HU", "IL", "MX"];

    private readonly PayPalAccessTokens _tokens = new();
    private readonly PayPalWebhookCertificates _certificates = new();

    /// <inheritdoc />
    public ChannelCapabilities Capabilities { get; } = new(
        PayPalClient.ChannelName,
        "PayPal",
        "PayPal",
        [
            new PaymentMethodCapability(PayPalClient.CheckoutMethod, NextActionType.RedirectToUrl, Currencies, Countries, 1, 99_999_999_99, PayerDetails.ReturnUrl),
        ],
        ChannelOperations.Query | ChannelOperations.Capture | ChannelOperations.Refund | ChannelOperations.PartialRefund
            | ChannelOperations.RefundQuery | ChannelOperations.RefundNotification | ChannelOperations.Statements,
        [nameof(PayPalOptions.ClientId), nameof(PayPalOptions.WebhookId)],
        [ClientSecretSecret])
    {
        EvidenceHeaders = PayPalWebhookHeaders.Names,

        // PayPal publishes no figure for how long an approved order of intent CAPTURE stays capturable (its 29 days and
        // three-day honour period are for intent AUTHORIZE): three hours is a deliberately short choice.
        AuthorizationValidity = TimeSpan.FromHours(3),
    };

    /// <inheritdoc />
    public IPaymentChannel Create(ChannelAccount account, HttpClient httpClient, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = new PayPalOptions
        {
            ClientId = account.Setting(nameof(PayPalOptions.ClientId)),
            WebhookId = account.Setting(nameof(PayPalOptions.WebhookId)),
        };
        if (account.OptionalSetting(BaseUrlSetting) is { } baseUrl)
        {
            options.BaseUrl = new Uri(baseUrl, UriKind.Absolute);
        }

        return new PayPalClient(httpClient, options, account.Secret(ClientSecretSecret), _tokens, _certificates, timeProvider);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, CancellationToken cancellationToken) =>
        PayPalSettlementReport.ReadAsync(statement, cancellationToken);
}

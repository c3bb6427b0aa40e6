namespace PayFunctions.Channels.Stripe;

/// <summary>
/// Card payments (Visa, Mastercard) through Stripe Checkout: what the channel serves, how one account's adapter is built,
/// and how its balance report is read.
/// </summary>
public sealed class StripeModule : IChannelModule, IChannelStatementFormat
{
    /// <summary>The account's secret API key (<c>sk_live_…</c> or <c>sk_test_…</c>), sent as the bearer token.</summary>
    public const string SecretKeySecret = "secret-key";

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>) that <c>Stripe-Signature</c> is computed with.</summary>
    public const string WebhookSecretSecret = "webhook-secret";

    /// <summary>Stripe's largest amount: eight digits in the smallest unit.</summary>
    private const long MaxAmount = 99_999_999;

    /// <summary>Stripe's smallest card charge is about 0.50 USD; 50 minor units is that in USD, EUR, GBP and JPY.</summary>
    private const long MinAmount = 50;

    // Stripe's two- and zero-decimal currencies among the platform's; three-decimal ones are left out because Stripe takes
    // only multiples of ten there, and IDR, TWD, VND because Stripe rounds or treats them specially.
    private static readonly string[] Currencies = ["USD", "EUR", "GBP", "HKD", "SGD", "AUD", "CAD", "CHF", "CNY", "MYR", "THB", "PHP", "JPY", "KRW"];

    // Cards are issued everywhere; these are the payer countries the platform serves.
    private static readonly string[] Countries =
    [
        "US", "CA", "GB", "IE", "FR", "DE", "NL", "BE", "LU", "AT", "CH", "IT", "ES", "PT", "DK", "SE", "NO", "FI", "PL", "CZ",
        "AU", "NZ", "JP", "KR", "SG", "HK", "MO", "TW", "CN", "MY", "TH", "PH", "ID", "IN", "AE", "SA", "IL", "BR", "MX",
    ];

    /// <inheritdoc />
    public ChannelCapabilities Capabilities { get; } = new(
        StripeCardChannel.ChannelName,
        "Stripe",
        "Stripe",
        [
            new PaymentMethodCapability(StripeCardChannel.CardMethod, NextActionType.RedirectToUrl, Currencies, Countries, MinAmount, MaxAmount, PayerDetails.ReturnUrl),
        ],
        ChannelOperations.Query | ChannelOperations.Close | ChannelOperations.Cancel | ChannelOperations.Refund | ChannelOperations.PartialRefund
            | ChannelOperations.RefundQuery | ChannelOperations.RefundNotification | ChannelOperations.Statements | ChannelOperations.Capture,
        [],
        [SecretKeySecret, WebhookSecretSecret])
    {
        EvidenceHeaders = [StripeWebhook.SignatureHeader],

        // Stripe holds an online card authorization for seven days, then releases it.
        AuthorizationValidity = TimeSpan.FromDays(7),
    };

    /// <inheritdoc />
    public IPaymentChannel Create(ChannelAccount account, HttpClient httpClient, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = new StripeOptions
        {
            AccountId = account.OptionalSetting(nameof(StripeOptions.AccountId)),
            SecretKey = account.Secret(SecretKeySecret),
            WebhookSecret = account.Secret(WebhookSecretSecret),
        };
        if (account.OptionalSetting(nameof(StripeOptions.BaseUrl)) is { } baseUrl)
        {
            options.BaseUrl = new Uri(baseUrl, UriKind.Absolute);
        }

        return new StripeCardChannel(httpClient, options, timeProvider);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, CancellationToken cancellationToken) =>
        StripeBalanceReport.ReadAsync(statement, cancellationToken);
}

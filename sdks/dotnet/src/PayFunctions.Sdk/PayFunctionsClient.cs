using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>The PayFunctions merchant API. One client per API key; it is safe to share between threads.</summary>
/// <example>
/// <code>
/// using var client = new PayFunctionsClient(new PayFunctionsClientOptions { ApiKey = "sk_test_…" });
/// var payment = await client.Payments.CreateAsync(new PaymentCreateOptions
/// {
///     Amount = 1234, Currency = "cny", Method = "wechat_pay.native", MerchantOrderId = "order-1",
/// });
/// </code>
/// </example>
public sealed class PayFunctionsClient : IDisposable
{
    private readonly ApiRequestor requestor;

    /// <summary>Creates a client for the local host's API with the given key.</summary>
    public PayFunctionsClient(string apiKey)
        : this(new PayFunctionsClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client.</summary>
    public PayFunctionsClient(PayFunctionsClientOptions options)
    {
        requestor = new ApiRequestor(options);
        Payments = new PaymentService(requestor);
        Refunds = new RefundService(requestor);
        Accounts = new AccountService(requestor);
        ApiKeys = new ApiKeyService(requestor);
        Stores = new StoreService(requestor);
        RoutingPolicy = new RoutingPolicyService(requestor);
        ChannelAccounts = new ChannelAccountService(requestor);
        Settlements = new SettlementService(requestor);
        Balance = new BalanceService(requestor);
        WebhookEndpoints = new WebhookEndpointService(requestor);
        Reports = new ReportService(requestor);
        RiskRules = new RiskRuleService(requestor);
    }

    /// <summary>The SDK's version, sent in the <c>User-Agent</c>.</summary>
    public static string Version => ApiRequestor.Version;

    /// <summary>Payments.</summary>
    public PaymentService Payments { get; }

    /// <summary>Refunds.</summary>
    public RefundService Refunds { get; }

    /// <summary>Connected accounts.</summary>
    public AccountService Accounts { get; }

    /// <summary>API keys.</summary>
    public ApiKeyService ApiKeys { get; }

    /// <summary>Stores and their QR codes.</summary>
    public StoreService Stores { get; }

    /// <summary>The routing policy.</summary>
    public RoutingPolicyService RoutingPolicy { get; }

    /// <summary>Channel accounts.</summary>
    public ChannelAccountService ChannelAccounts { get; }

    /// <summary>Settlements.</summary>
    public SettlementService Settlements { get; }

    /// <summary>The balance.</summary>
    public BalanceService Balance { get; }

    /// <summary>Webhook endpoints and deliveries.</summary>
    public WebhookEndpointService WebhookEndpoints { get; }

    /// <summary>Reports.</summary>
    public ReportService Reports { get; }

    /// <summary>Risk rules.</summary>
    public RiskRuleService RiskRules { get; }

    /// <summary>The transport, for tests that replace its sleeper, jitter and clock.</summary>
    internal ApiRequestor Requestor => requestor;

    /// <summary>Releases the HTTP client, unless the application supplied its own.</summary>
    public void Dispose() => requestor.Dispose();
}

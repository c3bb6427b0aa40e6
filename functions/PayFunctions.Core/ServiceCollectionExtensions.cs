using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Aml;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Fx;
using PayFunctions.Core.Http;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Notifications;
using PayFunctions.Core.Operators;
using PayFunctions.Core.Orchestration;
using PayFunctions.Core.Payments;
using PayFunctions.Core.RateLimiting;
using PayFunctions.Core.Reconciliation;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Reports;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Security;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Stores;
using PayFunctions.Core.Webhooks;

namespace PayFunctions.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything both hosts share: options, stores, channels, endpoints and activities.</summary>
    public static IServiceCollection AddPayFunctionsCore(this IServiceCollection services, ChannelWorkTransport transport)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .Validate(o => o.IsValid(), "Set exactly one of Storage:ConnectionString and Storage:AccountName.").ValidateOnStart();
        services.AddOptions<SecretsOptions>().BindConfiguration(SecretsOptions.SectionName)
            .Validate(o => o.IsValid(), "Set exactly one of Secrets:KeyVaultUri and Secrets:LocalDirectory.").ValidateOnStart();
        services.AddOptions<ChannelWorkOptions>().BindConfiguration(ChannelWorkOptions.SectionName)
            .Validate(o => o.IsValid(), "ChannelWork:ServiceBusNamespace is required with the ServiceBus transport; RateArrivalMargin must be 0–1 s.").ValidateOnStart();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName)
            .Validate(o => o.PublicBaseUrl is not null, "Api:PublicBaseUrl is required: channels call it back.").ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DurableOptions>().BindConfiguration(DurableOptions.SectionName)
            .Validate(o => o.IsValid(), "Durable:EndedRetention must be at least 2 days.").ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.SectionName)
            .Validate(o => o.IsValid(), "Payments:BarcodeConfirmWindow must be between 00:00:04 and 00:10:00.").ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => o.IsValid(), "RateLimits: each rule needs Limit 1–1000000 and Window 1 ms–1 day; MaxTrackedKeys 1000–10000000.").ValidateOnStart();
        services.AddOptions<FxOptions>().BindConfiguration(FxOptions.SectionName)
            .Validate(o => o.IsValid(), "Fx: MarginBasisPoints must be 0–1000, QuoteValidity 00:01:00–1.00:00:00 and MaxRateAge 1–31 days.").ValidateOnStart();
        services.AddOptions<ChannelResilienceOptions>().BindConfiguration(ChannelResilienceOptions.SectionName)
            .Validate(o => o.IsValid(), ChannelResilienceOptions.Rules).ValidateOnStart();
        services.AddOptions<SettlementOptions>().BindConfiguration(SettlementOptions.SectionName)
            .Validate(o => o.IsValid(), "Settlement:TimeZone must be a known time zone and Settlement:CutoffGrace between 0 and 00:29:00.").ValidateOnStart();
        services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.SectionName)
            .Validate(o => o.IsValid(), "Reconciliation:TimeZone must be a known time zone and Reconciliation:ShiftWindow more than 0 and at most 12:00:00.").ValidateOnStart();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName)
            .Validate(o => o.IsValid(), AuditOptions.Rules).ValidateOnStart();
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.SectionName)
            .Validate(o => o.IsValid(), "Reports:TimeZone must be a known time zone.").ValidateOnStart();
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.SectionName)
            .Validate(o => o.IsValid(), "Routing: FlushInterval must be 00:00:00.1–00:01:00 and InstanceId 1–128 printable characters.").ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        foreach (var channel in ChannelRegistry.ChannelNames)
        {
            services.AddHttpClient(ChannelRegistry.HttpClientName(channel), c => c.Timeout = TimeSpan.FromSeconds(10));
        }

        services.AddSingleton<WebhookConnector>();
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<WebhookConnector>().CreateHandler());

        services.AddSingleton<ISecretStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SecretsOptions>>().Value;
            ISecretStore inner = o.KeyVaultUri is { } vault
                ? new KeyVaultSecretStore(new SecretClient(vault, new DefaultAzureCredential()))
                : new LocalDirectorySecretStore(o.LocalDirectory!);
            return new CachingSecretStore(inner, sp.GetRequiredService<TimeProvider>());
        });

        services.TryAddSingleton<StorageRequestCounter>();
        services.AddSingleton(sp => new StorageClients(sp.GetRequiredService<IOptions<StorageOptions>>(), sp.GetRequiredService<StorageRequestCounter>()));
        services.AddSingleton<StorageInitializer>();
        services.AddSingleton<PaymentStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<SettlementStore>();
        services.AddSingleton<SettlementStateStore>();
        services.AddSingleton<SettlementDueIndex>();
        services.AddSingleton<SettlementDayStore>();
        services.AddSingleton<NotificationLog>();
        services.AddSingleton<SecretEnvelope>();
        services.AddSingleton<PayerSealing>();
        services.AddSingleton<ChannelPayerIntake>();
        services.AddSingleton<KeyRewrapJob>();
        services.AddSingleton<KeyRewrapEndpoints>();
        services.AddSingleton<RejectedNotificationLog>();
        services.AddSingleton<MerchantStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<SplitRecipientCheck>();
        // Channel accounts are not validated at start: a deployment without a channel configured still
        // serves the others, and asking for an unconfigured channel's method is answered as unavailable.
        services.AddSingleton<ChannelRegistry>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<PaymentIdGenerator>();
        services.AddSingleton<PaymentProgress>();
        services.AddSingleton<CompletedPayments>();
        services.AddSingleton<PaymentEndpoints>();
        services.AddSingleton<PaymentTimeline>();
        services.AddSingleton<PaymentTimelineEndpoint>();
        services.AddSingleton<WebhookDeliveries>();
        services.AddSingleton<WebhookEndpoints>();
        services.AddSingleton<NotifyEndpoints>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<UnmatchedCredits>();
        services.AddSingleton<ChannelInbox>();
        services.AddSingleton<SettlementEndpoints>();
        services.AddSingleton<MerchantEndpoints>();
        services.AddSingleton<BalanceEndpoint>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<PaymentReports>();
        services.AddSingleton<ReportEndpoints>();
        services.AddSingleton<IpRegions>();
        services.AddSingleton<IpRegionEndpoints>();
        services.AddSingleton<Domain.Risk.IRiskScorer, Risk.Model.LearnedRiskScorer>();

        services.AddSingleton<RiskWindowStore>();
        services.AddSingleton<RiskRuleStore>();
        services.AddSingleton<RiskRuleEndpoints>();
        services.AddSingleton<IRiskAssessor, RiskAssessor>();
        services.AddSingleton<AccountEndpoints>();
        services.AddSingleton<ApiKeyEndpoints>();
        services.AddSingleton<OperatorStore>();
        services.AddSingleton<OperatorEndpoints>();
        services.AddSingleton<TokenSigningKeys>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<TokenEndpoint>();
        services.AddSingleton<RequestSignature>();
        services.AddSingleton<ApiGate>();
        services.AddSingleton<IdempotentPost>();
        services.AddSingleton<ApiRateLimiter>();
        services.AddSingleton<SettlementScheduler>();
        services.AddSingleton<EndedOrchestrationPurge>();
        services.AddSingleton<ChannelWorkProcessor>();
        services.AddSingleton<RefundStore>();
        services.AddSingleton<RefundBalanceStore>();
        services.AddSingleton<RefundStarter>();
        services.AddSingleton<LatePaymentRefunds>();
        services.AddSingleton<StorageQueueChannelWorkQueue>();
        services.AddSingleton<ChannelAccountThrottle>();
        services.AddSingleton<PrepayActivity>();
        services.AddSingleton<PrepayWorker>();
        services.AddSingleton<CloseAtChannelActivity>();
        services.AddSingleton<QueryChannelActivity>();
        services.AddSingleton<CancelAtChannelActivity>();
        services.AddSingleton<CaptureAtChannelActivity>();
        services.AddSingleton<RefundAtChannelActivity>();
        services.AddSingleton<QueryRefundActivity>();
        services.AddSingleton<ChannelCallWorker>();
        services.AddSingleton<ChannelDeadLetters>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditQuery>();
        services.AddSingleton<AuditChainVerifier>();
        services.AddSingleton<AuditEndpoints>();
        services.AddSingleton<AuthenticationFailureAudit>();
        services.AddSingleton<RefundIds>();
        services.AddSingleton<RefundEndpoints>();
        services.AddSingleton<PaymentStarter>();
        services.AddSingleton<PaymentRouter>();
        services.AddSingleton<PrepayFailover>();
        services.AddSingleton<CheckoutLinks>();
        services.AddSingleton<CheckoutPicks>();
        services.AddSingleton<CheckoutEndpoints>();
        services.AddSingleton<StoreStore>();
        services.AddSingleton<StoreEndpoints>();
        services.AddSingleton<StoreCodeEndpoints>();
        services.AddSingleton<StoreAuthorizationState>();
        services.AddSingleton<StorePayerAuthorization>();
        services.AddSingleton<FxRatesStore>();
        services.AddSingleton<FxQuotes>();
        services.AddSingleton<FxRatesEndpoints>();
        services.AddSingleton<RoutingPolicyStore>();
        services.AddSingleton<RoutingEndpoints>();
        services.AddSingleton<RoutingUsageRows>();
        services.AddSingleton<RoutingUsage>();
        services.AddHostedService<RoutingUsageFlusher>();

        services.AddSingleton<RiskReviewStore>();
        services.AddSingleton<RiskHoldRelease>();
        services.AddSingleton<RiskReviewEndpoints>();

        services.AddSingleton<ReconciliationIndex>();
        services.AddSingleton<ReconciliationRunStore>();
        services.AddSingleton<ReconciliationDifferenceStore>();
        services.AddSingleton<ReconciliationScheduler>();
        services.AddSingleton<ReconciliationEndpoints>();
        services.AddAml();

        services.AddSanctionsScreening();

        services.AddSingleton<ChannelHealth>();
        services.AddSingleton<ChannelHealthStore>();
        services.AddSingleton<ChannelAccountPipelines>();
        services.AddSingleton<ChannelAccountCalls>();
        services.AddSingleton<ChannelHealthEndpoints>();
        services.AddHostedService<ChannelHealthSync>();

        if (transport == ChannelWorkTransport.ServiceBus)
        {
            services.AddSingleton(sp => new ServiceBusClient(
                sp.GetRequiredService<IOptions<ChannelWorkOptions>>().Value.ServiceBusNamespace, new DefaultAzureCredential()));
            services.AddSingleton<IChannelWorkQueue, ServiceBusChannelWorkQueue>();
            services.AddHostedService<ServiceBusChannelWorker>();
        }
        else
        {
            services.AddSingleton<IChannelWorkQueue>(sp => sp.GetRequiredService<StorageQueueChannelWorkQueue>());
        }

        foreach (var activity in PayFunctionsTasks.Activities)
        {
            services.AddTransient(activity);
        }

        return services;
    }
}

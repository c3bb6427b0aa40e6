using PayFunctions.Core.Security;

namespace PayFunctions.Core.Http;

/// <summary>
/// Every HTTP route, once. The Functions app declares one trigger per entry (checked against its
/// generated metadata) and LocalHost maps the same list, so the two hosts cannot drift apart.
/// Templates are relative to the <c>api/</c> prefix.
/// </summary>
public static class ApiRoutes
{
    public static readonly ApiRoute Health = new("Health", "GET", "health", RouteAccess.Public);
    public static readonly ApiRoute CreatePayment = new("CreatePayment", "POST", "v1/payments", RouteAccess.Merchant(ApiScopes.Payments));
    public static readonly ApiRoute ListPayments = new("ListPayments", "GET", "v1/payments", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute GetPayment = new("GetPayment", "GET", "v1/payments/{id}", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute ClosePayment = new("ClosePayment", "POST", "v1/payments/{id}/close", RouteAccess.Merchant(ApiScopes.Payments));
    public static readonly ApiRoute CapturePayment = new("CapturePayment", "POST", "v1/payments/{id}/capture", RouteAccess.Merchant(ApiScopes.Payments));
    public static readonly ApiRoute CreateRefund = new("CreateRefund", "POST", "v1/payments/{id}/refunds", RouteAccess.Merchant(ApiScopes.Refunds));
    public static readonly ApiRoute ListRefunds = new("ListRefunds", "GET", "v1/payments/{id}/refunds", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute GetRefund = new("GetRefund", "GET", "v1/refunds/{id}", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute ListSettlements = new("ListSettlements", "GET", "v1/settlements", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute GetBalance = new("GetBalance", "GET", "v1/balance", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute CreateAccount = new("CreateAccount", "POST", "v1/accounts", RouteAccess.Merchant(ApiScopes.Accounts));
    public static readonly ApiRoute ListAccounts = new("ListAccounts", "GET", "v1/accounts", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute GetAccount = new("GetAccount", "GET", "v1/accounts/{id}", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute DeactivateAccount = new("DeactivateAccount", "POST", "v1/accounts/{id}/deactivate", RouteAccess.Merchant(ApiScopes.Accounts));
    public static readonly ApiRoute CreateApiKey = new("CreateApiKey", "POST", "v1/api_keys", RouteAccess.Merchant(ApiScopes.ApiKeys));
    public static readonly ApiRoute ListApiKeys = new("ListApiKeys", "GET", "v1/api_keys", RouteAccess.Merchant(ApiScopes.ApiKeys));
    public static readonly ApiRoute RollApiKey = new("RollApiKey", "POST", "v1/api_keys/{id}/roll", RouteAccess.Merchant(ApiScopes.ApiKeys));
    public static readonly ApiRoute RevokeApiKey = new("RevokeApiKey", "POST", "v1/api_keys/{id}/revoke", RouteAccess.Merchant(ApiScopes.ApiKeys));
    public static readonly ApiRoute ChannelNotify = new("ChannelNotify", "POST", "notify/{channel}", RouteAccess.Public);
    public static readonly ApiRoute RunSettlement = new("RunSettlement", "POST", "ops/settlements", RouteAccess.Operator(ApiScopes.OpsSettlements));
    public static readonly ApiRoute CreateMerchant = new("CreateMerchant", "POST", "ops/merchants", RouteAccess.Operator(ApiScopes.OpsMerchants));
    public static readonly ApiRoute LoadFxRates = new("LoadFxRates", "POST", "ops/fx_rates", RouteAccess.Operator(ApiScopes.OpsFx));
    public static readonly ApiRoute GetFxRates = new("GetFxRates", "GET", "ops/fx_rates", RouteAccess.Operator(ApiScopes.OpsFx));
    public static readonly ApiRoute CheckoutPage = new("CheckoutPage", "GET", "checkout/{id}", RouteAccess.Public);
    public static readonly ApiRoute CheckoutStatus = new("CheckoutStatus", "GET", "checkout/{id}/status", RouteAccess.Public);
    public static readonly ApiRoute CheckoutChooseMethod = new("CheckoutChooseMethod", "POST", "checkout/{id}/method", RouteAccess.Public);
    public static readonly ApiRoute CheckoutRedirect = new("CheckoutRedirect", "GET", "checkout/{id}/redirect", RouteAccess.Public);
    public static readonly ApiRoute CheckoutReturn = new("CheckoutReturn", "POST", "checkout/{id}", RouteAccess.Public);
    public static readonly ApiRoute CreateStore = new("CreateStore", "POST", "v1/stores", RouteAccess.Merchant(ApiScopes.Payments));
    public static readonly ApiRoute ListStores = new("ListStores", "GET", "v1/stores", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute GetStore = new("GetStore", "GET", "v1/stores/{id}", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute GetStoreQrPng = new("GetStoreQrPng", "GET", "v1/stores/{id}/qr.png", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute GetStoreQrSvg = new("GetStoreQrSvg", "GET", "v1/stores/{id}/qr.svg", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute StoreCodePage = new("StoreCodePage", "GET", "s/{code}", RouteAccess.Public);
    public static readonly ApiRoute StoreCodePay = new("StoreCodePay", "POST", "s/{code}", RouteAccess.Public);
    public static readonly ApiRoute StoreCodeAuthorized = new("StoreCodeAuthorized", "GET", "s/{storeCode}/authorized", RouteAccess.Public);
    public static readonly ApiRoute GetChannelHealth = new("GetChannelHealth", "GET", "v1/channels/health", RouteAccess.Operator(ApiScopes.OpsChannels));
    public static readonly ApiRoute StatusPage = new("StatusPage", "GET", "status", RouteAccess.Public);
    public static readonly ApiRoute GetRoutingPolicy = new("GetRoutingPolicy", "GET", "v1/routing", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute SetRoutingPolicy = new("SetRoutingPolicy", "POST", "v1/routing", RouteAccess.Merchant(ApiScopes.Payments));
    public static readonly ApiRoute ListChannelAccounts = new("ListChannelAccounts", "GET", "v1/channel_accounts", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute ListChannelDeadLetters = new("ListChannelDeadLetters", "GET", "ops/channel_work/dead_letters", RouteAccess.Operator(ApiScopes.OpsChannels));
    public static readonly ApiRoute CreateOperator = new("CreateOperator", "POST", "ops/operators", RouteAccess.Operator(ApiScopes.OpsOperators));
    public static readonly ApiRoute ListOperators = new("ListOperators", "GET", "ops/operators", RouteAccess.Operator(ApiScopes.OpsOperators));
    public static readonly ApiRoute DisableOperator = new("DisableOperator", "POST", "ops/operators/{id}/disable", RouteAccess.Operator(ApiScopes.OpsOperators));
    public static readonly ApiRoute IssueToken = new("IssueToken", "POST", "oauth/token", RouteAccess.Public);
    public static readonly ApiRoute GetTokenKeys = new("GetTokenKeys", "GET", "oauth/jwks", RouteAccess.Public);
    public static readonly ApiRoute RunKeyRewrap = new("RunKeyRewrap", "POST", "ops/key_rewraps", RouteAccess.Operator(ApiScopes.OpsKeys));
    public static readonly ApiRoute ListAuditEvents = new("ListAuditEvents", "GET", "ops/audit_events", RouteAccess.Operator(ApiScopes.OpsAudit));
    public static readonly ApiRoute GetPaymentTimeline = new("GetPaymentTimeline", "GET", "v1/payments/{id}/timeline", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute ListWebhookEndpoints = new("ListWebhookEndpoints", "GET", "v1/webhook_endpoints", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute SendTestWebhook = new("SendTestWebhook", "POST", "v1/webhook_endpoints/test", RouteAccess.Merchant(ApiScopes.Payments));
    public static readonly ApiRoute ListWebhookDeliveries = new("ListWebhookDeliveries", "GET", "v1/webhook_endpoints/deliveries", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute MerchantConsole = new("MerchantConsole", "GET", "console", RouteAccess.Public);
    public static readonly ApiRoute OperatorConsole = new("OperatorConsole", "GET", "console/ops", RouteAccess.Public);
    public static readonly ApiRoute ConsoleAsset = new("ConsoleAsset", "GET", "console/assets/{name}", RouteAccess.Public);
    public static readonly ApiRoute RunReconciliation = new("RunReconciliation", "POST", "ops/reconciliation/runs", RouteAccess.Operator(ApiScopes.OpsReconciliation));
    public static readonly ApiRoute GetReconciliationRun = new("GetReconciliationRun", "GET", "ops/reconciliation/runs/{id}", RouteAccess.Operator(ApiScopes.OpsReconciliation));
    public static readonly ApiRoute GetReconciliationReport = new("GetReconciliationReport", "GET", "ops/reconciliation/runs/{id}/report", RouteAccess.Operator(ApiScopes.OpsReconciliation));
    public static readonly ApiRoute ListReconciliationExceptions = new("ListReconciliationExceptions", "GET", "ops/reconciliation/exceptions", RouteAccess.Operator(ApiScopes.OpsReconciliation));
    public static readonly ApiRoute ResolveReconciliationException = new("ResolveReconciliationException", "POST", "ops/reconciliation/exceptions/{id}/resolve", RouteAccess.Operator(ApiScopes.OpsReconciliation));
    public static readonly ApiRoute VerifyAuditChain = new("VerifyAuditChain", "GET", "ops/audit_events/verify", RouteAccess.Operator(ApiScopes.OpsAudit));
    public static readonly ApiRoute GetPaymentReport = new("GetPaymentReport", "GET", "v1/reports/payments", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute GetPlatformPaymentReport = new("GetPlatformPaymentReport", "GET", "ops/reports/payments", RouteAccess.Operator(ApiScopes.OpsReports));
    public static readonly ApiRoute ReplaceIpRegions = new("ReplaceIpRegions", "POST", "ops/ip_regions", RouteAccess.Operator(ApiScopes.OpsReports));
    public static readonly ApiRoute ListRiskReviews = new("ListRiskReviews", "GET", "ops/risk/reviews", RouteAccess.Operator(ApiScopes.OpsRisk));
    public static readonly ApiRoute ReleaseRiskReview = new("ReleaseRiskReview", "POST", "ops/risk/reviews/{id}/release", RouteAccess.Operator(ApiScopes.OpsRisk));
    public static readonly ApiRoute ReplaceSanctionsList = new("ReplaceSanctionsList", "PUT", "ops/sanctions_lists/{source}", RouteAccess.Operator(ApiScopes.OpsAml));
    public static readonly ApiRoute ListSanctionsLists = new("ListSanctionsLists", "GET", "ops/sanctions_lists", RouteAccess.Operator(ApiScopes.OpsAml));
    public static readonly ApiRoute ListScreeningHits = new("ListScreeningHits", "GET", "ops/screening/hits", RouteAccess.Operator(ApiScopes.OpsAml));
    public static readonly ApiRoute GetScreeningHit = new("GetScreeningHit", "GET", "ops/screening/hits/{id}", RouteAccess.Operator(ApiScopes.OpsAml));
    public static readonly ApiRoute ReviewScreeningHit = new("ReviewScreeningHit", "POST", "ops/screening/hits/{id}/review", RouteAccess.Operator(ApiScopes.OpsAml));
    public static readonly ApiRoute RunAmlReport = new("RunAmlReport", "POST", "ops/aml/reports/runs", RouteAccess.Operator(ApiScopes.OpsAml));
    public static readonly ApiRoute GetAmlReport = new("GetAmlReport", "GET", "ops/aml/reports/{day}", RouteAccess.Operator(ApiScopes.OpsAml));
    public static readonly ApiRoute ListAmlCases = new("ListAmlCases", "GET", "ops/aml/cases", RouteAccess.Operator(ApiScopes.OpsAml));
    public static readonly ApiRoute OpenAmlCase = new("OpenAmlCase", "POST", "ops/aml/cases", RouteAccess.Operator(ApiScopes.OpsAml));
    public static readonly ApiRoute GetAmlCase = new("GetAmlCase", "GET", "ops/aml/cases/{id}", RouteAccess.Operator(ApiScopes.OpsAml));
    public static readonly ApiRoute AddAmlCaseNote = new("AddAmlCaseNote", "POST", "ops/aml/cases/{id}/notes", RouteAccess.Operator(ApiScopes.OpsAml));
    public static readonly ApiRoute EscalateAmlCase = new("EscalateAmlCase", "POST", "ops/aml/cases/{id}/escalate", RouteAccess.Operator(ApiScopes.OpsAml));
    public static readonly ApiRoute CloseAmlCase = new("CloseAmlCase", "POST", "ops/aml/cases/{id}/close", RouteAccess.Operator(ApiScopes.OpsAml));
    public static readonly ApiRoute ListRiskRules = new("ListRiskRules", "GET", "v1/risk/rules", RouteAccess.Merchant(ApiScopes.Read));
    public static readonly ApiRoute CreateRiskRule = new("CreateRiskRule", "POST", "v1/risk/rules", RouteAccess.Merchant(ApiScopes.Payments));
    public static readonly ApiRoute UpdateRiskRule = new("UpdateRiskRule", "POST", "v1/risk/rules/{id}", RouteAccess.Merchant(ApiScopes.Payments));
    public static readonly ApiRoute DeleteRiskRule = new("DeleteRiskRule", "DELETE", "v1/risk/rules/{id}", RouteAccess.Merchant(ApiScopes.Payments));
    public static readonly ApiRoute ListPlatformRiskRules = new("ListPlatformRiskRules", "GET", "ops/risk/rules", RouteAccess.Operator(ApiScopes.OpsRisk));
    public static readonly ApiRoute CreatePlatformRiskRule = new("CreatePlatformRiskRule", "POST", "ops/risk/rules", RouteAccess.Operator(ApiScopes.OpsRisk));
    public static readonly ApiRoute UpdatePlatformRiskRule = new("UpdatePlatformRiskRule", "POST", "ops/risk/rules/{id}", RouteAccess.Operator(ApiScopes.OpsRisk));
    public static readonly ApiRoute DeletePlatformRiskRule = new("DeletePlatformRiskRule", "DELETE", "ops/risk/rules/{id}", RouteAccess.Operator(ApiScopes.OpsRisk));
    public static readonly ApiRoute GetOpenApiDocument = new("GetOpenApiDocument", "GET", "openapi.json", RouteAccess.Public);
    public static readonly ApiRoute GetOperatorOpenApiDocument = new("GetOperatorOpenApiDocument", "GET", "openapi/ops.json", RouteAccess.Public);
    public static readonly ApiRoute ApiReference = new("ApiReference", "GET", "docs", RouteAccess.Public);
    public static readonly ApiRoute OperatorApiReference = new("OperatorApiReference", "GET", "docs/ops", RouteAccess.Public);
    public static readonly ApiRoute ApiReferenceAsset = new("ApiReferenceAsset", "GET", "docs/assets/{name}", RouteAccess.Public);

    public static IReadOnlyList<ApiRoute> All { get; } =
        [
            Health, CreatePayment, ListPayments, GetPayment, ClosePayment, CapturePayment, ListSettlements, GetBalance, ChannelNotify, RunSettlement, CreateMerchant,
            CreateAccount, ListAccounts, GetAccount, DeactivateAccount, CreateApiKey, ListApiKeys, RollApiKey, RevokeApiKey,
            CreateRefund, ListRefunds, GetRefund,
            CheckoutPage, CheckoutStatus, CheckoutChooseMethod, CheckoutRedirect, CheckoutReturn, CreateStore, ListStores, GetStore, GetStoreQrPng, GetStoreQrSvg, StoreCodePage, StoreCodePay,
            StoreCodeAuthorized, LoadFxRates, GetFxRates,
            GetChannelHealth, StatusPage,
            GetRoutingPolicy, SetRoutingPolicy, ListChannelAccounts,
            ListChannelDeadLetters,
            CreateOperator, ListOperators, DisableOperator, IssueToken, GetTokenKeys, RunKeyRewrap,
            ListAuditEvents, VerifyAuditChain,
            GetPaymentTimeline, ListWebhookEndpoints, SendTestWebhook, ListWebhookDeliveries, MerchantConsole, OperatorConsole, ConsoleAsset,
            RunReconciliation, GetReconciliationRun, GetReconciliationReport, ListReconciliationExceptions, ResolveReconciliationException,
            GetPaymentReport, GetPlatformPaymentReport, ReplaceIpRegions,
            ListRiskReviews, ReleaseRiskReview,
            ReplaceSanctionsList, ListSanctionsLists, ListScreeningHits, GetScreeningHit, ReviewScreeningHit,
            RunAmlReport, GetAmlReport, ListAmlCases, OpenAmlCase, GetAmlCase, AddAmlCaseNote, EscalateAmlCase, CloseAmlCase,
            ListRiskRules, CreateRiskRule, UpdateRiskRule, DeleteRiskRule, ListPlatformRiskRules, CreatePlatformRiskRule, UpdatePlatformRiskRule, DeletePlatformRiskRule,
            GetOpenApiDocument, GetOperatorOpenApiDocument, ApiReference, OperatorApiReference, ApiReferenceAsset,
        ];
}

public sealed record ApiRoute(string Name, string Method, string Template, RouteAccess Access);

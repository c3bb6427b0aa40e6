using Microsoft.DurableTask.Client;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Aml;
using PayFunctions.Core.ApiReference;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Consoles;
using PayFunctions.Core.Fx;
using PayFunctions.Core.Http;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Notifications;
using PayFunctions.Core.OpenApi;
using PayFunctions.Core.Operators;
using PayFunctions.Core.Payments;
using PayFunctions.Core.RateLimiting;
using PayFunctions.Core.Reconciliation;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Reports;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Security;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Stores;
using PayFunctions.Core.Webhooks;

namespace PayFunctions.LocalHost;

/// <summary>Maps <see cref="ApiRoutes"/> onto the Core handlers, exactly as the Functions triggers do.</summary>
public static class ApiRouteMap
{
    public static void MapPayFunctionsApi(this IEndpointRouteBuilder app)
    {
        Map(app, ApiRoutes.Health, () => HealthEndpoint.Get());
        Map(app, ApiRoutes.CreatePayment, (HttpRequest r, DurableTaskClient d, PaymentEndpoints e, CancellationToken c) => e.CreateAsync(r, d, c));
        Map(app, ApiRoutes.ListPayments, (HttpRequest r, PaymentEndpoints e, CancellationToken c) => e.ListAsync(r, c));
        Map(app, ApiRoutes.GetPayment, (HttpRequest r, string id, PaymentEndpoints e, CancellationToken c) => e.GetAsync(r, id, c));
        Map(app, ApiRoutes.ClosePayment, (HttpRequest r, string id, DurableTaskClient d, PaymentEndpoints e, CancellationToken c) => e.CloseAsync(r, id, d, c));
        Map(app, ApiRoutes.CapturePayment, (HttpRequest r, string id, DurableTaskClient d, PaymentEndpoints e, CancellationToken c) => e.CaptureAsync(r, id, d, c));
        Map(app, ApiRoutes.ListSettlements, (HttpRequest r, SettlementEndpoints e, CancellationToken c) => e.ListAsync(r, c));
        Map(app, ApiRoutes.GetBalance, (HttpRequest r, BalanceEndpoint e, CancellationToken c) => e.GetAsync(r, c));
        Map(app, ApiRoutes.ChannelNotify, (HttpRequest r, string channel, DurableTaskClient d, NotifyEndpoints e, CancellationToken c) => e.HandleAsync(r, channel, d, c));
        Map(app, ApiRoutes.CreateMerchant, (HttpRequest r, MerchantEndpoints e, CancellationToken c) => e.CreateAsync(r, c));
        Map(app, ApiRoutes.LoadFxRates, (HttpRequest r, FxRatesEndpoints e, CancellationToken c) => e.LoadAsync(r, c));
        Map(app, ApiRoutes.GetFxRates, (HttpRequest r, FxRatesEndpoints e, CancellationToken c) => e.GetAsync(r, c));
        Map(app, ApiRoutes.GetPaymentReport, (HttpRequest r, ReportEndpoints e, CancellationToken c) => e.MerchantAsync(r, c));
        Map(app, ApiRoutes.GetPlatformPaymentReport, (HttpRequest r, ReportEndpoints e, CancellationToken c) => e.OperatorAsync(r, c));
        Map(app, ApiRoutes.ReplaceIpRegions, (HttpRequest r, IpRegionEndpoints e, CancellationToken c) => e.ReplaceAsync(r, c));
        Map(app, ApiRoutes.ReplaceSanctionsList, (HttpRequest r, string source, DurableTaskClient d, SanctionsListEndpoints e, CancellationToken c) => e.ReplaceAsync(r, source, d, c));
        Map(app, ApiRoutes.ListSanctionsLists, (HttpRequest r, SanctionsListEndpoints e, CancellationToken c) => e.ListAsync(r, c));
        Map(app, ApiRoutes.ListScreeningHits, (HttpRequest r, ScreeningHitEndpoints e, CancellationToken c) => e.ListAsync(r, c));
        Map(app, ApiRoutes.GetScreeningHit, (HttpRequest r, string id, ScreeningHitEndpoints e, CancellationToken c) => e.GetAsync(r, id, c));
        Map(app, ApiRoutes.ReviewScreeningHit, (HttpRequest r, string id, ScreeningHitEndpoints e, CancellationToken c) => e.ReviewAsync(r, id, c));
        Map(app, ApiRoutes.ListRiskRules, (HttpRequest r, RiskRuleEndpoints e, CancellationToken c) => e.ListAsync(r, c));
        Map(app, ApiRoutes.CreateRiskRule, (HttpRequest r, RiskRuleEndpoints e, CancellationToken c) => e.CreateAsync(r, c));
        Map(app, ApiRoutes.UpdateRiskRule, (HttpRequest r, string id, RiskRuleEndpoints e, CancellationToken c) => e.UpdateAsync(r, id, c));
        Map(app, ApiRoutes.DeleteRiskRule, (HttpRequest r, string id, RiskRuleEndpoints e, CancellationToken c) => e.DeleteAsync(r, id, c));
        Map(app, ApiRoutes.ListPlatformRiskRules, (HttpRequest r, RiskRuleEndpoints e, CancellationToken c) => e.ListPlatformAsync(r, c));
        Map(app, ApiRoutes.CreatePlatformRiskRule, (HttpRequest r, RiskRuleEndpoints e, CancellationToken c) => e.CreatePlatformAsync(r, c));
        Map(app, ApiRoutes.UpdatePlatformRiskRule, (HttpRequest r, string id, RiskRuleEndpoints e, CancellationToken c) => e.UpdatePlatformAsync(r, id, c));
        Map(app, ApiRoutes.DeletePlatformRiskRule, (HttpRequest r, string id, RiskRuleEndpoints e, CancellationToken c) => e.DeletePlatformAsync(r, id, c));
        Map(app, ApiRoutes.RunKeyRewrap, (HttpRequest r, KeyRewrapEndpoints e, CancellationToken c) => e.RunAsync(r, c));
        Map(app, ApiRoutes.ListChannelDeadLetters, (HttpRequest r, ChannelDeadLetters e, CancellationToken c) => e.ListAsync(r, c));
        Map(app, ApiRoutes.ListAuditEvents, (HttpRequest r, AuditEndpoints e, CancellationToken c) => e.ListAsync(r, c));
        Map(app, ApiRoutes.VerifyAuditChain, (HttpRequest r, AuditEndpoints e, CancellationToken c) => e.VerifyAsync(r, c));
        Map(app, ApiRoutes.CreateAccount, (HttpRequest r, AccountEndpoints e, CancellationToken c) => e.CreateAsync(r, c));
        Map(app, ApiRoutes.ListAccounts, (HttpRequest r, AccountEndpoints e, CancellationToken c) => e.ListAsync(r, c));
        Map(app, ApiRoutes.GetAccount, (HttpRequest r, string id, AccountEndpoints e, CancellationToken c) => e.GetAsync(r, id, c));
        Map(app, ApiRoutes.DeactivateAccount, (HttpRequest r, string id, AccountEndpoints e, CancellationToken c) => e.DeactivateAsync(r, id, c));
        Map(app, ApiRoutes.CreateApiKey, (HttpRequest r, ApiKeyEndpoints e, CancellationToken c) => e.CreateAsync(r, c));
        Map(app, ApiRoutes.ListApiKeys, (HttpRequest r, ApiKeyEndpoints e, CancellationToken c) => e.ListAsync(r, c));
        Map(app, ApiRoutes.RollApiKey, (HttpRequest r, string id, ApiKeyEndpoints e, CancellationToken c) => e.RollAsync(r, id, c));
        Map(app, ApiRoutes.RevokeApiKey, (HttpRequest r, string id, ApiKeyEndpoints e, CancellationToken c) => e.RevokeAsync(r, id, c));
        Map(app, ApiRoutes.CreateRefund, (HttpRequest r, string id, DurableTaskClient d, RefundEndpoints e, CancellationToken c) => e.CreateAsync(r, id, d, c));
        Map(app, ApiRoutes.ListRefunds, (HttpRequest r, string id, RefundEndpoints e, CancellationToken c) => e.ListAsync(r, id, c));
        Map(app, ApiRoutes.GetRefund, (HttpRequest r, string id, RefundEndpoints e, CancellationToken c) => e.GetAsync(r, id, c));
        Map(app, ApiRoutes.RunSettlement, (HttpRequest r, DurableTaskClient d, SettlementEndpoints e, CancellationToken c) => e.RunAsync(r, d, c));
        Map(app, ApiRoutes.RunReconciliation, (HttpRequest r, DurableTaskClient d, ReconciliationEndpoints e, CancellationToken c) => e.RunAsync(r, d, c));
        Map(app, ApiRoutes.GetReconciliationRun, (HttpRequest r, string id, ReconciliationEndpoints e, CancellationToken c) => e.GetRunAsync(r, id, c));
        Map(app, ApiRoutes.GetReconciliationReport, (HttpRequest r, string id, ReconciliationEndpoints e, CancellationToken c) => e.GetReportAsync(r, id, c));
        Map(app, ApiRoutes.ListReconciliationExceptions, (HttpRequest r, ReconciliationEndpoints e, CancellationToken c) => e.ListExceptionsAsync(r, c));
        Map(app, ApiRoutes.ResolveReconciliationException, (HttpRequest r, string id, ReconciliationEndpoints e, CancellationToken c) => e.ResolveExceptionAsync(r, id, c));
        Map(app, ApiRoutes.ListRiskReviews, (HttpRequest r, RiskReviewEndpoints e, CancellationToken c) => e.ListAsync(r, c));
        Map(app, ApiRoutes.ReleaseRiskReview, (HttpRequest r, string id, DurableTaskClient d, RiskReviewEndpoints e, CancellationToken c) => e.ReleaseAsync(r, id, d, c));
        Map(app, ApiRoutes.RunAmlReport, (HttpRequest r, AmlEndpoints e, CancellationToken c) => e.RunAsync(r, c));
        Map(app, ApiRoutes.GetAmlReport, (HttpRequest r, string day, AmlEndpoints e, CancellationToken c) => e.GetRunAsync(r, day, c));
        Map(app, ApiRoutes.ListAmlCases, (HttpRequest r, AmlEndpoints e, CancellationToken c) => e.ListCasesAsync(r, c));
        Map(app, ApiRoutes.OpenAmlCase, (HttpRequest r, AmlEndpoints e, CancellationToken c) => e.OpenCaseAsync(r, c));
        Map(app, ApiRoutes.GetAmlCase, (HttpRequest r, string id, AmlEndpoints e, CancellationToken c) => e.GetCaseAsync(r, id, c));
        Map(app, ApiRoutes.AddAmlCaseNote, (HttpRequest r, string id, AmlEndpoints e, CancellationToken c) => e.AddNoteAsync(r, id, c));
        Map(app, ApiRoutes.EscalateAmlCase, (HttpRequest r, string id, AmlEndpoints e, CancellationToken c) => e.EscalateAsync(r, id, c));
        Map(app, ApiRoutes.CloseAmlCase, (HttpRequest r, string id, AmlEndpoints e, CancellationToken c) => e.CloseAsync(r, id, c));
        Map(app, ApiRoutes.CheckoutPage, (HttpRequest r, string id, DurableTaskClient d, CheckoutEndpoints e, CancellationToken c) => e.PageAsync(r, id, d, c));
        Map(app, ApiRoutes.CheckoutStatus, (HttpRequest r, string id, DurableTaskClient d, CheckoutEndpoints e, CancellationToken c) => e.StatusAsync(r, id, d, c));
        Map(app, ApiRoutes.CheckoutChooseMethod, (HttpRequest r, string id, DurableTaskClient d, CheckoutEndpoints e, CancellationToken c) => e.ChooseMethodAsync(r, id, d, c));
        Map(app, ApiRoutes.CheckoutRedirect, (HttpRequest r, string id, DurableTaskClient d, CheckoutEndpoints e, CancellationToken c) => e.RedirectAsync(r, id, d, c));
        Map(app, ApiRoutes.CheckoutReturn, (HttpRequest r, string id, DurableTaskClient d, CheckoutEndpoints e, CancellationToken c) => e.ReturnAsync(r, id, d, c));
        Map(app, ApiRoutes.CreateStore, (HttpRequest r, StoreEndpoints e, CancellationToken c) => e.CreateAsync(r, c));
        Map(app, ApiRoutes.ListStores, (HttpRequest r, StoreEndpoints e, CancellationToken c) => e.ListAsync(r, c));
        Map(app, ApiRoutes.GetStore, (HttpRequest r, string id, StoreEndpoints e, CancellationToken c) => e.GetAsync(r, id, c));
        Map(app, ApiRoutes.GetStoreQrPng, (HttpRequest r, string id, StoreEndpoints e, CancellationToken c) => e.QrPngAsync(r, id, c));
        Map(app, ApiRoutes.GetStoreQrSvg, (HttpRequest r, string id, StoreEndpoints e, CancellationToken c) => e.QrSvgAsync(r, id, c));
        Map(app, ApiRoutes.StoreCodePage, (HttpRequest r, string code, StoreCodeEndpoints e, CancellationToken c) => e.PageAsync(r, code, c));
        Map(app, ApiRoutes.StoreCodePay, (HttpRequest r, string code, DurableTaskClient d, StoreCodeEndpoints e, CancellationToken c) => e.PayAsync(r, code, d, c));
        Map(app, ApiRoutes.GetChannelHealth, (HttpRequest r, ChannelHealthEndpoints e, CancellationToken c) => e.GetAsync(r, c));
        Map(app, ApiRoutes.StatusPage, (ChannelHealthEndpoints e) => e.StatusPage());
        Map(app, ApiRoutes.StoreCodeAuthorized, (HttpRequest r, string storeCode, DurableTaskClient d, StorePayerAuthorization e, CancellationToken c) => e.AuthorizedAsync(r, storeCode, d, c));
        Map(app, ApiRoutes.GetRoutingPolicy, (HttpRequest r, RoutingEndpoints e, CancellationToken c) => e.GetAsync(r, c));
        Map(app, ApiRoutes.SetRoutingPolicy, (HttpRequest r, RoutingEndpoints e, CancellationToken c) => e.SetAsync(r, c));
        Map(app, ApiRoutes.ListChannelAccounts, (HttpRequest r, RoutingEndpoints e, CancellationToken c) => e.ListChannelAccountsAsync(r, c));
        Map(app, ApiRoutes.CreateOperator, (HttpRequest r, OperatorEndpoints e, CancellationToken c) => e.CreateAsync(r, c));
        Map(app, ApiRoutes.ListOperators, (HttpRequest r, OperatorEndpoints e, CancellationToken c) => e.ListAsync(r, c));
        Map(app, ApiRoutes.DisableOperator, (HttpRequest r, string id, OperatorEndpoints e, CancellationToken c) => e.DisableAsync(r, id, c));
        Map(app, ApiRoutes.IssueToken, (HttpRequest r, TokenEndpoint e, CancellationToken c) => e.IssueAsync(r, c));
        Map(app, ApiRoutes.GetPaymentTimeline, (HttpRequest r, string id, PaymentTimelineEndpoint e, CancellationToken c) => e.GetAsync(r, id, c));
        Map(app, ApiRoutes.ListWebhookEndpoints, (HttpRequest r) => WebhookEndpoints.List(r));
        Map(app, ApiRoutes.SendTestWebhook, (HttpRequest r, WebhookEndpoints e, CancellationToken c) => e.SendTestAsync(r, c));
        Map(app, ApiRoutes.ListWebhookDeliveries, (HttpRequest r, WebhookEndpoints e, CancellationToken c) => e.ListDeliveriesAsync(r, c));
        Map(app, ApiRoutes.MerchantConsole, () => ConsoleEndpoints.MerchantPage());
        Map(app, ApiRoutes.OperatorConsole, () => ConsoleEndpoints.OperatorPage());
        Map(app, ApiRoutes.ConsoleAsset, (HttpRequest r, string name) => ConsoleEndpoints.Asset(r, name));
        Map(app, ApiRoutes.GetTokenKeys, (HttpRequest r, TokenEndpoint e, CancellationToken c) => e.KeySetAsync(r, c));
        Map(app, ApiRoutes.GetOpenApiDocument, (HttpRequest r) => OpenApiEndpoints.MerchantDocument(r));
        Map(app, ApiRoutes.GetOperatorOpenApiDocument, (HttpRequest r) => OpenApiEndpoints.OperatorDocument(r));
        Map(app, ApiRoutes.ApiReference, () => ApiReferenceEndpoints.MerchantPage());
        Map(app, ApiRoutes.OperatorApiReference, () => ApiReferenceEndpoints.OperatorPage());
        Map(app, ApiRoutes.ApiReferenceAsset, (HttpRequest r, string name) => ApiReferenceEndpoints.Asset(r, name));
    }

    private static void Map(IEndpointRouteBuilder app, ApiRoute route, Delegate handler) =>
        app.MapMethods("/api/" + route.Template, [route.Method], handler).WithName(route.Name)
            .AddEndpointFilter((context, next) => GuardedAsync(context, next, route));

    /// <summary>
    /// The request's id, Core's rate limits and then its access check around the handler, and the audit of its 401
    /// answers, as the Functions app's worker middleware applies them.
    /// </summary>
    private static async ValueTask<object?> GuardedAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, ApiRoute route)
    {
        RequestIds.Assign(context.HttpContext);
        var limiter = context.HttpContext.RequestServices.GetRequiredService<ApiRateLimiter>();
        if (limiter.Admit(context.HttpContext, route) is { } refused)
        {
            return refused;
        }

        var gate = context.HttpContext.RequestServices.GetRequiredService<ApiGate>();
        var result = await gate.AdmitAsync(context.HttpContext, route, context.HttpContext.RequestAborted) ?? await next(context);
        limiter.Observe(context.HttpContext, route, result as IResult);
        await context.HttpContext.RequestServices.GetRequiredService<AuthenticationFailureAudit>().ObserveAsync(context.HttpContext, route, result as IResult);
        return result;
    }
}

using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.IntegrationTests.Security;

/// <summary>How the other merchant's access to merchant A's objects through a route is proven.</summary>
public enum Bola
{
    /// <summary>The path names one of A's objects: B gets 404 <c>resource_missing</c> and the object is unchanged.</summary>
    ById,

    /// <summary>A list: B's page shows none of A's objects.</summary>
    List,

    /// <summary>Acts on the caller's own merchant only (create, balance, policy): there is no object of A to name.</summary>
    IdLess,

    /// <summary>An operator route: operators act platform-wide, so there is no other tenant to reach.</summary>
    Operator,
}

/// <summary>
/// One valid request per non-public route, aimed at merchant A's objects: what an unauthorised caller
/// would change if a check were missing. <see cref="Probe"/> is a GET (as A) whose answer the call
/// would change; it must read the same after every refused call.
/// </summary>
public sealed record RouteCase(ApiRoute Route, Bola Bola, Func<MerchantObjects.Made, string> Path, string? Json = null, Func<MerchantObjects.Made, string>? Probe = null, string ContentType = "application/json")
{
    /// <summary>Every route that is not public, by name. A route missing here fails its test case with its name.</summary>
    public static IReadOnlyDictionary<string, RouteCase> All { get; } = new RouteCase[]
    {
        new(ApiRoutes.CreatePayment, Bola.IdLess, _ => "api/v1/payments", Scenario.PaymentBody("order-authz-probe"), Probe: _ => "api/v1/payments?limit=1"),
        new(ApiRoutes.ListPayments, Bola.List, _ => "api/v1/payments?limit=100"),
        new(ApiRoutes.GetPayment, Bola.ById, o => $"api/v1/payments/{o.Payment}"),
        new(ApiRoutes.ClosePayment, Bola.ById, o => $"api/v1/payments/{o.Payment}/close", Probe: o => $"api/v1/payments/{o.Payment}"),
        new(ApiRoutes.CapturePayment, Bola.ById, o => $"api/v1/payments/{o.Payment}/capture", Probe: o => $"api/v1/payments/{o.Payment}"),
        new(ApiRoutes.CreateRefund, Bola.ById, o => $"api/v1/payments/{o.PaidPayment}/refunds", """{"amount":100}""", Probe: o => $"api/v1/payments/{o.PaidPayment}/refunds"),
        new(ApiRoutes.ListRefunds, Bola.ById, o => $"api/v1/payments/{o.PaidPayment}/refunds"),
        new(ApiRoutes.GetRefund, Bola.ById, o => $"api/v1/refunds/{o.Refund}"),
        new(ApiRoutes.ListSettlements, Bola.List, _ => "api/v1/settlements"),
        new(ApiRoutes.GetBalance, Bola.IdLess, _ => "api/v1/balance"),
        new(ApiRoutes.CreateAccount, Bola.IdLess, _ => "api/v1/accounts", Scenario.BankAccountBody(), Probe: _ => "api/v1/accounts?limit=100"),
        new(ApiRoutes.ListAccounts, Bola.List, _ => "api/v1/accounts?limit=100"),
        new(ApiRoutes.GetAccount, Bola.ById, o => $"api/v1/accounts/{o.Account}"),
        new(ApiRoutes.DeactivateAccount, Bola.ById, o => $"api/v1/accounts/{o.Account}/deactivate", Probe: o => $"api/v1/accounts/{o.Account}"),
        new(ApiRoutes.CreateApiKey, Bola.IdLess, _ => "api/v1/api_keys", """{"name":"probe"}""", Probe: _ => "api/v1/api_keys?limit=100"),
        new(ApiRoutes.ListApiKeys, Bola.List, _ => "api/v1/api_keys?limit=100"),
        new(ApiRoutes.RollApiKey, Bola.ById, o => $"api/v1/api_keys/{o.ApiKey}/roll", """{"expires_in_seconds":0}""", Probe: _ => "api/v1/api_keys?limit=100"),
        new(ApiRoutes.RevokeApiKey, Bola.ById, o => $"api/v1/api_keys/{o.ApiKey}/revoke", Probe: _ => "api/v1/api_keys?limit=100"),
        new(ApiRoutes.CreateStore, Bola.IdLess, _ => "api/v1/stores", """{"name":"Probe"}""", Probe: _ => "api/v1/stores?limit=100"),
        new(ApiRoutes.ListStores, Bola.List, _ => "api/v1/stores?limit=100"),
        new(ApiRoutes.GetStore, Bola.ById, o => $"api/v1/stores/{o.Store}"),
        new(ApiRoutes.GetStoreQrPng, Bola.ById, o => $"api/v1/stores/{o.Store}/qr.png"),
        new(ApiRoutes.GetStoreQrSvg, Bola.ById, o => $"api/v1/stores/{o.Store}/qr.svg"),
        new(ApiRoutes.GetRoutingPolicy, Bola.IdLess, _ => "api/v1/routing"),
        new(ApiRoutes.SetRoutingPolicy, Bola.IdLess, _ => "api/v1/routing", """{"objective":"success","utc_offset":"+00:00","rules":[],"fees":[]}""", Probe: _ => "api/v1/routing"),
        new(ApiRoutes.ListChannelAccounts, Bola.IdLess, _ => "api/v1/channel_accounts"),
        new(ApiRoutes.GetPaymentTimeline, Bola.ById, o => $"api/v1/payments/{o.PaidPayment}/timeline"),
        new(ApiRoutes.ListWebhookEndpoints, Bola.IdLess, _ => "api/v1/webhook_endpoints"),
        new(ApiRoutes.SendTestWebhook, Bola.IdLess, _ => "api/v1/webhook_endpoints/test", "{}", Probe: _ => "api/v1/webhook_endpoints/deliveries?limit=100"),
        new(ApiRoutes.ListWebhookDeliveries, Bola.List, _ => "api/v1/webhook_endpoints/deliveries?limit=100"),
        new(ApiRoutes.RunSettlement, Bola.Operator, _ => "api/ops/settlements?date=2020-01-02"),
        new(ApiRoutes.CreateMerchant, Bola.Operator, _ => "api/ops/merchants", """{"name":"Probe Cafe"}"""),
        new(ApiRoutes.LoadFxRates, Bola.Operator, _ => "api/ops/fx_rates", EcbReferenceRates.Daily(new DateOnly(2020, 1, 2)), ContentType: "application/xml"),
        new(ApiRoutes.GetFxRates, Bola.Operator, _ => "api/ops/fx_rates"),
        new(ApiRoutes.GetChannelHealth, Bola.Operator, _ => "api/v1/channels/health"),
        new(ApiRoutes.ListChannelDeadLetters, Bola.Operator, _ => "api/ops/channel_work/dead_letters"),
        new(ApiRoutes.CreateOperator, Bola.Operator, _ => "api/ops/operators", """{"name":"probe","scopes":["ops:fx"]}""", Probe: _ => "api/ops/operators"),
        new(ApiRoutes.ListOperators, Bola.Operator, _ => "api/ops/operators"),
        new(ApiRoutes.RunKeyRewrap, Bola.Operator, _ => "api/ops/key_rewraps"),
        new(ApiRoutes.ListAuditEvents, Bola.Operator, _ => "api/ops/audit_events"),
        new(ApiRoutes.VerifyAuditChain, Bola.Operator, _ => "api/ops/audit_events/verify"),
        new(ApiRoutes.GetPaymentReport, Bola.IdLess, _ => "api/v1/reports/payments?group_by=method"),
        new(ApiRoutes.GetPlatformPaymentReport, Bola.Operator, _ => "api/ops/reports/payments?group_by=method"),
        new(ApiRoutes.ReplaceIpRegions, Bola.Operator, _ => "api/ops/ip_regions", "203.0.113.0,203.0.113.255,US\n", ContentType: "text/csv"),
        new(ApiRoutes.DisableOperator, Bola.Operator, o => $"api/ops/operators/{o.Operator}/disable", Probe: _ => "api/ops/operators"),
        new(ApiRoutes.RunReconciliation, Bola.Operator, _ => "api/ops/reconciliation/runs", """{"channel":"wechat_pay","account":"main","day":"2020-01-02"}"""),
        new(ApiRoutes.GetReconciliationRun, Bola.Operator, _ => "api/ops/reconciliation/runs/recon_20200102_wechat_pay_main"),
        new(ApiRoutes.GetReconciliationReport, Bola.Operator, _ => "api/ops/reconciliation/runs/recon_20200102_wechat_pay_main/report"),
        new(ApiRoutes.ListReconciliationExceptions, Bola.Operator, _ => "api/ops/reconciliation/exceptions"),
        new(ApiRoutes.ResolveReconciliationException, Bola.Operator, _ => "api/ops/reconciliation/exceptions/rdif_20200102_00000000000000000000000000000000/resolve", """{"note":"probe"}""", Probe: _ => "api/ops/reconciliation/exceptions"),
        new(ApiRoutes.ListRiskReviews, Bola.Operator, _ => "api/ops/risk/reviews"),
        new(ApiRoutes.ReleaseRiskReview, Bola.Operator, _ => "api/ops/risk/reviews/pay_000000000000000000000000/release", """{"note":"probe"}""", Probe: _ => "api/ops/risk/reviews"),
        new(
            ApiRoutes.ReplaceSanctionsList, Bola.Operator, _ => "api/ops/sanctions_lists/ofac_sdn",
            "<sdnList><sdnEntry><uid>1</uid><lastName>PROBE</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>", Probe: _ => "api/ops/sanctions_lists", ContentType: "application/xml"),
        new(ApiRoutes.ListSanctionsLists, Bola.Operator, _ => "api/ops/sanctions_lists"),
        new(ApiRoutes.ListScreeningHits, Bola.Operator, _ => "api/ops/screening/hits"),
        new(ApiRoutes.GetScreeningHit, Bola.Operator, _ => "api/ops/screening/hits/sh_00000000000000000000000000000000"),
        new(
            ApiRoutes.ReviewScreeningHit, Bola.Operator, _ => "api/ops/screening/hits/sh_00000000000000000000000000000000/review", """{"decision":"dismiss","note":"probe"}""",
            Probe: _ => "api/ops/screening/hits?status=dismissed"),
        new(ApiRoutes.RunAmlReport, Bola.Operator, _ => "api/ops/aml/reports/runs", """{"day":"2020-01-02"}""", Probe: _ => "api/ops/aml/cases"),
        new(ApiRoutes.GetAmlReport, Bola.Operator, _ => "api/ops/aml/reports/2020-01-02"),
        new(ApiRoutes.ListAmlCases, Bola.Operator, _ => "api/ops/aml/cases"),
        new(ApiRoutes.OpenAmlCase, Bola.Operator, _ => "api/ops/aml/cases", """{"party":{"kind":"merchant","id":"mch_probe"},"reason":"probe"}""", Probe: _ => "api/ops/aml/cases"),
        new(ApiRoutes.GetAmlCase, Bola.Operator, _ => "api/ops/aml/cases/amlc_20200102_00000000000000000000000000000000"),
        new(ApiRoutes.AddAmlCaseNote, Bola.Operator, _ => "api/ops/aml/cases/amlc_20200102_00000000000000000000000000000000/notes", """{"note":"probe"}""", Probe: _ => "api/ops/aml/cases"),
        new(ApiRoutes.EscalateAmlCase, Bola.Operator, _ => "api/ops/aml/cases/amlc_20200102_00000000000000000000000000000000/escalate", """{"note":"probe"}""", Probe: _ => "api/ops/aml/cases"),
        new(ApiRoutes.CloseAmlCase, Bola.Operator, _ => "api/ops/aml/cases/amlc_20200102_00000000000000000000000000000000/close", """{"note":"probe"}""", Probe: _ => "api/ops/aml/cases"),
        new(ApiRoutes.ListRiskRules, Bola.List, _ => "api/v1/risk/rules"),
        new(ApiRoutes.CreateRiskRule, Bola.IdLess, _ => "api/v1/risk/rules", RiskRuleBody, Probe: _ => "api/v1/risk/rules"),
        new(ApiRoutes.UpdateRiskRule, Bola.ById, o => $"api/v1/risk/rules/{o.RiskRule}", RiskRuleBody.Replace("review", "block", StringComparison.Ordinal), Probe: _ => "api/v1/risk/rules"),
        new(ApiRoutes.DeleteRiskRule, Bola.ById, o => $"api/v1/risk/rules/{o.RiskRule}", Probe: _ => "api/v1/risk/rules"),
        new(ApiRoutes.ListPlatformRiskRules, Bola.Operator, _ => "api/ops/risk/rules"),
        new(ApiRoutes.CreatePlatformRiskRule, Bola.Operator, _ => "api/ops/risk/rules", RiskRuleBody, Probe: _ => "api/ops/risk/rules"),
        new(ApiRoutes.UpdatePlatformRiskRule, Bola.Operator, _ => "api/ops/risk/rules/rule_000000000000000000000000", RiskRuleBody, Probe: _ => "api/ops/risk/rules"),
        new(ApiRoutes.DeletePlatformRiskRule, Bola.Operator, _ => "api/ops/risk/rules/rule_000000000000000000000000", Probe: _ => "api/ops/risk/rules"),
    }.ToDictionary(c => c.Route.Name, StringComparer.Ordinal);

    /// <summary>A rule that reaches no real payment: it lists a payer id no test pays with.</summary>
    public const string RiskRuleBody = """{"kind":"list","action":"review","field":"payer_id","values":["authz-probe-payer"]}""";

    public static TheoryData<string> ProtectedRouteNames() =>
        [.. ApiRoutes.All.Where(r => r.Access.Audience != Audience.Public).Select(r => r.Name)];

    public static TheoryData<string> MerchantRouteNames() =>
        [.. ApiRoutes.All.Where(r => r.Access.Audience == Audience.Merchant).Select(r => r.Name)];

    public static TheoryData<string> OperatorRouteNames() =>
        [.. ApiRoutes.All.Where(r => r.Access.Audience == Audience.Operator).Select(r => r.Name)];

    /// <summary>The case of a route, or a failure naming it: a new route must come with its case.</summary>
    public static RouteCase Of(string name)
    {
        Assert.True(
            All.TryGetValue(name, out var found),
            $"Route {name} is not public and has no case in {nameof(RouteCase)}.{nameof(All)}: add how merchant A's object is made and "
            + "how another merchant or a caller without the scope calls it (see docs/architecture.md, Authorisation tests).");
        Assert.Same(ApiRoutes.All.Single(r => r.Name == name), found.Route);
        return found;
    }

    public HttpRequestMessage Request(MerchantObjects.Made objects, string? credential)
    {
        var request = new HttpRequestMessage(new HttpMethod(Route.Method), Path(objects));
        if (credential is not null)
        {
            request.Headers.Authorization = new("Bearer", credential);
        }

        if (Json is not null)
        {
            request.Content = new StringContent(Json, System.Text.Encoding.UTF8, ContentType);
        }

        return request;
    }
}

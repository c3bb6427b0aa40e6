using PayFunctions.Core.Aml;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Fx;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Operators;
using PayFunctions.Core.Reconciliation;
using PayFunctions.Core.Reports;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Settlements;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.OpenApi;

/// <summary>The operators' operations: what an operator's key or token calls.</summary>
internal static class OperatorOperations
{
    private const string Note = """{"note":"Checked against the merchant's contract."}""";

    private static readonly ApiParameter[] ReportQuery =
    [
        new("from", "The first day, yyyy-MM-dd (default: 30 days ago).", ApiExamples.Day),
        new("to", "The last day, yyyy-MM-dd (default: today).", ApiExamples.Day),
        new("group_by", "method, channel, hour, weekday, region or day.", "method"),
        new("format", "json (default) or csv.", "json"),
        new("merchant", "Only this merchant's payments.", "mch_example"),
        new("livemode", "true for live payments only, false for test payments only.", "false"),
    ];

    public static IReadOnlyDictionary<string, ApiOperation> All { get; } = new Dictionary<string, ApiOperation>(StringComparer.Ordinal)
    {
        ["CreateMerchant"] = new(ApiTags.Merchants, "Onboard a merchant")
        {
            Description = "Makes the merchant and its test-mode twin, and answers a key of each and the webhook secret, once.",
            Request = ApiContent.Json<CreateMerchantRequest>("""{"name":"Corner Cafe","webhook_url":"https://cafe.example/webhooks","fee_basis_points":60}"""),
            Status = 201,
            Response = ApiContent.Json<MerchantEndpoints.MerchantResource>(OperatorExamples.Merchant),
            Idempotent = true,
        },
        ["CreateOperator"] = new(ApiTags.Operators, "Create an operator")
        {
            Description = "The operator's key is shown in this answer only; it holds at most the creator's scopes.",
            Request = ApiContent.Json<CreateOperatorRequest>("""{"name":"night shift","scopes":["ops:fx"]}"""),
            Status = 201,
            Response = ApiContent.Json<OperatorResource>(OperatorExamples.NewOperator),
            Idempotent = true,
        },
        ["ListOperators"] = new(ApiTags.Operators, "List operators") { Response = ApiContent.Json<OperatorEndpoints.OperatorList>(OperatorExamples.Operators) },
        ["DisableOperator"] = new(ApiTags.Operators, "Disable an operator")
        {
            Description = "Ends its key and tokens. An operator cannot disable itself.",
            Response = ApiContent.Json<OperatorResource>(OperatorExamples.DisabledOperator),
            Problems = ["parameter_invalid"],
            PathExample = ApiExamples.OperatorId,
        },
        ["RunSettlement"] = new(ApiTags.Settlement, "Run a day's settlement")
        {
            Description = "Runs the batch of `date` (default: the latest day that may be settled) and answers when it ends. Running a day again pays only what is still owed.",
            Response = ApiContent.Json<SettlementEndpoints.RunResource>(OperatorExamples.SettlementRun),
            Problems = ["parameter_invalid", "settlement_date_in_future"],
            Query = [new("date", "The day to settle, yyyy-MM-dd.", ApiExamples.Day)],
        },
        ["RunReconciliation"] = new(ApiTags.Reconciliation, "Reconcile a channel account's day")
        {
            Request = ApiContent.Json<RunReconciliationRequest>($$"""{"channel":"{{ApiExamples.Channel}}","account":"main","day":"{{ApiExamples.Day}}"}"""),
            Response = ApiContent.Json<ReconciliationResources.RunResource>(OperatorExamples.ReconciliationRun),
        },
        ["GetReconciliationRun"] = new(ApiTags.Reconciliation, "Retrieve a reconciliation run")
        {
            Response = ApiContent.Json<ReconciliationResources.RunResource>(OperatorExamples.ReconciliationRun),
            PathExample = ApiExamples.ReconciliationRunId,
        },
        ["GetReconciliationReport"] = new(ApiTags.Reconciliation, "A reconciliation run's report")
        {
            Response = ApiContent.Json<ReconciliationResources.ReportResource>(OperatorExamples.ReconciliationReport),
            PathExample = ApiExamples.ReconciliationRunId,
        },
        ["ListReconciliationExceptions"] = new(ApiTags.Reconciliation, "List reconciliation exceptions")
        {
            Response = ApiContent.Json<ReconciliationEndpoints.ExceptionList>(OperatorExamples.ReconciliationExceptions),
            Paginated = true,
            Query = [new("status", "open (default) or resolved.", "open")],
        },
        ["ResolveReconciliationException"] = new(ApiTags.Reconciliation, "Resolve a reconciliation exception")
        {
            Request = ApiContent.Json<ResolveExceptionRequest>(Note),
            Response = ApiContent.Json<ReconciliationResources.ExceptionResource>(OperatorExamples.ResolvedException),
            PathExample = ApiExamples.DifferenceId,
            Problems = ["exception_resolved", "exception_not_open"],
        },
        ["GetChannelHealth"] = new(ApiTags.Channels, "Channel accounts' health") { Response = ApiContent.Json<ChannelHealthList>(OperatorExamples.ChannelHealth) },
        ["ListChannelDeadLetters"] = new(ApiTags.Channels, "Channel work that could not be done") { Response = ApiContent.Json<DeadLetterList>(OperatorExamples.DeadLetters) },
        ["LoadFxRates"] = new(ApiTags.Fx, "Load a day's reference rates")
        {
            Description = "The European Central Bank's daily reference-rate XML. Loading the same day's rates again answers 200.",
            Request = ApiContent.Text("application/xml", "<gesmes:Envelope/>"),
            Status = 201,
            Response = ApiContent.Json<FxRatesEndpoints.FxRatesResource>(OperatorExamples.LoadedFxRates),
            OtherResponses = new Dictionary<int, ApiContent> { [200] = ApiContent.Json<FxRatesEndpoints.FxRatesResource>(OperatorExamples.FxRates) },
            Problems = ["fx_rates_invalid", "fx_rates_conflict"],
        },
        ["GetFxRates"] = new(ApiTags.Fx, "The newest reference rates")
        {
            Response = ApiContent.Json<FxRatesEndpoints.FxRatesResource>(OperatorExamples.FxRates),
            Problems = ["resource_missing"],
        },
        ["ListAuditEvents"] = new(ApiTags.Audit, "List audit events")
        {
            Response = ApiContent.Json<AuditEndpoints.AuditEventList>(OperatorExamples.AuditEvents),
            Paginated = true,
            Query = [new("type", "Only events of this type.", "payment.created"), new("actor", "Only events of this actor.", "system")],
        },
        ["VerifyAuditChain"] = new(ApiTags.Audit, "Verify the audit chain") { Response = ApiContent.Json<AuditEndpoints.VerificationResource>(OperatorExamples.AuditVerification) },
        ["RunKeyRewrap"] = new(ApiTags.Keys, "Rewrap sealed secrets under the current key") { Response = ApiContent.Json<KeyRewrapReport>(OperatorExamples.KeyRewrap) },
        ["GetPlatformPaymentReport"] = new(ApiTags.Reports, "The platform's payments report")
        {
            Description = "With `format=csv` the same rows come as CSV.",
            Response = ApiContent.Json<ReportEndpoints.ReportResource>(OperatorExamples.Report),
            AlsoAs = [ApiContent.Text("text/csv", MerchantExamples.ReportCsv)],
            Query = ReportQuery,
            Problems = ["parameter_invalid"],
        },
        ["ReplaceIpRegions"] = new(ApiTags.Reports, "Replace the IP-to-region database")
        {
            Description = "CSV rows of first address, last address and region.",
            Request = ApiContent.Text("text/csv", "203.0.113.0,203.0.113.255,US\n"),
            Response = ApiContent.Json<IpRegionEndpoints.IpRegionsResource>(OperatorExamples.IpRegions),
            Problems = ["ip_regions_invalid", "ip_regions_too_large"],
        },
        ["ListRiskReviews"] = new(ApiTags.Risk, "List payments held for review")
        {
            Response = ApiContent.Json<RiskReviewEndpoints.ReviewList>(OperatorExamples.Reviews),
            Paginated = true,
            Query = [new("status", "pending (default) or released.", "pending")],
        },
        ["ReleaseRiskReview"] = new(ApiTags.Risk, "Release a payment held for review")
        {
            Request = ApiContent.Json<ReleaseReviewRequest>(Note),
            Response = ApiContent.Json<ReviewResource>(OperatorExamples.ReleasedReview),
            Problems = ["review_released", "review_voided", "screening_hit_open"],
            PathExample = ApiExamples.PaymentId,
        },
        ["ListPlatformRiskRules"] = new(ApiTags.Risk, "List the platform's risk rules") { Response = RiskRuleSchemas.List.WithExample(OperatorExamples.RiskRules) },
        ["CreatePlatformRiskRule"] = new(ApiTags.Risk, "Create a platform risk rule")
        {
            Request = ApiContent.Json<RiskRuleDraft>(ApiExamples.RiskRule),
            Status = 201,
            Response = RiskRuleSchemas.Rule.WithExample(OperatorExamples.RiskRule),
            Problems = ["risk_rule_too_large", "risk_rules_limit_reached"],
            Idempotent = true,
        },
        ["UpdatePlatformRiskRule"] = new(ApiTags.Risk, "Replace a platform risk rule")
        {
            Request = ApiContent.Json<RiskRuleDraft>(ApiExamples.RiskRule),
            Response = RiskRuleSchemas.Rule.WithExample(OperatorExamples.RiskRule),
            Problems = ["risk_rule_too_large"],
            Idempotent = true,
            PathExample = ApiExamples.RiskRuleId,
        },
        ["DeletePlatformRiskRule"] = new(ApiTags.Risk, "Delete a platform risk rule") { Response = RiskRuleSchemas.Deleted.WithExample(MerchantExamples.DeletedRiskRule), PathExample = ApiExamples.RiskRuleId },
        ["ReplaceSanctionsList"] = new(ApiTags.Screening, "Replace a sanctions list")
        {
            Description = "The list in its publisher's XML; every party is screened again against it.",
            Request = ApiContent.Text("application/xml", "<sdnList><sdnEntry><uid>1</uid><lastName>EXAMPLE</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>"),
            Response = ApiContent.Json<ScreeningResources.ListResource>(OperatorExamples.SanctionsList),
            Problems = ["sanctions_list_invalid", "sanctions_list_too_large"],
            PathExample = "ofac_sdn",
        },
        ["ListSanctionsLists"] = new(ApiTags.Screening, "List the loaded sanctions lists") { Response = ApiContent.Json<SanctionsListEndpoints.ListList>(OperatorExamples.SanctionsLists) },
        ["ListScreeningHits"] = new(ApiTags.Screening, "List screening hits")
        {
            Response = ApiContent.Json<ScreeningHitEndpoints.HitList>(OperatorExamples.Hits),
            Paginated = true,
            Query = [new("status", "pending_review (default), confirmed or dismissed.", "pending_review")],
        },
        ["GetScreeningHit"] = new(ApiTags.Screening, "Retrieve a screening hit") { Response = ApiContent.Json<ScreeningResources.HitResource>(OperatorExamples.Hit), PathExample = ApiExamples.ScreeningHitId },
        ["ReviewScreeningHit"] = new(ApiTags.Screening, "Confirm or dismiss a screening hit")
        {
            Request = ApiContent.Json<ReviewScreeningHitRequest>("""{"decision":"dismiss","note":"A namesake: different date of birth."}"""),
            Response = ApiContent.Json<ScreeningResources.HitResource>(OperatorExamples.DismissedHit),
            Problems = ["screening_hit_reviewed"],
            PathExample = ApiExamples.ScreeningHitId,
        },
        ["RunAmlReport"] = new(ApiTags.Aml, "Run a day's AML report")
        {
            Request = ApiContent.Json<RunAmlReportRequest>($$"""{"day":"{{ApiExamples.Day}}"}"""),
            BodyOptional = true,
            Response = ApiContent.Json<AmlResources.RunResource>(OperatorExamples.AmlReport),
        },
        ["GetAmlReport"] = new(ApiTags.Aml, "Retrieve a day's AML report") { Response = ApiContent.Json<AmlResources.RunResource>(OperatorExamples.AmlReport), PathExample = ApiExamples.Day },
        ["ListAmlCases"] = new(ApiTags.Aml, "List AML cases")
        {
            Response = ApiContent.Json<AmlEndpoints.CaseList>(OperatorExamples.AmlCases),
            Paginated = true,
            Query = [new("status", "Only cases in this status.", "open")],
        },
        ["OpenAmlCase"] = new(ApiTags.Aml, "Open an AML case")
        {
            Request = ApiContent.Json<OpenAmlCaseRequest>("""{"party":{"kind":"merchant","id":"mch_example"},"reason":"Unusual volume for its category."}"""),
            Status = 201,
            Response = ApiContent.Json<AmlResources.CaseResource>(OperatorExamples.AmlCase),
        },
        ["GetAmlCase"] = new(ApiTags.Aml, "Retrieve an AML case") { Response = ApiContent.Json<AmlResources.CaseResource>(OperatorExamples.AmlCase), PathExample = ApiExamples.AmlCaseId },
        ["AddAmlCaseNote"] = new(ApiTags.Aml, "Add a note to an AML case")
        {
            Request = ApiContent.Json<AmlCaseNoteRequest>(Note),
            Response = ApiContent.Json<AmlResources.CaseResource>(OperatorExamples.NotedAmlCase),
            Problems = ["aml_case_closed", "aml_case_notes_full"],
            PathExample = ApiExamples.AmlCaseId,
        },
        ["EscalateAmlCase"] = new(ApiTags.Aml, "Escalate an AML case")
        {
            Request = ApiContent.Json<AmlCaseNoteRequest>(Note),
            Response = ApiContent.Json<AmlResources.CaseResource>(OperatorExamples.EscalatedAmlCase),
            Problems = ["aml_case_not_open"],
            PathExample = ApiExamples.AmlCaseId,
        },
        ["CloseAmlCase"] = new(ApiTags.Aml, "Close an AML case")
        {
            Request = ApiContent.Json<AmlCaseNoteRequest>(Note),
            Response = ApiContent.Json<AmlResources.CaseResource>(OperatorExamples.ClosedAmlCase),
            Problems = ["aml_case_closed"],
            PathExample = ApiExamples.AmlCaseId,
        },
    };
}

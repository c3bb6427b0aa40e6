namespace PayFunctions.Core.OpenApi;

/// <summary>
/// The operator operations' answers, as the platform writes them, about the merchant, payment and operator of
/// <see cref="ApiExamples"/> and the day <see cref="ApiExamples.Day"/>; a list holds one item.
/// </summary>
internal static class OperatorExamples
{
    private static readonly string Actor = "operator:" + ApiExamples.OperatorId;

    public static string Merchant { get; } =
        $$"""
        {"id":"{{ApiExamples.MerchantId}}","object":"merchant","name":"Corner Cafe","webhook_url":"https://cafe.example/webhooks","fee_basis_points":60,
        "settlement_currency":"cny","api_key":"sk_live_t3m8q1v6c2b9n4z7r5k0w2y8p6d3f1gh","test_api_key":"sk_test_h5k2p9v4m1q7c3b8n6z0r2t4w6y8d1fj",
        "webhook_secret":"whsec_q8ZK1xV3m7Yp2cR9tB4nL6wD0fH5jS1a","secrets_redacted":false}
        """;

    /// <summary>The operator as made: its key is shown in this answer only.</summary>
    public static string NewOperator { get; } = OperatorOf($$""","key":"opk_{{ApiExamples.OperatorId}}.r4k8m2v6q1c9b3n7z5x0w2y4p6d8f1g3h5j7l9s2","key_redacted":false""");

    public static string DisabledOperator { get; } = OperatorOf(
        """
        ,"disabled_at":"2026-01-07T18:00:00+00:00"
        """);

    public static string Operators { get; } = $$"""{"object":"list","url":"/api/ops/operators","data":[{{OperatorOf("")}}]}""";

    public static string SettlementRun { get; } =
        $$"""
        {"object":"settlement_run","instance_id":"settlement_20200102_3f9c2a7e1b4d","settlement_date":"{{ApiExamples.Day}}","status":"completed","accounts":2,
        "settlements_recorded":1,"failed":[],"held":[{"account":"{{ApiExamples.AccountId}}","currency":"cny","reason":"screening_hit"}]}
        """;

    public static string ReconciliationRun { get; } = RunOf();

    public static string ReconciliationReport { get; } = $$"""{"object":"reconciliation_report","run":{{RunOf()}},"differences":[{{Difference("open", "")}}]}""";

    public static string ReconciliationExceptions { get; } = MerchantExamples.List("ops/reconciliation/exceptions", Difference("open", ""), hasMore: false);

    public static string ResolvedException { get; } = Difference(
        "resolved",
        $$"""
        "outcome":"operator_resolved","note":"Checked against the merchant's contract.","resolved_by":"{{Actor}}","resolved_at":"2020-01-03T09:30:00+00:00",
        """);

    public static string ChannelHealth { get; } =
        $$"""
        {"object":"list","url":"/api/v1/channels/health","data":[{"channel":"{{ApiExamples.MethodChannel}}","account":"main","status":"up","success_rate":0.978,"samples":35.44,
        "latency_p50_ms":2.8,"latency_p95_ms":7.3,"errors":{"declined":1,"transient":0,"timed_out":0,"circuit_open":0},"circuit":"closed","as_of":"2026-01-05T08:05:00+00:00"}]}
        """;

    public static string DeadLetters { get; } =
        $$"""
        {"object":"list","data":[{"queue":"channel-work-poison","message_id":"7f3c9a2e-4b1d-4e8f-9a6c-2d5e8b1f0c3a","kind":"channel_call","operation":"close",
        "channel":"{{ApiExamples.MethodChannel}}","channel_account":"main","about":"{{ApiExamples.PaymentId}}","enqueued_at":"2026-01-05T08:20:00+00:00","delivery_count":5}]}
        """;

    public static string FxRates { get; } = FxRatesOf("");

    /// <summary>The load's answer names what the file listed and the platform does not take.</summary>
    public static string LoadedFxRates { get; } = FxRatesOf(""","ignored_currencies":["isk"]""");

    public static string AuditEvents { get; } = MerchantExamples.List(
        "ops/audit_events",
        $$"""
        {"id":"aud_0000000000000098","object":"audit_event","sequence":98,"type":"risk_rule.created","actor":"merchant:{{ApiExamples.MerchantId}}",
        "subject":"{{ApiExamples.RiskRuleId}}","detail":{"action":"review","kind":"list","scope":"{{ApiExamples.MerchantId}}","values":1},
        "time":"2026-01-05T07:45:00+00:00","request_id":"req_8f2k4m6p9r1t3v5x7z0b2d4f",
        "previous_hash":"8b31ab92126c63a5efc8d6cfe3e81d80db0739c952c6df8848e3f109e1fb8e74","hash":"004997363faef5ad9ac8f96eecc6641c512254076c87d8da5c674519f86aff5e"}
        """,
        hasMore: true);

    public static string AuditVerification { get; } =
        """{"object":"audit_chain_verification","intact":true,"records":98,"head_sequence":98,"head_hash":"004997363faef5ad9ac8f96eecc6641c512254076c87d8da5c674519f86aff5e"}""";

    public static string KeyRewrap { get; } =
        """{"key_version":"7e1d4c2a9b8f4e6a8c3d5b7f9a1c2e4d","scanned":42,"rewrapped":40,"already_current":2,"changed_meanwhile":0,"failed":0}""";

    public static string Report { get; } = MerchantExamples.ReportOf(livemode: true);

    public static string IpRegions { get; } =
        """{"object":"ip_regions","ipv4_ranges":1,"ipv6_ranges":0,"bytes":30,"sha256":"3c8e5f1a9b2d4c6e8f0a1b3c5d7e9f2a4b6c8d0e1f3a5b7c9d2e4f6a8b0c1d3e"}""";

    public static string Review { get; } = ReviewOf("pending", "");

    public static string ReleasedReview { get; } = ReviewOf(
        "released",
        $$"""
        ,"released_at":"2026-01-05T09:10:00+00:00","released_by":"{{Actor}}","note":"Checked against the merchant's contract."
        """);

    public static string Reviews { get; } = MerchantExamples.List("ops/risk/reviews", Review, hasMore: false);

    public static string RiskRule { get; } = MerchantExamples.RiskRuleOf("platform");

    public static string RiskRules { get; } = MerchantExamples.List("ops/risk/rules", RiskRule, hasMore: false);

    public static string SanctionsList { get; } =
        """{"object":"sanctions_list","source":"ofac_sdn","entries":1,"names":1,"sha256":"9d4b7e2f1a6c3b8d5e0f2a4c6e8b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b","uploaded_at":"2026-01-05T06:00:00+00:00"}""";

    public static string SanctionsLists { get; } = MerchantExamples.List("ops/sanctions_lists", SanctionsList, hasMore: false);

    public static string Hit { get; } = HitOf("pending_review", "");

    public static string DismissedHit { get; } = HitOf(
        "dismissed", $$""","review":{"decision":"dismiss","reviewed_by":"{{Actor}}","note":"A namesake: different date of birth.","reviewed_at":"2026-01-05T11:00:00+00:00"}""");

    public static string Hits { get; } = MerchantExamples.List("ops/screening/hits", Hit, hasMore: false);

    public static string AmlReport { get; } =
        $$"""
        {"object":"aml_report_run","day":"{{ApiExamples.Day}}","ran_at":"2020-01-03T01:00:00+00:00","ran_by":"{{Actor}}","modes":{
        "live":{"payments":120,"payouts":4,"large_value":1,"suspicious":1,"cases_opened":1,"cases":{"structuring":1},"unmeasured":0,
        "files":{"large_value":"20200102/large_value.json","suspicious":"20200102/suspicious.json"} },
        "test":{"payments":0,"payouts":0,"large_value":0,"suspicious":0,"cases_opened":0,"cases":{},"unmeasured":0,
        "files":{"large_value":"20200102/test/large_value.json","suspicious":"20200102/test/suspicious.json"} } } }
        """;

    /// <summary>The case an operator opened by hand: its pattern is <c>manual</c>.</summary>
    public static string AmlCase { get; } = CaseOf("open", "[]", "");

    public static string AmlCases { get; } = MerchantExamples.List("ops/aml/cases", AmlCase, hasMore: false);

    public static string NotedAmlCase { get; } = CaseOf("open", Notes, "");

    public static string EscalatedAmlCase { get; } = CaseOf(
        "escalated",
        Notes,
        $$"""
        ,"escalated_at":"2020-01-04T10:00:00+00:00","escalated_by":"{{Actor}}"
        """);

    public static string ClosedAmlCase { get; } = CaseOf(
        "closed",
        Notes,
        $$"""
        ,"closed_at":"2020-01-05T10:00:00+00:00","closed_by":"{{Actor}}"
        """);

    private static string Notes => $$"""[{"at":"2020-01-04T09:00:00+00:00","by":"{{Actor}}","text":"Checked against the merchant's contract."}]""";

    private static string OperatorOf(string rest) =>
        $$"""
        {"id":"{{ApiExamples.OperatorId}}","object":"operator","name":"night shift","scopes":["ops:fx"],"key_prefix":"opk_{{ApiExamples.OperatorId[..9]}}",
        "created_at":"2026-01-05T07:00:00+00:00","created_by":"operator:op_bootstrap"{{rest}}}
        """;

    private static string RunOf() =>
        $$"""
        {"id":"{{ApiExamples.ReconciliationRunId}}","object":"reconciliation_run","channel":"{{ApiExamples.Channel}}","account":"main","day":"{{ApiExamples.Day}}",
        "status":"completed","lines":120,"matched":119,"differences":{"missing_at_channel":1},"statuses":{"open":1},"resolve_failures":0,
        "report":"/api/ops/reconciliation/runs/{{ApiExamples.ReconciliationRunId}}/report","completed_at":"2020-01-03T02:00:00+00:00"}
        """;

    private static string Difference(string status, string resolution) =>
        $$"""
        {"id":"{{ApiExamples.DifferenceId}}","object":"reconciliation_exception","run":"{{ApiExamples.ReconciliationRunId}}","channel":"{{ApiExamples.Channel}}",
        "account":"main","day":"{{ApiExamples.Day}}","class":"missing_at_channel","kind":"payment","reference":"{{ApiExamples.PaymentId}}","occurrence":0,
        "status":"{{status}}","proposed_resolution":"operator_review",{{resolution}}"found_at":"2020-01-03T02:00:00+00:00",
        "platform":{"id":"{{ApiExamples.PaymentId}}","payment":"{{ApiExamples.PaymentId}}","amount":2500,"currency":"cny","status":"succeeded","booked_at":"2020-01-02T08:01:30+00:00"} }
        """;

    private static string FxRatesOf(string ignored) =>
        $$"""{"object":"fx_rates","source":"ecb","base":"eur","date":"{{ApiExamples.Day}}","rates":{"cny":"7.8177","usd":"1.1193"},"loaded_at":"2020-01-02T15:30:00+00:00"{{ignored}}}""";

    private static string ReviewOf(string status, string release) =>
        $$"""
        {"object":"risk_review","payment":"{{ApiExamples.PaymentId}}","merchant":"{{ApiExamples.MerchantId}}","amount":2500,"currency":"cny","status":"{{status}}",
        "opened_at":"2026-01-05T08:00:01+00:00"{{release}}}
        """;

    private static string HitOf(string status, string review) =>
        $$"""
        {"id":"{{ApiExamples.ScreeningHitId}}","object":"screening_hit","status":"{{status}}",
        "party":{"type":"account","id":"{{ApiExamples.AccountId}}","merchant":"{{ApiExamples.MerchantId}}","name":"Example Trading"},
        "list_entry":{"source":"ofac_sdn","id":"1","name":"EXAMPLE TRADING","programmes":["SDGT"]},"matched_name":"EXAMPLE TRADING","matched_name_quality":"strong",
        "score":0.97,"created_at":"2026-01-05T06:00:05+00:00"{{review}}}
        """;

    private static string CaseOf(string status, string notes, string progress) =>
        $$"""
        {"id":"{{ApiExamples.AmlCaseId}}","object":"aml_case","day":"{{ApiExamples.Day}}","livemode":true,"status":"{{status}}","pattern":"manual",
        "party":{"kind":"merchant","id":"{{ApiExamples.MerchantId}}"},"transactions":[],"transaction_count":0,"reason":"Unusual volume for its category.",
        "opened_at":"2020-01-03T09:00:00+00:00","opened_by":"{{Actor}}"{{progress}},"notes":{{notes}}}
        """;
}

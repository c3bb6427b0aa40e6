namespace PayFunctions.Core.OpenApi;

/// <summary>
/// The merchant operations' answers, as the platform writes them: one merchant's payment, refund, account, key and store
/// (the ids of <see cref="ApiExamples"/>) throughout, so what one operation answers is what the others made, and a list
/// holds one of them.
/// </summary>
internal static class MerchantExamples
{
    private const string QrCode =
        """
        "next_action":{"type":"display_qr_code","display_qr_code":{"data":"https://qr.example/0mzq7k2c"}},
        """;

    private static readonly string Paid =
        $$"""
        "channel_trade_no":"2026010522001400001234567890","paid_at":"2026-01-05T08:01:30+00:00",
        "allocations":[{"account":"platform","role":"platform_fee","amount":15,"currency":"cny"},{"account":"{{ApiExamples.MerchantId}}","role":"merchant","amount":2485,"currency":"cny"}],
        """;

    public static string Payment { get; } = PaymentOf(ApiExamples.Method, ApiExamples.MethodChannel, "requires_action", QrCode);

    /// <summary>The create's answer when the channel had not answered within the wait: the next action comes later.</summary>
    public static string ProcessingPayment { get; } = PaymentOf(ApiExamples.Method, ApiExamples.MethodChannel, "processing", "");

    public static string ClosedPayment { get; } = PaymentOf(ApiExamples.Method, ApiExamples.MethodChannel, "closed", "");

    public static string CapturedPayment { get; } = PaymentOf(ApiExamples.CaptureMethod, ApiExamples.CaptureChannel, "succeeded", Paid, "manual");

    public static string Payments { get; } = List("v1/payments", PaymentOf(ApiExamples.Method, ApiExamples.MethodChannel, "succeeded", Paid), hasMore: true);

    public static string Timeline { get; } =
        $$"""
        {"object":"list","url":"/api/v1/payments/{{ApiExamples.PaymentId}}/timeline","data":[
        {"type":"payment.created","at":"2026-01-05T08:00:00+00:00","amount":2500,"currency":"cny","method":"{{ApiExamples.Method}}","merchant_order_id":"order-7421"},
        {"type":"routing.decided","at":"2026-01-05T08:00:00+00:00","objective":"success",
        "candidates":[{"channel_account":"{{ApiExamples.MethodChannel}}/main","priority":0,"weight":1,"rank":1,"success_estimate":0.9858,"latency_p95_ms":7,"score":0.9858}]},
        {"type":"channel.attempt","at":"2026-01-05T08:00:01+00:00","channel_account":"{{ApiExamples.MethodChannel}}/main","outcome":"placed"},
        {"type":"payment.paid","at":"2026-01-05T08:01:30+00:00","channel":"{{ApiExamples.MethodChannel}}","channel_trade_no":"2026010522001400001234567890"},
        {"type":"ledger.entry","at":"2026-01-05T08:01:30+00:00","entry":"je_{{ApiExamples.PaymentId}}_capture","kind":"payment_captured",
        "lines":[{"account":"test:channel_clearing:{{ApiExamples.MethodChannel}}","side":"debit","amount":2500,"currency":"cny"},
        {"account":"test:payable:platform","side":"credit","amount":15,"currency":"cny"},{"account":"payable:{{ApiExamples.MerchantId}}","side":"credit","amount":2485,"currency":"cny"}]},
        {"type":"payment.succeeded","at":"2026-01-05T08:01:31+00:00","status":"succeeded"},
        {"type":"webhook.delivery","at":"2026-01-05T08:01:32+00:00","status":"delivered","event_id":"evt_{{ApiExamples.PaymentId[4..]}}_succeeded",
        "event_type":"payment.succeeded","attempts":1,"last_response_code":200}],"has_more":false}
        """;

    public static string Refund { get; } =
        $$"""
        {"id":"{{ApiExamples.RefundId}}","object":"refund","payment":"{{ApiExamples.PaymentId}}","amount":100,"currency":"cny","status":"pending",
        "reason":"requested_by_customer","created_at":"2026-01-05T09:00:00+00:00"}
        """;

    public static string Refunds { get; } = List($"v1/payments/{ApiExamples.PaymentId}/refunds", Refund, hasMore: false);

    public static string Settlements { get; } = List(
        "v1/settlements",
        $$"""
        {"id":"stl_20260105_{{ApiExamples.MerchantId}}_cny","object":"settlement","account":"{{ApiExamples.MerchantId}}","amount":2385,"currency":"cny",
        "settlement_date":"2026-01-05","cutoff_at":"2026-01-05T16:00:00+00:00","journal_entry_id":"je_stl_20260105_{{ApiExamples.MerchantId}}_cny",
        "created_at":"2026-01-06T02:00:00+00:00"}
        """,
        hasMore: true);

    public static string Balance { get; } =
        """{"object":"balance","pending_settlement":[],"in_transit":[{"amount":2385,"currency":"cny"}],"held_for_review":[]}""";

    public static string Account { get; } = AccountOf("active", "");

    public static string DeactivatedAccount { get; } = AccountOf("inactive", ",\"deactivated_at\":\"2026-01-07T10:00:00+00:00\"");

    public static string Accounts { get; } = List("v1/accounts", Account, hasMore: false);

    /// <summary>A new key, the one answer that holds its secrets.</summary>
    public static string NewApiKey { get; } = ApiKeyOf(
        ApiExamples.ApiKeyId,
        "sk_test_4x9q",
        "active",
        ""","secret":"sk_test_4x9qk2m7v1c8b3n5z6r0t2w4y6p8d1fh","signing_secret":"pfsig_vh3k9qmz2pl7xr4tn8bc1df6gj0sw5ya2e6h8j4k","secret_redacted":false""");

    /// <summary>The key a roll issues; the rolled one keeps working until <c>expires_at</c>.</summary>
    public static string RolledApiKey { get; } = ApiKeyOf(
        "key_0mzq7a1b2c3d4e5f6g7h8i9j",
        "sk_test_8m2d",
        "active",
        ""","secret":"sk_test_8m2dv5x1q7c3b9n4z2r6t0w8y1p5k3gj","signing_secret":"pfsig_kp2mx8vq4nr1tz7bl3ch9dw5fj0sy6ga7c1m5n3q","secret_redacted":false""");

    public static string RevokedApiKey { get; } = ApiKeyOf(ApiExamples.ApiKeyId, "sk_test_4x9q", "revoked", ",\"revoked_at\":\"2026-01-07T10:00:00+00:00\"");

    public static string ApiKeys { get; } = List("v1/api_keys", ApiKeyOf(ApiExamples.ApiKeyId, "sk_test_4x9q", "active", ""), hasMore: false);

    public static string Store { get; } =
        $$"""
        {"id":"{{ApiExamples.StoreId}}","object":"store","name":"Corner Cafe","amount":1500,"currency":"cny","code_url":"https://payments.example/api/s/{{ApiExamples.StoreCode}}",
        "qr_png_url":"https://payments.example/api/v1/stores/{{ApiExamples.StoreId}}/qr.png","qr_svg_url":"https://payments.example/api/v1/stores/{{ApiExamples.StoreId}}/qr.svg",
        "created_at":"2026-01-05T07:30:00+00:00"}
        """;

    public static string Stores { get; } = List("v1/stores", Store, hasMore: false);

    public static string RoutingPolicy { get; } = """{"object":"routing_policy","objective":"success","utc_offset":"+00:00","rules":[],"fees":[]}""";

    public static string ChannelAccounts { get; } = List(
        "v1/channel_accounts",
        $$"""
        {"object":"channel_account","channel_account":"{{ApiExamples.MethodChannel}}/main","channel":"{{ApiExamples.MethodChannel}}","account":"main","is_default":true,
        "methods":["{{ApiExamples.Method}}"],"currencies":["CNY"]}
        """,
        hasMore: false);

    public static string WebhookEndpoints { get; } = List("v1/webhook_endpoints", """{"object":"webhook_endpoint","url":"https://cafe.example/webhooks","livemode":false}""", hasMore: false);

    public static string TestDelivery { get; } =
        """
        {"id":"evt_0mzq8b4d6f8h0j2l4n6p8r0t_test","object":"webhook_delivery","type":"test.event","status":"delivered","attempts":1,"last_response_code":200,
        "last_attempt_at":"2026-01-05T10:00:00+00:00","delivered_at":"2026-01-05T10:00:00+00:00"}
        """;

    public static string Deliveries { get; } = List(
        "v1/webhook_endpoints/deliveries",
        $$"""
        {"id":"evt_{{ApiExamples.PaymentId[4..]}}_succeeded","object":"webhook_delivery","type":"payment.succeeded","subject":"{{ApiExamples.PaymentId}}",
        "status":"delivered","attempts":1,"last_response_code":200,"last_attempt_at":"2026-01-05T08:01:32+00:00","delivered_at":"2026-01-05T08:01:32+00:00"}
        """,
        hasMore: true);

    public static string Report { get; } = ReportOf(livemode: false);

    /// <summary>A report of the payments of <see cref="ApiExamples.Day"/> by method, as <c>format=json</c> writes it.</summary>
    public static string ReportOf(bool livemode) =>
        $$"""
        {"object":"report","group_by":"method","from":"{{ApiExamples.Day}}","to":"{{ApiExamples.Day}}","time_zone":"Asia/Shanghai","livemode":{{(livemode ? "true" : "false")}},
        "data":[{"key":"{{ApiExamples.Method}}","currency":"cny","payments":88,"succeeded":45,"failed":43,"success_rate":0.5114,"amount":55296,"refunds":3,"refunded_amount":1150,"fees":332}]}
        """;

    /// <summary>The rows of <see cref="ReportOf"/> as <c>format=csv</c> writes them (RFC 4180: CRLF after every line).</summary>
    public static string ReportCsv { get; } = $"{Domain.Reports.ReportCsv.Header}\r\n{ApiExamples.Method},cny,88,45,43,0.5114,55296,3,1150,332\r\n";

    public static string RiskRule { get; } = RiskRuleOf("merchant");

    public static string RiskRules { get; } = List("v1/risk/rules", RiskRule, hasMore: false);

    public static string DeletedRiskRule { get; } = $$"""{"id":"{{ApiExamples.RiskRuleId}}","object":"risk_rule","deleted":true}""";

    /// <summary>The rule of <see cref="ApiExamples.RiskRule"/> as stored: its fields around the id, owner and times.</summary>
    public static string RiskRuleOf(string scope) =>
        $$"""
        {"id":"{{ApiExamples.RiskRuleId}}","object":"risk_rule","scope":"{{scope}}","kind":"list","action":"review","stages":["before_channel","on_result"],
        "field":"payer_id","values":["payer-under-watch"],"created_at":"2026-01-05T07:45:00+00:00","updated_at":"2026-01-05T07:45:00+00:00"}
        """;

    /// <summary>A page as the list endpoints write it, with its one item.</summary>
    public static string List(string route, string item, bool hasMore) =>
        $$"""{"object":"list","url":"/api/{{route}}","data":[{{item}}],"has_more":{{(hasMore ? "true" : "false")}}}""";

    private static string PaymentOf(string method, string channel, string status, string details, string captureMethod = "automatic") =>
        $$"""
        {"id":"{{ApiExamples.PaymentId}}","object":"payment","amount":2500,"currency":"cny","status":"{{status}}","method":"{{method}}",
        "channel":"{{channel}}","channel_account":"main","merchant_order_id":"order-7421","description":"Latte",
        "created_at":"2026-01-05T08:00:00+00:00","expires_at":"2026-01-05T08:15:00+00:00",
        {{details}}"livemode":false,"capture_method":"{{captureMethod}}"}
        """;

    private static string AccountOf(string status, string deactivated) =>
        $$"""
        {"id":"{{ApiExamples.AccountId}}","object":"account","type":"individual","name":"Wang Fang Courier","status":"{{status}}",
        "payout_method":{"type":"bank_account","bank_account":{"bank_name":"ICBC","last4":"3445"} },"payouts_enabled":true,
        "created_at":"2026-01-05T07:00:00+00:00"{{deactivated}}}
        """;

    private static string ApiKeyOf(string id, string prefix, string status, string rest) =>
        $$"""
        {"id":"{{id}}","object":"api_key","name":"reporting","prefix":"{{prefix}}","scopes":["read"],"signature_required":false,"status":"{{status}}",
        "created_at":"2026-01-05T07:15:00+00:00"{{rest}}}
        """;
}

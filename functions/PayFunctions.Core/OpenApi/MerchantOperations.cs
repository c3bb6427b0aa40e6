using PayFunctions.Core.Accounts;
using PayFunctions.Core.Http;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Reports;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Stores;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.OpenApi;

/// <summary>The merchant's own operations: what its keys and tokens call.</summary>
internal static class MerchantOperations
{
    private static readonly string Payment =
        $$"""{"amount":2500,"currency":"cny","method":"{{ApiExamples.Method}}","merchant_order_id":"order-7421","description":"Latte"}""";

    private static readonly ApiParameter[] ReportQuery =
    [
        new("from", "The first day, yyyy-MM-dd (default: 30 days ago).", ApiExamples.Day),
        new("to", "The last day, yyyy-MM-dd (default: today).", ApiExamples.Day),
        new("group_by", "method, channel, hour, weekday, region or day.", "method"),
        new("format", "json (default) or csv.", "json"),
    ];

    public static IReadOnlyDictionary<string, ApiOperation> All { get; } = new Dictionary<string, ApiOperation>(StringComparer.Ordinal)
    {
        ["CreatePayment"] = new(ApiTags.Payments, "Create a payment")
        {
            Description = "Routes the payment to a channel account and places its order. Answers 201 with the next action once the channel answered "
                + "within the wait the merchant prefers (`Prefer: wait=N`), else 202 with the payment as it is and its URL in `Location`.",
            Request = ApiContent.Json<CreatePaymentRequest>(Payment),
            Status = 201,
            Response = ApiContent.Json<PaymentResource>(MerchantExamples.Payment),
            OtherResponses = new Dictionary<int, ApiContent> { [202] = ApiContent.Json<PaymentResource>(MerchantExamples.ProcessingPayment) },
            Problems =
            [
                "merchant_order_id_in_use", "payment_method_unavailable", "no_route_available", "payment_code_unrecognized", "account_missing",
                "account_inactive", "split_recipient_blocked", "fx_rates_unavailable",
            ],
            Headers =
            [
                new(
                    "Prefer",
                    $"RFC 7240: `wait=N` lets the create wait up to N seconds (0 to {PreferWait.MaxSeconds}) for the channel, `respond-async` not at all; "
                        + $"without it, {PreferWait.Default.TotalSeconds:0} s. Not ready in time: `202` with the payment `processing` and `Preference-Applied`.",
                    "wait=5"),
            ],
            Idempotent = true,
        },
        ["ListPayments"] = new(ApiTags.Payments, "List payments")
        {
            Description = "Newest first.",
            Response = ApiContent.Json<PaymentEndpoints.PaymentList>(MerchantExamples.Payments),
            Paginated = true,
            Query = [new("status", "Only payments in this status.", "succeeded")],
        },
        ["GetPayment"] = new(ApiTags.Payments, "Retrieve a payment") { Response = ApiContent.Json<PaymentResource>(MerchantExamples.Payment), PathExample = ApiExamples.PaymentId },
        ["ClosePayment"] = new(ApiTags.Payments, "Close an unpaid payment")
        {
            Description = "Closes the order at its channel, or releases an authorized payment's hold. Closing a closed payment answers it as it is.",
            Response = ApiContent.Json<PaymentResource>(MerchantExamples.ClosedPayment),
            Problems = ["payment_unexpected_state", "payment_close_unsupported"],
            PathExample = ApiExamples.PaymentId,
        },
        ["CapturePayment"] = new(ApiTags.Payments, "Capture an authorized payment")
        {
            Description = "Takes the money the channel holds for a payment placed with `capture_method: manual`.",
            Response = ApiContent.Json<PaymentResource>(MerchantExamples.CapturedPayment),
            Problems = ["payment_unexpected_state"],
            PathExample = ApiExamples.PaymentId,
        },
        ["GetPaymentTimeline"] = new(ApiTags.Payments, "A payment's timeline")
        {
            Description = "Every step the payment took, oldest first.",
            Response = ApiContent.Json<PaymentTimelineList>(MerchantExamples.Timeline),
            PathExample = ApiExamples.PaymentId,
        },
        ["CreateRefund"] = new(ApiTags.Refunds, "Refund a payment")
        {
            Description = "Without an amount, refunds what is left of the payment.",
            Request = ApiContent.Json<CreateRefundRequest>("""{"amount":100,"reason":"requested_by_customer"}"""),
            BodyOptional = true,
            Status = 201,
            Response = ApiContent.Json<RefundResource>(MerchantExamples.Refund),
            Problems = ["payment_unexpected_state", "payment_under_review", "amount_too_large", "refund_limit_reached", "refund_unsupported"],
            Idempotent = true,
            PathExample = ApiExamples.PaymentId,
        },
        ["ListRefunds"] = new(ApiTags.Refunds, "List a payment's refunds")
        {
            Response = ApiContent.Json<RefundEndpoints.RefundList>(MerchantExamples.Refunds),
            Paginated = true,
            PathExample = ApiExamples.PaymentId,
        },
        ["GetRefund"] = new(ApiTags.Refunds, "Retrieve a refund") { Response = ApiContent.Json<RefundResource>(MerchantExamples.Refund), PathExample = ApiExamples.RefundId },
        ["ListSettlements"] = new(ApiTags.Balance, "List settlements") { Response = ApiContent.Json<SettlementEndpoints.SettlementList>(MerchantExamples.Settlements) },
        ["GetBalance"] = new(ApiTags.Balance, "Retrieve the balance")
        {
            Description = "What is owed and not yet settled, what is paid out but not yet arrived, and what is held while risk reviews a payment, per currency.",
            Response = ApiContent.Json<BalanceEndpoint.BalanceResource>(MerchantExamples.Balance),
        },
        ["CreateAccount"] = new(ApiTags.Accounts, "Create a connected account")
        {
            Request = ApiContent.Json<CreateAccountRequest>(
                """{"type":"individual","name":"Wang Fang Courier","payout_method":{"type":"bank_account","bank_account":{"account_holder_name":"Wang Fang","bank_name":"ICBC","account_number":"6222020200112233445"}}}"""),
            Status = 201,
            Response = ApiContent.Json<AccountResource>(MerchantExamples.Account),
            Idempotent = true,
        },
        ["ListAccounts"] = new(ApiTags.Accounts, "List connected accounts")
        {
            Response = ApiContent.Json<AccountEndpoints.AccountList>(MerchantExamples.Accounts),
            Paginated = true,
        },
        ["GetAccount"] = new(ApiTags.Accounts, "Retrieve a connected account") { Response = ApiContent.Json<AccountResource>(MerchantExamples.Account), PathExample = ApiExamples.AccountId },
        ["DeactivateAccount"] = new(ApiTags.Accounts, "Deactivate a connected account")
        {
            Description = "Stops new splits to it; what it is already owed is still settled.",
            Response = ApiContent.Json<AccountResource>(MerchantExamples.DeactivatedAccount),
            PathExample = ApiExamples.AccountId,
        },
        ["CreateApiKey"] = new(ApiTags.ApiKeys, "Create an API key")
        {
            Description = "The secret and the signing secret are shown in this answer only.",
            Request = ApiContent.Json<CreateApiKeyRequest>("""{"name":"reporting","scopes":["read"]}"""),
            BodyOptional = true,
            Status = 201,
            Response = ApiContent.Json<ApiKeyResource>(MerchantExamples.NewApiKey),
            Idempotent = true,
        },
        ["ListApiKeys"] = new(ApiTags.ApiKeys, "List API keys")
        {
            Response = ApiContent.Json<ApiKeyEndpoints.ApiKeyList>(MerchantExamples.ApiKeys),
            Paginated = true,
        },
        ["RollApiKey"] = new(ApiTags.ApiKeys, "Roll an API key")
        {
            Description = "Issues a new key with the same scopes; the old one keeps working for `expires_in_seconds` (0: stops at once).",
            Request = ApiContent.Json<RollApiKeyRequest>("""{"expires_in_seconds":3600}"""),
            BodyOptional = true,
            Status = 201,
            Response = ApiContent.Json<ApiKeyResource>(MerchantExamples.RolledApiKey),
            Problems = ["api_key_unexpected_state"],
            Idempotent = true,
            PathExample = ApiExamples.ApiKeyId,
        },
        ["RevokeApiKey"] = new(ApiTags.ApiKeys, "Revoke an API key")
        {
            Response = ApiContent.Json<ApiKeyResource>(MerchantExamples.RevokedApiKey),
            Problems = ["api_key_last_usable"],
            PathExample = ApiExamples.ApiKeyId,
        },
        ["CreateStore"] = new(ApiTags.Stores, "Create a store code")
        {
            Request = ApiContent.Json<CreateStoreRequest>("""{"name":"Corner Cafe","amount":1500,"currency":"cny"}"""),
            Status = 201,
            Response = ApiContent.Json<StoreResource>(MerchantExamples.Store),
            Idempotent = true,
        },
        ["ListStores"] = new(ApiTags.Stores, "List store codes")
        {
            Response = ApiContent.Json<StoreEndpoints.StoreList>(MerchantExamples.Stores),
            Paginated = true,
        },
        ["GetStore"] = new(ApiTags.Stores, "Retrieve a store code") { Response = ApiContent.Json<StoreResource>(MerchantExamples.Store), PathExample = ApiExamples.StoreId },
        ["GetStoreQrPng"] = new(ApiTags.Stores, "A store code's QR image (PNG)") { Response = ApiContent.Binary("image/png"), PathExample = ApiExamples.StoreId },
        ["GetStoreQrSvg"] = new(ApiTags.Stores, "A store code's QR image (SVG)") { Response = ApiContent.Binary("image/svg+xml"), PathExample = ApiExamples.StoreId },
        ["GetRoutingPolicy"] = new(ApiTags.Routing, "Retrieve the routing policy") { Response = ApiContent.Json<RoutingPolicyBody>(MerchantExamples.RoutingPolicy) },
        ["SetRoutingPolicy"] = new(ApiTags.Routing, "Replace the routing policy")
        {
            Description = "Replaces the whole policy; sending the same body again changes nothing.",
            Request = ApiContent.Json<RoutingPolicyBody>("""{"objective":"success","utc_offset":"+00:00","rules":[],"fees":[]}"""),
            Response = ApiContent.Json<RoutingPolicyBody>(MerchantExamples.RoutingPolicy),
            Problems = ["routing_policy_too_large"],
            Idempotent = true,
        },
        ["ListChannelAccounts"] = new(ApiTags.Routing, "List the channel accounts routing may choose")
        {
            Response = ApiContent.Json<RoutingEndpoints.ChannelAccountList>(MerchantExamples.ChannelAccounts),
        },
        ["ListRiskRules"] = new(ApiTags.RiskRules, "List the merchant's risk rules") { Response = RiskRuleSchemas.List.WithExample(MerchantExamples.RiskRules) },
        ["CreateRiskRule"] = new(ApiTags.RiskRules, "Create a risk rule")
        {
            Request = ApiContent.Json<RiskRuleDraft>(ApiExamples.RiskRule),
            Status = 201,
            Response = RiskRuleSchemas.Rule.WithExample(MerchantExamples.RiskRule),
            Problems = ["risk_rule_too_large", "risk_rules_limit_reached"],
            Idempotent = true,
        },
        ["UpdateRiskRule"] = new(ApiTags.RiskRules, "Replace a risk rule")
        {
            Request = ApiContent.Json<RiskRuleDraft>(ApiExamples.RiskRule),
            Response = RiskRuleSchemas.Rule.WithExample(MerchantExamples.RiskRule),
            Problems = ["risk_rule_too_large"],
            Idempotent = true,
            PathExample = ApiExamples.RiskRuleId,
        },
        ["DeleteRiskRule"] = new(ApiTags.RiskRules, "Delete a risk rule") { Response = RiskRuleSchemas.Deleted.WithExample(MerchantExamples.DeletedRiskRule), PathExample = ApiExamples.RiskRuleId },
        ["ListWebhookEndpoints"] = new(ApiTags.Webhooks, "List webhook endpoints") { Response = ApiContent.Json<WebhookEndpointList>(MerchantExamples.WebhookEndpoints) },
        ["SendTestWebhook"] = new(ApiTags.Webhooks, "Send a test event")
        {
            Description = "Delivers a signed test event to the merchant's endpoint now and answers the delivery.",
            Request = ApiContent.Json<EmptyBody>("{}"),
            BodyOptional = true,
            Response = ApiContent.Json<WebhookDeliveryResource>(MerchantExamples.TestDelivery),
            Problems = ["webhook_endpoint_missing"],
            Idempotent = true,
        },
        ["ListWebhookDeliveries"] = new(ApiTags.Webhooks, "List webhook deliveries")
        {
            Response = ApiContent.Json<WebhookDeliveryList>(MerchantExamples.Deliveries),
            Paginated = true,
        },
        ["GetPaymentReport"] = new(ApiTags.Reports, "The merchant's payments report")
        {
            Description = "With `format=csv` the same rows come as CSV.",
            Response = ApiContent.Json<ReportEndpoints.ReportResource>(MerchantExamples.Report),
            AlsoAs = [ApiContent.Text("text/csv", MerchantExamples.ReportCsv)],
            Query = ReportQuery,
        },
    };

    /// <summary>A body with nothing in it, for routes that take <c>{}</c> or nothing.</summary>
    internal sealed record EmptyBody;
}

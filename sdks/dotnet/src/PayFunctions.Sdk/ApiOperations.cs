using System.Collections.Frozen;

namespace PayFunctions;

/// <summary>The one place that maps each operation of the API's OpenAPI document (its <c>operationId</c>) to the SDK
/// method that calls it, as <c>Resource.Method</c> on <see cref="PayFunctionsClient"/>.</summary>
public static class ApiOperations
{
    /// <summary>operationId → <c>Resource.Method</c>.</summary>
    public static readonly FrozenDictionary<string, string> Methods = new Dictionary<string, string>
    {
        ["CreatePayment"] = "Payments.CreateAsync",
        ["ListPayments"] = "Payments.ListAsync",
        ["GetPayment"] = "Payments.GetAsync",
        ["ClosePayment"] = "Payments.CloseAsync",
        ["CapturePayment"] = "Payments.CaptureAsync",
        ["GetPaymentTimeline"] = "Payments.GetTimelineAsync",
        ["CreateRefund"] = "Refunds.CreateAsync",
        ["ListRefunds"] = "Refunds.ListAsync",
        ["GetRefund"] = "Refunds.GetAsync",
        ["CreateAccount"] = "Accounts.CreateAsync",
        ["ListAccounts"] = "Accounts.ListAsync",
        ["GetAccount"] = "Accounts.GetAsync",
        ["DeactivateAccount"] = "Accounts.DeactivateAsync",
        ["CreateApiKey"] = "ApiKeys.CreateAsync",
        ["ListApiKeys"] = "ApiKeys.ListAsync",
        ["RollApiKey"] = "ApiKeys.RollAsync",
        ["RevokeApiKey"] = "ApiKeys.RevokeAsync",
        ["CreateStore"] = "Stores.CreateAsync",
        ["ListStores"] = "Stores.ListAsync",
        ["GetStore"] = "Stores.GetAsync",
        ["GetStoreQrPng"] = "Stores.GetQrPngAsync",
        ["GetStoreQrSvg"] = "Stores.GetQrSvgAsync",
        ["GetRoutingPolicy"] = "RoutingPolicy.GetAsync",
        ["SetRoutingPolicy"] = "RoutingPolicy.UpdateAsync",
        ["ListChannelAccounts"] = "ChannelAccounts.ListAsync",
        ["ListSettlements"] = "Settlements.ListAsync",
        ["GetBalance"] = "Balance.GetAsync",
        ["ListWebhookEndpoints"] = "WebhookEndpoints.ListAsync",
        ["SendTestWebhook"] = "WebhookEndpoints.SendTestAsync",
        ["ListWebhookDeliveries"] = "WebhookEndpoints.ListDeliveriesAsync",
        ["GetPaymentReport"] = "Reports.GetPaymentReportAsync",
        ["ListRiskRules"] = "RiskRules.ListAsync",
        ["CreateRiskRule"] = "RiskRules.CreateAsync",
        ["UpdateRiskRule"] = "RiskRules.UpdateAsync",
        ["DeleteRiskRule"] = "RiskRules.DeleteAsync",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}

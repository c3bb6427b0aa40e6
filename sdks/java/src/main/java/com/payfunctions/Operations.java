package com.payfunctions;

import java.util.Map;

/**
 * Every operation of the merchant API (its OpenAPI {@code operationId}) and the client method that calls it,
 * written {@code service.method}: {@code payments.create} is {@code client.payments().create(...)}.
 */
public final class Operations {
    public static final Map<String, String> METHODS = Map.ofEntries(
            Map.entry("CreatePayment", "payments.create"),
            Map.entry("ListPayments", "payments.list"),
            Map.entry("GetPayment", "payments.retrieve"),
            Map.entry("ClosePayment", "payments.close"),
            Map.entry("CapturePayment", "payments.capture"),
            Map.entry("GetPaymentTimeline", "payments.timeline"),
            Map.entry("CreateRefund", "refunds.create"),
            Map.entry("ListRefunds", "refunds.list"),
            Map.entry("GetRefund", "refunds.retrieve"),
            Map.entry("CreateAccount", "accounts.create"),
            Map.entry("ListAccounts", "accounts.list"),
            Map.entry("GetAccount", "accounts.retrieve"),
            Map.entry("DeactivateAccount", "accounts.deactivate"),
            Map.entry("CreateApiKey", "apiKeys.create"),
            Map.entry("ListApiKeys", "apiKeys.list"),
            Map.entry("RollApiKey", "apiKeys.roll"),
            Map.entry("RevokeApiKey", "apiKeys.revoke"),
            Map.entry("CreateStore", "stores.create"),
            Map.entry("ListStores", "stores.list"),
            Map.entry("GetStore", "stores.retrieve"),
            Map.entry("GetStoreQrPng", "stores.qrPng"),
            Map.entry("GetStoreQrSvg", "stores.qrSvg"),
            Map.entry("GetRoutingPolicy", "routing.retrieve"),
            Map.entry("SetRoutingPolicy", "routing.update"),
            Map.entry("ListChannelAccounts", "channelAccounts.list"),
            Map.entry("ListSettlements", "settlements.list"),
            Map.entry("GetBalance", "balance.retrieve"),
            Map.entry("ListWebhookEndpoints", "webhookEndpoints.list"),
            Map.entry("SendTestWebhook", "webhookEndpoints.sendTest"),
            Map.entry("ListWebhookDeliveries", "webhookEndpoints.listDeliveries"),
            Map.entry("GetPaymentReport", "reports.payments"),
            Map.entry("ListRiskRules", "riskRules.list"),
            Map.entry("CreateRiskRule", "riskRules.create"),
            Map.entry("UpdateRiskRule", "riskRules.update"),
            Map.entry("DeleteRiskRule", "riskRules.delete"));

    private Operations() {
    }
}

"""The coverage table: each operation of the API (by operationId) and the method that calls it.

A test compares it with the host's OpenAPI document, so an operation without a method, or a
method whose operation is gone, fails the build.
"""

from typing import Dict

OPERATIONS: Dict[str, str] = {
    "CreatePayment": "payments.create",
    "ListPayments": "payments.list",
    "GetPayment": "payments.retrieve",
    "ClosePayment": "payments.close",
    "CapturePayment": "payments.capture",
    "GetPaymentTimeline": "payments.timeline",
    "CreateRefund": "refunds.create",
    "ListRefunds": "refunds.list",
    "GetRefund": "refunds.retrieve",
    "CreateAccount": "accounts.create",
    "ListAccounts": "accounts.list",
    "GetAccount": "accounts.retrieve",
    "DeactivateAccount": "accounts.deactivate",
    "CreateApiKey": "api_keys.create",
    "ListApiKeys": "api_keys.list",
    "RollApiKey": "api_keys.roll",
    "RevokeApiKey": "api_keys.revoke",
    "CreateStore": "stores.create",
    "ListStores": "stores.list",
    "GetStore": "stores.retrieve",
    "GetStoreQrPng": "stores.qr_png",
    "GetStoreQrSvg": "stores.qr_svg",
    "GetRoutingPolicy": "routing.retrieve",
    "SetRoutingPolicy": "routing.set",
    "ListChannelAccounts": "channel_accounts.list",
    "ListSettlements": "settlements.list",
    "GetBalance": "balance.retrieve",
    "ListWebhookEndpoints": "webhook_endpoints.list",
    "SendTestWebhook": "webhook_endpoints.send_test",
    "ListWebhookDeliveries": "webhook_endpoints.list_deliveries",
    "GetPaymentReport": "reports.payments",
    "ListRiskRules": "risk_rules.list",
    "CreateRiskRule": "risk_rules.create",
    "UpdateRiskRule": "risk_rules.update",
    "DeleteRiskRule": "risk_rules.delete",
}

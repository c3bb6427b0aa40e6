<?php

declare(strict_types=1);

namespace PayFunctions;

/**
 * Which method of the client calls each operation of the API's OpenAPI document (by operationId).
 * A test compares it with the document a running host serves, so an operation without a method fails it.
 */
final class OperationMap
{
    /** @var array<string, array{string, string}> operationId => [client property, method] */
    public const METHODS = [
        'CreatePayment' => ['payments', 'create'],
        'ListPayments' => ['payments', 'all'],
        'GetPayment' => ['payments', 'retrieve'],
        'ClosePayment' => ['payments', 'close'],
        'CapturePayment' => ['payments', 'capture'],
        'GetPaymentTimeline' => ['payments', 'timeline'],
        'CreateRefund' => ['refunds', 'create'],
        'ListRefunds' => ['refunds', 'all'],
        'GetRefund' => ['refunds', 'retrieve'],
        'CreateAccount' => ['accounts', 'create'],
        'ListAccounts' => ['accounts', 'all'],
        'GetAccount' => ['accounts', 'retrieve'],
        'DeactivateAccount' => ['accounts', 'deactivate'],
        'CreateApiKey' => ['apiKeys', 'create'],
        'ListApiKeys' => ['apiKeys', 'all'],
        'RollApiKey' => ['apiKeys', 'roll'],
        'RevokeApiKey' => ['apiKeys', 'revoke'],
        'CreateStore' => ['stores', 'create'],
        'ListStores' => ['stores', 'all'],
        'GetStore' => ['stores', 'retrieve'],
        'GetStoreQrPng' => ['stores', 'qrPng'],
        'GetStoreQrSvg' => ['stores', 'qrSvg'],
        'GetRoutingPolicy' => ['routing', 'retrieve'],
        'SetRoutingPolicy' => ['routing', 'update'],
        'ListChannelAccounts' => ['channelAccounts', 'all'],
        'ListSettlements' => ['settlements', 'all'],
        'GetBalance' => ['balance', 'retrieve'],
        'ListWebhookEndpoints' => ['webhookEndpoints', 'all'],
        'SendTestWebhook' => ['webhookEndpoints', 'sendTest'],
        'ListWebhookDeliveries' => ['webhookEndpoints', 'allDeliveries'],
        'GetPaymentReport' => ['reports', 'payments'],
        'ListRiskRules' => ['riskRules', 'all'],
        'CreateRiskRule' => ['riskRules', 'create'],
        'UpdateRiskRule' => ['riskRules', 'update'],
        'DeleteRiskRule' => ['riskRules', 'delete'],
    ];
}

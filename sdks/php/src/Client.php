<?php

declare(strict_types=1);

namespace PayFunctions;

use PayFunctions\HttpClient\CurlClient;
use PayFunctions\HttpClient\HttpClientInterface;
use PayFunctions\Service\AccountService;
use PayFunctions\Service\ApiKeyService;
use PayFunctions\Service\BalanceService;
use PayFunctions\Service\ChannelAccountService;
use PayFunctions\Service\PaymentService;
use PayFunctions\Service\RefundService;
use PayFunctions\Service\ReportService;
use PayFunctions\Service\RiskRuleService;
use PayFunctions\Service\RoutingService;
use PayFunctions\Service\SettlementService;
use PayFunctions\Service\StoreService;
use PayFunctions\Service\WebhookEndpointService;

/**
 * The client of the PayFunctions merchant API, with one service per resource:
 *
 *     $client = new \PayFunctions\Client('sk_test_…');
 *     $payment = $client->payments->create(['amount' => 1234, 'currency' => 'cny', 'method' => 'wechat_pay.native']);
 */
final class Client
{
    public const VERSION = '0.1.0';
    public const DEFAULT_BASE_URL = 'http://127.0.0.1:7071/api';
    public const DEFAULT_MAX_RETRIES = 2;
    public const DEFAULT_TIMEOUT = 80.0;

    private const OPTIONS = ['api_key', 'base_url', 'max_retries', 'timeout', 'http_client', 'retry_policy', 'sleeper'];

    public readonly PaymentService $payments;
    public readonly RefundService $refunds;
    public readonly AccountService $accounts;
    public readonly ApiKeyService $apiKeys;
    public readonly StoreService $stores;
    public readonly RoutingService $routing;
    public readonly ChannelAccountService $channelAccounts;
    public readonly SettlementService $settlements;
    public readonly BalanceService $balance;
    public readonly WebhookEndpointService $webhookEndpoints;
    public readonly ReportService $reports;
    public readonly RiskRuleService $riskRules;

    /**
     * @param string|array<string, mixed> $config the API key, or the options:
     *   - `api_key` (required): a merchant's `sk_test_…` or `sk_live_…` key;
     *   - `base_url`: the API's root, default {@see DEFAULT_BASE_URL};
     *   - `max_retries`: retries after a retryable failure, default 2;
     *   - `timeout`: seconds per attempt, default 80;
     *   - `http_client`: an {@see HttpClientInterface} to send requests with, default curl;
     *   - `retry_policy`: a {@see RetryPolicy}, to supply the jitter's randomness or the clock;
     *   - `sleeper`: a callable(float $seconds) that waits between attempts, default usleep.
     */
    public function __construct(string|array $config)
    {
        $config = is_string($config) ? ['api_key' => $config] : $config;
        $unknown = array_diff(array_keys($config), self::OPTIONS);
        if ($unknown !== []) {
            throw new \InvalidArgumentException('Unknown client options: ' . implode(', ', $unknown));
        }
        $apiKey = $config['api_key'] ?? null;
        if (!is_string($apiKey) || $apiKey === '') {
            throw new \InvalidArgumentException('An API key is required (api_key).');
        }
        $maxRetries = (int) ($config['max_retries'] ?? self::DEFAULT_MAX_RETRIES);
        if ($maxRetries < 0) {
            throw new \InvalidArgumentException('max_retries must not be negative.');
        }

        $requestor = new ApiRequestor(
            $apiKey,
            (string) ($config['base_url'] ?? self::DEFAULT_BASE_URL),
            $maxRetries,
            (float) ($config['timeout'] ?? self::DEFAULT_TIMEOUT),
            $config['http_client'] ?? new CurlClient(),
            $config['retry_policy'] ?? new RetryPolicy(),
            $config['sleeper'] ?? null,
        );

        $this->payments = new PaymentService($requestor);
        $this->refunds = new RefundService($requestor);
        $this->accounts = new AccountService($requestor);
        $this->apiKeys = new ApiKeyService($requestor);
        $this->stores = new StoreService($requestor);
        $this->routing = new RoutingService($requestor);
        $this->channelAccounts = new ChannelAccountService($requestor);
        $this->settlements = new SettlementService($requestor);
        $this->balance = new BalanceService($requestor);
        $this->webhookEndpoints = new WebhookEndpointService($requestor);
        $this->reports = new ReportService($requestor);
        $this->riskRules = new RiskRuleService($requestor);
    }
}

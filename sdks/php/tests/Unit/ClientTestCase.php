<?php

declare(strict_types=1);

namespace PayFunctions\Tests\Unit;

use PayFunctions\Client;
use PayFunctions\RetryPolicy;
use PayFunctions\Tests\Support\ScriptedServer;
use PHPUnit\Framework\TestCase;

/**
 * Runs a client against a scripted loopback server; waits are recorded instead of slept.
 */
abstract class ClientTestCase extends TestCase
{
    protected const API_KEY = 'sk_test_unit_0000000000000000000000';
    protected const UUID_V4 = '/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/';

    /** @var list<ScriptedServer> */
    private array $servers = [];

    /** @var list<float> the waits the client asked for, in order */
    protected array $sleeps = [];

    protected function tearDown(): void
    {
        foreach ($this->servers as $server) {
            $server->stop();
        }
        $this->servers = [];
    }

    /** @param list<array<string, mixed>> $steps */
    protected function serve(array $steps, int $port = 0): ScriptedServer
    {
        return $this->servers[] = new ScriptedServer($steps, $port);
    }

    /**
     * @param array<string, mixed> $options
     * @param (callable(float): void)|null $onSleep also called on each wait
     */
    protected function client(string $baseUrl, array $options = [], ?callable $onSleep = null): Client
    {
        return new Client($options + [
            'api_key' => self::API_KEY,
            'base_url' => $baseUrl,
            'timeout' => 5,
            'retry_policy' => new RetryPolicy(static fn (): float => 0.5),
            'sleeper' => function (float $seconds) use ($onSleep): void {
                $this->sleeps[] = $seconds;
                if ($onSleep !== null) {
                    $onSleep($seconds);
                }
            },
        ]);
    }

    /** @return array<string, mixed> */
    protected static function payment(string $id = 'pay_1'): array
    {
        return [
            'id' => $id, 'object' => 'payment', 'amount' => 1234, 'currency' => 'cny', 'status' => 'requires_action',
            'method' => 'wechat_pay.native', 'merchant_order_id' => 'order-1', 'created_at' => '2026-01-01T00:00:00Z',
        ];
    }

    /** @return array<string, mixed> */
    protected static function problem(int $status, string $code, ?string $param = null): array
    {
        return [
            'type' => "https://payfunctions.dev/problems/$code", 'title' => 'Problem', 'status' => $status,
            'code' => $code, 'param' => $param, 'detail' => "Detail of $code",
        ];
    }
}

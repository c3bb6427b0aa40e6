<?php

declare(strict_types=1);

namespace PayFunctions\Tests\Unit;

use PayFunctions\Exception\ApiConnectionException;
use PayFunctions\Exception\ApiException;
use PayFunctions\Exception\ConflictException;
use PayFunctions\Exception\RateLimitException;
use PayFunctions\Model\Payment;
use PayFunctions\Tests\Support\ScriptedServer;

/**
 * The contract's retries: what is retried, how long the client waits, and the idempotency key kept across attempts.
 */
final class RetryTest extends ClientTestCase
{
    private const CREATE = ['amount' => 1234, 'currency' => 'cny', 'method' => 'wechat_pay.native'];

    public function testWaitsWhatRetryAfterAsksThenSucceedsWithTheSameKey(): void
    {
        $server = $this->serve([
            ScriptedServer::json(429, self::problem(429, 'rate_limited'), ['Retry-After' => '3']),
            ScriptedServer::json(201, self::payment()),
        ]);

        $payment = $this->client($server->url())->payments->create(self::CREATE);

        $this->assertInstanceOf(Payment::class, $payment);
        $this->assertSame(1234, $payment->amount);
        $this->assertSame([3.0], $this->sleeps);
        $requests = $server->requests();
        $this->assertCount(2, $requests);
        $key = $requests[0]['headers']['idempotency-key'];
        $this->assertMatchesRegularExpression(self::UUID_V4, $key);
        $this->assertSame($key, $requests[1]['headers']['idempotency-key']);
        $this->assertSame($requests[0]['body'], $requests[1]['body']);
    }

    public function testReadsRetryAfterAsAnHttpDate(): void
    {
        $date = gmdate('D, d M Y H:i:s \G\M\T', time() + 30);
        $server = $this->serve([
            ScriptedServer::json(429, self::problem(429, 'rate_limited'), ['Retry-After' => $date]),
            ScriptedServer::json(200, self::payment()),
        ]);

        $this->client($server->url())->payments->retrieve('pay_1');

        $this->assertCount(1, $this->sleeps);
        $this->assertGreaterThanOrEqual(25.0, $this->sleeps[0]);
        $this->assertLessThanOrEqual(30.0, $this->sleeps[0]);
    }

    public function testCapsRetryAfterAtSixtySeconds(): void
    {
        $server = $this->serve([
            ScriptedServer::json(429, self::problem(429, 'rate_limited'), ['Retry-After' => '3600']),
            ScriptedServer::json(200, self::payment()),
        ]);

        $this->client($server->url())->payments->retrieve('pay_1');

        $this->assertSame([60.0], $this->sleeps);
    }

    public function testRetriesA503WithBackoffThenSucceeds(): void
    {
        $server = $this->serve([
            ScriptedServer::json(503, self::problem(503, 'service_unavailable')),
            ScriptedServer::json(201, self::payment()),
        ]);

        $payment = $this->client($server->url())->payments->create(self::CREATE);

        $this->assertSame('pay_1', $payment->id);
        $this->assertCount(1, $this->sleeps);
        // Retry 0 waits 0.5 s scaled by a factor in [0.5, 1]; the client's random source gives 0.5 here.
        $this->assertEqualsWithDelta(0.375, $this->sleeps[0], 1e-9);
        $requests = $server->requests();
        $this->assertCount(2, $requests);
        $this->assertSame($requests[0]['headers']['idempotency-key'], $requests[1]['headers']['idempotency-key']);
    }

    public function testRetriesAConflictOfAKeyStillInUseThenSucceeds(): void
    {
        $server = $this->serve([
            ScriptedServer::json(409, self::problem(409, 'idempotency_key_in_use')),
            ScriptedServer::json(201, self::payment()),
        ]);

        $this->client($server->url())->payments->create(self::CREATE);

        $requests = $server->requests();
        $this->assertCount(2, $requests);
        $this->assertSame($requests[0]['headers']['idempotency-key'], $requests[1]['headers']['idempotency-key']);
    }

    public function testDoesNotRetryAnyOtherConflict(): void
    {
        $server = $this->serve([
            ScriptedServer::json(409, self::problem(409, 'payment_not_closable')),
            ScriptedServer::json(200, self::payment()),
        ]);

        try {
            $this->client($server->url())->payments->close('pay_1');
            $this->fail('A conflict must raise');
        } catch (ConflictException $e) {
            $this->assertSame('payment_not_closable', $e->getErrorCode());
        }
        $this->assertCount(1, $server->requests());
    }

    public function testRetriesAfterTheConnectionIsDroppedWithTheSameKey(): void
    {
        $server = $this->serve([['action' => 'drop'], ScriptedServer::json(201, self::payment())]);

        $this->client($server->url())->payments->create(self::CREATE);

        $requests = $server->requests();
        $this->assertCount(2, $requests);
        $this->assertSame($requests[0]['headers']['idempotency-key'], $requests[1]['headers']['idempotency-key']);
        $this->assertCount(1, $this->sleeps);
    }

    public function testRetriesAfterATimeoutWithTheSameKey(): void
    {
        $server = $this->serve([['action' => 'hang'], ScriptedServer::json(201, self::payment())]);

        $this->client($server->url(), ['timeout' => 0.3])->payments->create(self::CREATE);

        $requests = $server->requests();
        $this->assertCount(2, $requests);
        $this->assertSame($requests[0]['headers']['idempotency-key'], $requests[1]['headers']['idempotency-key']);
    }

    public function testRetriesAfterTheConnectionIsRefused(): void
    {
        $port = ScriptedServer::freePort();
        $server = null;
        // Nothing listens at first; the server comes up while the client waits to retry.
        $client = $this->client("http://127.0.0.1:$port/api", [], function () use (&$server, $port): void {
            $server ??= $this->serve([ScriptedServer::json(200, self::payment())], $port);
        });

        $payment = $client->payments->retrieve('pay_1');

        $this->assertSame('pay_1', $payment->id);
        $this->assertCount(1, $this->sleeps);
        $this->assertCount(1, $server->requests());
    }

    public function testRaisesTheLastErrorOnceRetriesAreSpent(): void
    {
        $server = $this->serve(array_fill(0, 4, ScriptedServer::json(503, self::problem(503, 'service_unavailable'))));

        try {
            $this->client($server->url())->payments->create(self::CREATE);
            $this->fail('Spent retries must raise');
        } catch (ApiException $e) {
            $this->assertSame(503, $e->getHttpStatus());
            $this->assertSame('service_unavailable', $e->getErrorCode());
        }
        $this->assertCount(3, $server->requests(), 'one attempt and the default two retries');
        $this->assertCount(2, $this->sleeps);
    }

    public function testRaisesARateLimitErrorWhenRetriesAreOff(): void
    {
        $server = $this->serve([ScriptedServer::json(429, self::problem(429, 'rate_limited'), ['Retry-After' => '1'])]);

        $this->expectException(RateLimitException::class);
        try {
            $this->client($server->url(), ['max_retries' => 0])->balance->retrieve();
        } finally {
            $this->assertCount(1, $server->requests());
            $this->assertSame([], $this->sleeps);
        }
    }

    public function testRaisesAConnectionErrorOnceRetriesAreSpent(): void
    {
        $server = $this->serve(array_fill(0, 3, ['action' => 'drop']));

        $this->expectException(ApiConnectionException::class);
        try {
            $this->client($server->url())->payments->retrieve('pay_1');
        } finally {
            $this->assertCount(3, $server->requests());
        }
    }
}

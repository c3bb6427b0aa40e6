<?php

declare(strict_types=1);

namespace PayFunctions\Tests\Unit;

use PayFunctions\Client;
use PayFunctions\Exception\ApiErrorException;
use PayFunctions\Exception\ApiException;
use PayFunctions\Exception\AuthenticationException;
use PayFunctions\Exception\InvalidRequestException;
use PayFunctions\Exception\NotFoundException;
use PayFunctions\Exception\PayFunctionsException;
use PayFunctions\Exception\PermissionException;
use PayFunctions\Tests\Support\ScriptedServer;

/**
 * What the client sends, and how it reads answers and problems.
 */
final class RequestTest extends ClientTestCase
{
    public function testPostCarriesAuthenticationJsonAndAFreshKeyPerCall(): void
    {
        $server = $this->serve([ScriptedServer::json(201, self::payment()), ScriptedServer::json(201, self::payment())]);
        $client = $this->client($server->url());

        $client->payments->create(['amount' => 1234, 'currency' => 'cny', 'metadata' => ['a' => 'b']]);
        $client->payments->create(['amount' => 1234, 'currency' => 'cny']);

        [$first, $second] = $server->requests();
        $this->assertSame('POST', $first['method']);
        $this->assertSame('/api/v1/payments', $first['target']);
        $this->assertSame('Bearer ' . self::API_KEY, $first['headers']['authorization']);
        $this->assertSame('payfunctions-php/' . Client::VERSION, $first['headers']['user-agent']);
        $this->assertSame('application/json', $first['headers']['content-type']);
        $this->assertSame(['amount' => 1234, 'currency' => 'cny', 'metadata' => ['a' => 'b']], json_decode($first['body'], true));
        $this->assertMatchesRegularExpression(self::UUID_V4, $first['headers']['idempotency-key']);
        $this->assertNotSame($first['headers']['idempotency-key'], $second['headers']['idempotency-key']);
    }

    public function testGetCarriesNoIdempotencyKey(): void
    {
        $server = $this->serve([ScriptedServer::json(200, self::payment('pay_a/b'))]);

        $this->client($server->url())->payments->retrieve('pay_a/b');

        [$request] = $server->requests();
        $this->assertSame('GET', $request['method']);
        $this->assertSame('/api/v1/payments/pay_a%2Fb', $request['target']);
        $this->assertArrayNotHasKey('idempotency-key', $request['headers']);
        $this->assertSame('Bearer ' . self::API_KEY, $request['headers']['authorization']);
    }

    public function testUsesTheCallersIdempotencyKeyAsGiven(): void
    {
        $server = $this->serve([
            ScriptedServer::json(500, self::problem(500, 'internal_error')),
            ScriptedServer::json(201, ['id' => 're_1', 'object' => 'refund', 'amount' => 300, 'status' => 'pending']),
        ]);

        $refund = $this->client($server->url())->refunds->create('pay_1', ['amount' => 300], ['idempotency_key' => 'order-1001-refund']);

        $this->assertSame(300, $refund->amount);
        foreach ($server->requests() as $request) {
            $this->assertSame('order-1001-refund', $request['headers']['idempotency-key']);
            $this->assertSame('/api/v1/payments/pay_1/refunds', $request['target']);
        }
    }

    public function testPostWithoutParametersSendsNoBodyAndTheWaitPreference(): void
    {
        $server = $this->serve([ScriptedServer::json(200, self::payment()), ScriptedServer::json(202, self::payment())]);
        $client = $this->client($server->url());

        $client->payments->close('pay_1');
        $client->payments->create([], ['wait' => 0]);

        [$close, $create] = $server->requests();
        $this->assertSame('', $close['body']);
        $this->assertSame('{}', $create['body']);
        $this->assertSame('wait=0', $create['headers']['prefer']);
    }

    public function testABadRequestIsNotRetriedAndCarriesTheProblem(): void
    {
        $problem = self::problem(400, 'parameter_invalid', 'amount') + ['errors' => ['amount' => 'too small']];
        $server = $this->serve([ScriptedServer::json(400, $problem, ['Request-Id' => 'req_123'])]);

        try {
            $this->client($server->url())->payments->create(['amount' => 0]);
            $this->fail('A 400 must raise');
        } catch (InvalidRequestException $e) {
            $this->assertSame(400, $e->getHttpStatus());
            $this->assertSame('parameter_invalid', $e->getErrorCode());
            $this->assertSame('amount', $e->getParam());
            $this->assertSame('req_123', $e->getRequestId());
            $this->assertSame('Problem', $e->getTitle());
            $this->assertSame('Detail of parameter_invalid', $e->getDetail());
            $this->assertSame('https://payfunctions.dev/problems/parameter_invalid', $e->getType());
            $this->assertSame(['amount' => 'too small'], $e->getProblem()['errors']);
            $this->assertStringContainsString('parameter_invalid', $e->getMessage());
        }
        $this->assertCount(1, $server->requests());
        $this->assertSame([], $this->sleeps);
    }

    /**
     * @dataProvider statuses
     *
     * @param class-string<ApiErrorException> $class
     */
    public function testTheErrorClassFollowsTheStatus(int $status, string $class): void
    {
        $server = $this->serve([ScriptedServer::json($status, self::problem($status, 'some_code'))]);

        try {
            $this->client($server->url(), ['max_retries' => 0])->accounts->retrieve('acct_1');
            $this->fail('An error status must raise');
        } catch (PayFunctionsException $e) {
            $this->assertInstanceOf($class, $e);
            $this->assertInstanceOf(ApiErrorException::class, $e);
            $this->assertSame($status, $e->getHttpStatus());
            $this->assertNull($e->getRequestId());
        }
    }

    /** @return iterable<string, array{int, class-string<ApiErrorException>}> */
    public static function statuses(): iterable
    {
        yield '401' => [401, AuthenticationException::class];
        yield '403' => [403, PermissionException::class];
        yield '404' => [404, NotFoundException::class];
        yield '422' => [422, ApiException::class];
        yield '500' => [500, ApiException::class];
    }

    public function testAnErrorWithoutAProblemDocumentStillRaises(): void
    {
        $server = $this->serve([['status' => 502, 'headers' => ['Content-Type' => 'text/html'], 'body' => '<html>Bad gateway</html>']]);

        try {
            $this->client($server->url(), ['max_retries' => 0])->balance->retrieve();
            $this->fail('A 502 must raise');
        } catch (ApiException $e) {
            $this->assertSame(502, $e->getHttpStatus());
            $this->assertNull($e->getErrorCode());
            $this->assertSame([], $e->getProblem());
            $this->assertSame('<html>Bad gateway</html>', $e->getRawBody());
        }
    }

    public function testImagesComeBackAsBytes(): void
    {
        $png = "\x89PNG\r\n\x1a\n\x00\x01binary";
        $server = $this->serve([['status' => 200, 'headers' => ['Content-Type' => 'image/png'], 'body_base64' => base64_encode($png)]]);

        $this->assertSame($png, $this->client($server->url())->stores->qrPng('store_1'));
        $this->assertSame('image/png', $server->requests()[0]['headers']['accept']);
    }

    public function testTheCsvReportComesBackAsText(): void
    {
        $server = $this->serve([['status' => 200, 'headers' => ['Content-Type' => 'text/csv'], 'body' => "key,amount\nwechat_pay.native,1000\n"]]);

        $csv = $this->client($server->url())->reports->payments(['format' => 'csv', 'group_by' => 'method']);

        $this->assertSame("key,amount\nwechat_pay.native,1000\n", $csv);
        $this->assertSame('/api/v1/reports/payments?format=csv&group_by=method', $server->requests()[0]['target']);
    }

    public function testRejectsUnknownOptionsAndAMissingKey(): void
    {
        try {
            new Client(['api_key' => 'sk_test_x', 'max_retry' => 3]);
            $this->fail('An unknown option must be refused');
        } catch (\InvalidArgumentException $e) {
            $this->assertStringContainsString('max_retry', $e->getMessage());
        }
        $this->expectException(\InvalidArgumentException::class);
        new Client(['base_url' => 'http://127.0.0.1:1/api']);
    }
}

<?php

declare(strict_types=1);

namespace PayFunctions\Tests\Unit;

use PayFunctions\Model\Payment;
use PayFunctions\Tests\Support\ScriptedServer;

/**
 * Pages and auto-pagination.
 */
final class PaginationTest extends ClientTestCase
{
    public function testWalksEveryPageAfterTheLastIdKeepingTheParameters(): void
    {
        $server = $this->serve([
            ScriptedServer::json(200, ['object' => 'list', 'data' => [self::payment('pay_3'), self::payment('pay_2')], 'has_more' => true]),
            ScriptedServer::json(200, ['object' => 'list', 'data' => [self::payment('pay_1')], 'has_more' => false]),
        ]);

        $page = $this->client($server->url())->payments->all(['limit' => 2, 'status' => 'succeeded']);
        $this->assertCount(2, $page);
        $this->assertTrue($page->has_more);

        $ids = [];
        foreach ($page->autoPagingIterator() as $payment) {
            $this->assertInstanceOf(Payment::class, $payment);
            $ids[] = $payment->id;
        }

        $this->assertSame(['pay_3', 'pay_2', 'pay_1'], $ids);
        $targets = array_column($server->requests(), 'target');
        $this->assertSame([
            '/api/v1/payments?limit=2&status=succeeded',
            '/api/v1/payments?starting_after=pay_2&limit=2&status=succeeded',
        ], $targets);
    }

    public function testIteratingAPageWalksOnlyThatPage(): void
    {
        $server = $this->serve([
            ScriptedServer::json(200, ['object' => 'list', 'data' => [self::payment('pay_2')], 'has_more' => true]),
        ]);

        $ids = [];
        foreach ($this->client($server->url())->payments->all(['limit' => 1]) as $payment) {
            $ids[] = $payment->id;
        }

        $this->assertSame(['pay_2'], $ids);
        $this->assertCount(1, $server->requests());
    }

    public function testAnEmptyListStopsAtOnce(): void
    {
        $server = $this->serve([ScriptedServer::json(200, ['object' => 'list', 'data' => [], 'has_more' => false])]);

        $items = iterator_to_array($this->client($server->url())->refunds->all('pay_1')->autoPagingIterator());

        $this->assertSame([], $items);
        $this->assertSame('/api/v1/payments/pay_1/refunds', $server->requests()[0]['target']);
    }
}

<?php

declare(strict_types=1);

namespace PayFunctions\Tests\Unit;

use PayFunctions\Model\Allocation;
use PayFunctions\Model\Balance;
use PayFunctions\Model\NextAction;
use PayFunctions\Model\Payment;
use PHPUnit\Framework\TestCase;

/**
 * Models keep the documented fields typed and every other field readable.
 */
final class ModelTest extends TestCase
{
    public function testAPaymentIsTypedAndKeepsUnknownFields(): void
    {
        $values = [
            'id' => 'pay_1', 'object' => 'payment', 'amount' => 10000, 'currency' => 'cny', 'status' => 'requires_action',
            'next_action' => ['type' => 'display_qr_code', 'display_qr_code' => ['data' => 'weixin://wxpay/bizpayurl?pr=x']],
            'allocations' => [['account' => 'platform', 'role' => 'platform_fee', 'amount' => 60, 'currency' => 'cny']],
            'loyalty' => ['points' => 12],
        ];

        $payment = new Payment($values);

        $this->assertSame(10000, $payment->amount);
        $this->assertInstanceOf(NextAction::class, $payment->next_action);
        $this->assertSame('weixin://wxpay/bizpayurl?pr=x', $payment->next_action->display_qr_code['data']);
        $this->assertInstanceOf(Allocation::class, $payment->allocations[0]);
        $this->assertSame(60, $payment->allocations[0]->amount);
        $this->assertNull($payment->paid_at);
        $this->assertSame(['points' => 12], $payment->loyalty);
        $this->assertSame(['points' => 12], $payment['loyalty']);
        $this->assertSame('pay_1', $payment['id']);
        $this->assertTrue(isset($payment->loyalty));
        $this->assertSame($values, $payment->toArray());
        $this->assertSame(json_encode($values), json_encode($payment));
    }

    public function testABalanceHoldsAmountsPerCurrency(): void
    {
        $balance = new Balance(['object' => 'balance', 'pending_settlement' => [['amount' => 8946, 'currency' => 'cny']], 'in_transit' => [], 'held_for_review' => []]);

        $this->assertSame(8946, $balance->pending_settlement[0]->amount);
        $this->assertSame([], $balance->in_transit);
    }

    public function testObjectsAreReadOnly(): void
    {
        $this->expectException(\LogicException::class);
        $payment = new Payment(['id' => 'pay_1']);
        $payment['amount'] = 1;
    }
}

<?php

declare(strict_types=1);

namespace PayFunctions\Tests\Live;

use PayFunctions\Client;
use PayFunctions\Exception\InvalidRequestException;
use PayFunctions\Exception\NotFoundException;
use PayFunctions\Exception\SignatureVerificationException;
use PayFunctions\Model\Payment;
use PayFunctions\Model\Refund;
use PayFunctions\Tests\Support\Env;
use PayFunctions\Tests\Support\PlainHttp;
use PayFunctions\Webhook;
use PHPUnit\Framework\TestCase;

/**
 * The SDK against the running host and sandbox, as a merchant uses it. Other clients share the demo merchant,
 * so every object is found by its own id and lists are never assumed to hold only this test's objects.
 */
final class LiveTest extends TestCase
{
    private const POLL_ATTEMPTS = 60;
    private const POLL_SECONDS = 0.5;

    private static function client(): Client
    {
        return new Client(['api_key' => Env::apiKey(), 'base_url' => Env::apiBase(), 'timeout' => 30]);
    }

    private static function orderId(string $label): string
    {
        return 'php-sdk-' . $label . '-' . bin2hex(random_bytes(6));
    }

    private static function createPayment(int $amount, string $label): Payment
    {
        return self::client()->payments->create([
            'amount' => $amount,
            'currency' => 'cny',
            'method' => 'wechat_pay.native',
            'merchant_order_id' => self::orderId($label),
            'description' => 'PHP SDK test',
        ]);
    }

    /**
     * @template T
     *
     * @param callable(): T $fetch
     * @param callable(T): bool $done
     *
     * @return T the first value for which $done holds
     */
    private static function pollUntil(callable $fetch, callable $done, string $what): mixed
    {
        for ($attempt = 0; $attempt < self::POLL_ATTEMPTS; $attempt++) {
            $value = $fetch();
            if ($done($value)) {
                return $value;
            }
            usleep((int) (self::POLL_SECONDS * 1_000_000));
        }
        self::fail("Gave up waiting for $what");
    }

    public function testCreateAPaymentThatShowsAQrCode(): Payment
    {
        $created = self::createPayment(1234, 'qr');
        // Under load the create may answer 202 in processing; the QR code follows once the channel answered.
        $payment = self::pollUntil(
            fn (): Payment => $created->status === 'processing' ? self::client()->payments->retrieve($created->id) : $created,
            fn (Payment $p): bool => $p->status !== 'processing',
            'the channel to answer',
        );

        $this->assertStringStartsWith('pay_', $payment->id);
        $this->assertSame(1234, $payment->amount);
        $this->assertSame('requires_action', $payment->status);
        $this->assertSame('display_qr_code', $payment->next_action?->type);
        $this->assertNotEmpty($payment->next_action->display_qr_code['data'] ?? null);

        return $payment;
    }

    /** @depends testCreateAPaymentThatShowsAQrCode */
    public function testPayInTheSandboxAndRetrieveUntilSucceeded(Payment $created): Payment
    {
        [$status, $body] = PlainHttp::send('POST', Env::sandboxUrl() . '/sandbox/wechat_pay/orders/' . rawurlencode($created->id) . '/pay');
        $this->assertLessThan(300, $status, $body);

        $payment = self::pollUntil(
            fn (): Payment => self::client()->payments->retrieve($created->id),
            fn (Payment $p): bool => $p->status === 'succeeded',
            'the payment to succeed',
        );

        $this->assertSame($created->id, $payment->id);
        $this->assertNotNull($payment->paid_at);
        $this->assertSame(1234, array_sum(array_map(fn ($a): int => $a->amount, $payment->allocations ?? [])));

        return $payment;
    }

    /** @depends testPayInTheSandboxAndRetrieveUntilSucceeded */
    public function testAutoPaginationFindsEachPaymentOnceNewestFirst(Payment $paid): void
    {
        $second = self::createPayment(2000, 'page-2');
        $third = self::createPayment(3000, 'page-3');
        $mine = [$paid->id, $second->id, $third->id];

        $seen = [];
        $pages = self::client()->payments->all(['limit' => 2]);
        foreach ($pages->autoPagingIterator() as $payment) {
            if (in_array($payment->id, $mine, true)) {
                $seen[] = $payment->id;
            }
            // The list is newest first, so once the oldest of them went by nothing of this test is left.
            if ($payment->id === $paid->id) {
                break;
            }
        }

        $this->assertSame([$third->id, $second->id, $paid->id], $seen);
        $this->assertCount(2, $pages->data);
    }

    /** @depends testPayInTheSandboxAndRetrieveUntilSucceeded */
    public function testRefundPartOfItUntilSucceeded(Payment $paid): void
    {
        $client = self::client();
        $refund = $client->refunds->create($paid->id, ['amount' => 234, 'reason' => 'PHP SDK test']);

        $this->assertStringStartsWith('re_', $refund->id);
        $this->assertSame($paid->id, $refund->payment);
        $this->assertSame(234, $refund->amount);

        $done = self::pollUntil(
            fn (): Refund => $client->refunds->retrieve($refund->id),
            fn (Refund $r): bool => $r->status === 'succeeded',
            'the refund to succeed',
        );
        $this->assertSame(234, $done->amount);

        $listed = array_map(fn (Refund $r): string => $r->id, iterator_to_array($client->refunds->all($paid->id)->autoPagingIterator(), false));
        $this->assertContains($refund->id, $listed);
    }

    /** @depends testPayInTheSandboxAndRetrieveUntilSucceeded */
    public function testTheWebhookOfTheSucceededPaymentVerifies(Payment $paid): void
    {
        $delivery = self::pollUntil(
            fn (): ?array => self::findDelivery($paid->id),
            fn (?array $d): bool => $d !== null,
            'the payment.succeeded webhook',
        );

        $event = Webhook::constructEvent($delivery['body'], $delivery['headers'], Env::webhookSecret());
        $this->assertSame('payment.succeeded', $event->type);
        $this->assertInstanceOf(Payment::class, $event->data->object);
        $this->assertSame($paid->id, $event->data->object->id);
        $this->assertSame(1234, $event->data->object->amount);

        $body = $delivery['body'];
        $position = strpos($body, '1234');
        $body[$position] = '9';
        $this->expectException(SignatureVerificationException::class);
        Webhook::constructEvent($body, $delivery['headers'], Env::webhookSecret());
    }

    /** @return array{headers: array<string, string>, body: string}|null */
    private static function findDelivery(string $paymentId): ?array
    {
        foreach (PlainHttp::getJson(Env::sandboxUrl() . '/sandbox/webhooks/demo') as $delivery) {
            $event = json_decode($delivery['body'] ?? '', true);
            if (($event['type'] ?? null) === 'payment.succeeded' && ($event['data']['object']['id'] ?? null) === $paymentId) {
                return $delivery;
            }
        }

        return null;
    }

    public function testAnInvalidAmountRaisesTheProblem(): void
    {
        try {
            self::client()->payments->create([
                'amount' => 0,
                'currency' => 'cny',
                'method' => 'wechat_pay.native',
                'merchant_order_id' => self::orderId('zero'),
                'description' => 'PHP SDK test',
            ]);
            $this->fail('An amount of 0 must be refused');
        } catch (InvalidRequestException $e) {
            $this->assertSame(400, $e->getHttpStatus());
            $this->assertSame('parameter_invalid', $e->getErrorCode());
            $this->assertSame('amount', $e->getParam());
            $this->assertNotEmpty($e->getRequestId(), 'the host answers with a Request-Id header');
        }
    }

    public function testAnUnknownPaymentRaisesNotFound(): void
    {
        try {
            self::client()->payments->retrieve('pay_doesnotexist000000000000');
            $this->fail('An unknown payment must raise');
        } catch (NotFoundException $e) {
            $this->assertSame(404, $e->getHttpStatus());
            $this->assertSame('resource_missing', $e->getErrorCode());
        }
    }
}

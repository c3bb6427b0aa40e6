<?php

declare(strict_types=1);

namespace PayFunctions\Tests\Unit;

use PayFunctions\Exception\PayFunctionsException;
use PayFunctions\Exception\SignatureVerificationException;
use PayFunctions\Model\Payment;
use PayFunctions\Webhook;
use PHPUnit\Framework\TestCase;

/**
 * Standard Webhooks verification, against deliveries this test signs itself.
 */
final class WebhookTest extends TestCase
{
    private const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    private const NOW = 1_800_000_000;
    private const ID = 'evt_1_succeeded';
    private const BODY = '{"id":"evt_1_succeeded","object":"event","type":"payment.succeeded","created_at":"2027-01-15T08:00:00+00:00",'
        . '"livemode":false,"data":{"object":{"id":"pay_1","object":"payment","amount":1234,"currency":"cny","status":"succeeded"}}}';

    public function testAValidDeliveryVerifiesAndParsesItsEvent(): void
    {
        $event = Webhook::constructEvent(self::BODY, $this->headers(), self::SECRET, 300, self::NOW);

        $this->assertSame('evt_1_succeeded', $event->id);
        $this->assertSame('payment.succeeded', $event->type);
        $this->assertSame('2027-01-15T08:00:00+00:00', $event->created_at);
        $this->assertInstanceOf(Payment::class, $event->data->object);
        $this->assertSame(1234, $event->data->object->amount);
    }

    public function testTheSignatureIsTheBase64HmacOfIdTimestampAndBody(): void
    {
        $key = base64_decode('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
        $expected = base64_encode(hash_hmac('sha256', self::ID . '.' . self::NOW . '.' . self::BODY, $key, true));

        $this->assertSame($expected, Webhook::sign(self::ID, self::NOW, self::BODY, self::SECRET));
    }

    public function testHeaderNamesMatchInAnyCaseAndAsLists(): void
    {
        $headers = [];
        foreach ($this->headers() as $name => $value) {
            $headers[strtoupper($name)] = [$value];
        }

        $this->assertSame('payment.succeeded', Webhook::constructEvent(self::BODY, $headers, self::SECRET, 300, self::NOW)->type);
    }

    public function testOneValidSignatureAmongSeveralIsEnough(): void
    {
        $valid = Webhook::sign(self::ID, self::NOW, self::BODY, self::SECRET);
        $headers = $this->headers(['webhook-signature' => 'v1,' . base64_encode(random_bytes(32)) . " v2,$valid v1,$valid"]);

        $this->assertSame('evt_1_succeeded', Webhook::constructEvent(self::BODY, $headers, self::SECRET, 300, self::NOW)->id);
    }

    public function testSeveralSignaturesNoneValidFail(): void
    {
        $valid = Webhook::sign(self::ID, self::NOW, self::BODY, self::SECRET);
        // The right signature under another version tag does not count.
        $this->assertRejected(self::BODY, $this->headers(['webhook-signature' => 'v1,' . base64_encode(random_bytes(32)) . " v1a,$valid"]));
    }

    public function testATamperedBodyFails(): void
    {
        $this->assertRejected(str_replace('1234', '1235', self::BODY), $this->headers());
    }

    public function testReSerialisedJsonFails(): void
    {
        $this->assertRejected(json_encode(json_decode(self::BODY), JSON_PRETTY_PRINT), $this->headers());
    }

    public function testAWrongSecretFails(): void
    {
        $this->expectException(SignatureVerificationException::class);
        Webhook::constructEvent(self::BODY, $this->headers(), 'whsec_' . base64_encode('another secret'), 300, self::NOW);
    }

    public function testAStaleTimestampFails(): void
    {
        $this->assertRejected(self::BODY, $this->headers([], self::NOW - 301));
    }

    public function testAFutureTimestampFails(): void
    {
        $this->assertRejected(self::BODY, $this->headers([], self::NOW + 301));
    }

    public function testATimestampAtTheToleranceEdgeVerifies(): void
    {
        $event = Webhook::constructEvent(self::BODY, $this->headers([], self::NOW - 300), self::SECRET, 300, self::NOW);

        $this->assertSame('evt_1_succeeded', $event->id);
    }

    /** @dataProvider headerNames */
    public function testAMissingHeaderFails(string $name): void
    {
        $headers = $this->headers();
        unset($headers[$name]);

        $this->assertRejected(self::BODY, $headers);
    }

    /** @return iterable<string, array{string}> */
    public static function headerNames(): iterable
    {
        yield 'id' => ['webhook-id'];
        yield 'timestamp' => ['webhook-timestamp'];
        yield 'signature' => ['webhook-signature'];
    }

    public function testAnIdOtherThanTheSignedOneFails(): void
    {
        $this->assertRejected(self::BODY, $this->headers(['webhook-id' => 'evt_2_succeeded']));
    }

    public function testVerificationErrorsShareTheBaseClass(): void
    {
        $this->expectException(PayFunctionsException::class);
        Webhook::verify(self::BODY, [], self::SECRET);
    }

    /**
     * @param array<string, string> $override
     *
     * @return array<string, string>
     */
    private function headers(array $override = [], int $timestamp = self::NOW): array
    {
        return $override + [
            'webhook-id' => self::ID,
            'webhook-timestamp' => (string) $timestamp,
            'webhook-signature' => 'v1,' . Webhook::sign(self::ID, $timestamp, self::BODY, self::SECRET),
        ];
    }

    /** @param array<string, string> $headers */
    private function assertRejected(string $body, array $headers): void
    {
        try {
            Webhook::constructEvent($body, $headers, self::SECRET, 300, self::NOW);
            $this->fail('The delivery must not verify');
        } catch (SignatureVerificationException $e) {
            $this->addToAssertionCount(1);
        }
    }
}

<?php

declare(strict_types=1);

namespace PayFunctions\Tests\Unit;

use PayFunctions\HttpClient\Response;
use PayFunctions\RetryPolicy;
use PHPUnit\Framework\TestCase;

/**
 * The backoff's bounds and which answers are retryable.
 */
final class RetryPolicyTest extends TestCase
{
    public function testBackoffStaysWithinHalfAndAllOfTheCappedExponential(): void
    {
        $low = new RetryPolicy(static fn (): float => 0.0);
        $high = new RetryPolicy(static fn (): float => 0.999999);
        $random = new RetryPolicy();

        for ($retry = 0; $retry < 8; $retry++) {
            $base = min(8.0, 0.5 * 2 ** $retry);
            $this->assertEqualsWithDelta($base / 2, $low->delay($retry), 1e-9, "retry $retry, lowest jitter");
            $this->assertEqualsWithDelta($base, $high->delay($retry), 1e-5, "retry $retry, highest jitter");
            for ($sample = 0; $sample < 50; $sample++) {
                $delay = $random->delay($retry);
                $this->assertGreaterThanOrEqual($base / 2, $delay);
                $this->assertLessThanOrEqual($base, $delay);
            }
        }
    }

    public function testJitterSpreadsTheWaits(): void
    {
        $policy = new RetryPolicy();
        $delays = array_map(static fn (): float => $policy->delay(3), range(1, 20));

        $this->assertGreaterThan(1, count(array_unique($delays)));
    }

    public function testRetryAfterIsReadAsSecondsOrDateAndBounded(): void
    {
        $now = 1_800_000_000;
        $policy = new RetryPolicy(static fn (): float => 0.0, static fn (): int => $now);
        $answer = static fn (string $retryAfter): Response => new Response(429, ['retry-after' => $retryAfter], '');

        $this->assertSame(7.0, $policy->delay(0, $answer('7')));
        $this->assertSame(0.0, $policy->delay(0, $answer('0')));
        $this->assertSame(60.0, $policy->delay(0, $answer('61')));
        $this->assertSame(12.0, $policy->delay(0, $answer(gmdate('D, d M Y H:i:s \G\M\T', $now + 12))));
        $this->assertSame(0.0, $policy->delay(0, $answer(gmdate('D, d M Y H:i:s \G\M\T', $now - 100))));
        $this->assertSame(0.25, $policy->delay(0, $answer('soon')), 'an unreadable value falls back to the backoff');
        $this->assertSame(1.0, $policy->delay(2, new Response(503, [], '')));
    }

    public function testOnlyTheContractsAnswersAreRetryable(): void
    {
        $policy = new RetryPolicy();
        $answer = static fn (int $status, string $code = 'x'): Response => new Response($status, [], json_encode(['code' => $code]));

        $this->assertTrue($policy->isRetryable($answer(429)));
        $this->assertTrue($policy->isRetryable($answer(500)));
        $this->assertTrue($policy->isRetryable($answer(503)));
        $this->assertTrue($policy->isRetryable($answer(409, 'idempotency_key_in_use')));
        $this->assertFalse($policy->isRetryable($answer(409, 'idempotency_key_reused')));
        $this->assertFalse($policy->isRetryable($answer(400)));
        $this->assertFalse($policy->isRetryable($answer(404)));
        $this->assertFalse($policy->isRetryable(new Response(409, [], 'not json')));
    }
}

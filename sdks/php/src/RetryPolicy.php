<?php

declare(strict_types=1);

namespace PayFunctions;

use PayFunctions\HttpClient\Response;

/**
 * Which answers are retried, and how long to wait before each retry.
 */
final class RetryPolicy
{
    private const INITIAL_DELAY = 0.5;
    private const MAX_DELAY = 8.0;
    private const MAX_RETRY_AFTER = 60.0;

    /** @var \Closure(): float a number in [0, 1) */
    private readonly \Closure $random;

    /** @var \Closure(): int the current Unix time */
    private readonly \Closure $clock;

    /**
     * @param (callable(): float)|null $random returns a number in [0, 1); the jitter's source
     * @param (callable(): int)|null $clock returns the Unix time; used to read Retry-After dates
     */
    public function __construct(?callable $random = null, ?callable $clock = null)
    {
        $this->random = $random !== null
            ? \Closure::fromCallable($random)
            : static fn (): float => mt_rand() / (mt_getrandmax() + 1);
        $this->clock = $clock !== null ? \Closure::fromCallable($clock) : static fn (): int => time();
    }

    /**
     * Whether an answer means the same request may succeed later: 409 idempotency_key_in_use (the first
     * attempt is still running), 429 and any 5xx. Any other 4xx means the request itself must change.
     */
    public function isRetryable(Response $response): bool
    {
        if ($response->status === 429 || $response->status >= 500) {
            return true;
        }
        if ($response->status === 409) {
            $problem = json_decode($response->body, true);

            return is_array($problem) && ($problem['code'] ?? null) === 'idempotency_key_in_use';
        }

        return false;
    }

    /**
     * Seconds to wait before retry $retry (from 0): what Retry-After asks when the answer has it, else
     * min(8 s, 0.5 s × 2^retry) scaled by a random factor in [0.5, 1) so that clients that failed together
     * do not come back together.
     */
    public function delay(int $retry, ?Response $response = null): float
    {
        $asked = $response !== null ? $this->retryAfter($response->header('retry-after')) : null;
        if ($asked !== null) {
            return $asked;
        }
        $base = min(self::MAX_DELAY, self::INITIAL_DELAY * 2 ** $retry);

        return $base * (0.5 + 0.5 * ($this->random)());
    }

    /** Retry-After as delta-seconds or an HTTP date, bounded to [0, 60] s; null when absent or unreadable. */
    private function retryAfter(?string $value): ?float
    {
        if ($value === null || trim($value) === '') {
            return null;
        }
        $value = trim($value);
        if (ctype_digit($value)) {
            $seconds = (float) $value;
        } else {
            $date = \DateTimeImmutable::createFromFormat(\DATE_RFC7231, $value, new \DateTimeZone('UTC'));
            if ($date === false) {
                return null;
            }
            $seconds = (float) ($date->getTimestamp() - ($this->clock)());
        }

        return max(0.0, min(self::MAX_RETRY_AFTER, $seconds));
    }
}

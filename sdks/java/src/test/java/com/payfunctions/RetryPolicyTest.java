package com.payfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The contract's wait before each retry, and which answers are retried. */
class RetryPolicyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    /** A random source pinned to one value, to reach the ends of the jitter range. */
    private static Random pinned(double value) {
        return new Random() {
            private static final long serialVersionUID = 1L;

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void jitterScalesTheCeilingBetweenHalfAndWhole() {
        RetryPolicy low = new RetryPolicy(pinned(0.0), CLOCK);
        RetryPolicy high = new RetryPolicy(pinned(0.999999), CLOCK);

        assertEquals(Duration.ofMillis(250), low.delay(0, null));
        assertEquals(Duration.ofMillis(500), high.delay(0, null));
        assertEquals(Duration.ofMillis(1000), low.delay(2, null));
        assertEquals(Duration.ofMillis(2000), high.delay(2, null));
    }

    @Test
    void theCeilingStopsAtEightSeconds() {
        RetryPolicy high = new RetryPolicy(pinned(0.999999), CLOCK);

        assertEquals(Duration.ofSeconds(8), high.delay(4, null));
        assertEquals(Duration.ofSeconds(8), high.delay(40, null));
        assertEquals(Duration.ofSeconds(4), new RetryPolicy(pinned(0.0), CLOCK).delay(40, null));
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDateCappedAtAMinute() {
        RetryPolicy policy = new RetryPolicy(new Random(1), CLOCK);

        assertEquals(Duration.ofSeconds(3), policy.delay(0, "3"));
        assertEquals(Duration.ofSeconds(30), policy.delay(0, "Mon, 30 Nov 2026 12:00:30 GMT"));
        assertEquals(Duration.ZERO, policy.delay(0, "Mon, 30 Nov 2026 11:00:00 GMT"));
        assertEquals(Duration.ofSeconds(60), policy.delay(0, "600"));
        assertEquals(Duration.ofSeconds(60), policy.delay(0, "Mon, 30 Nov 2026 13:00:00 GMT"));
        assertNull(policy.parseRetryAfter("soon"));
        Duration fallback = policy.delay(1, "soon");
        assertTrue(fallback.toMillis() >= 500 && fallback.toMillis() <= 1000);
    }

    @Test
    void onlyNetworkLikeAnswersAreRetried() {
        assertTrue(RetryPolicy.isRetryable(429, null));
        assertTrue(RetryPolicy.isRetryable(500, "internal_error"));
        assertTrue(RetryPolicy.isRetryable(503, null));
        assertTrue(RetryPolicy.isRetryable(409, "idempotency_key_in_use"));
        assertFalse(RetryPolicy.isRetryable(409, "payment_not_closable"));
        assertFalse(RetryPolicy.isRetryable(400, "parameter_invalid"));
        assertFalse(RetryPolicy.isRetryable(401, null));
        assertFalse(RetryPolicy.isRetryable(404, null));
    }
}

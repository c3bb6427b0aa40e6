package com.payfunctions;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

/** Which answers are retried, and how long to wait before each retry. */
final class RetryPolicy {
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final long BASE_MILLIS = 500;
    private static final long CAP_MILLIS = 8_000;

    private final Random random;
    private final Clock clock;

    RetryPolicy(Random random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /**
     * A 4xx means the request itself must change, except a 409 for a key whose first request is still
     * running and a 429; a 5xx may pass.
     */
    static boolean isRetryable(int status, String code) {
        return status == 429 || status >= 500 || (status == 409 && "idempotency_key_in_use".equals(code));
    }

    /**
     * The wait before retry {@code retry} (from 0): what {@code Retry-After} asks when the answer had it,
     * else exponential backoff scaled by a random factor in [0.5, 1), so that clients that failed together
     * do not come back together.
     */
    Duration delay(int retry, String retryAfter) {
        Duration asked = parseRetryAfter(retryAfter);
        if (asked != null) {
            return asked;
        }
        double ceiling = Math.min(CAP_MILLIS, BASE_MILLIS * Math.pow(2, Math.min(retry, 30)));
        return Duration.ofMillis(Math.round(ceiling * (0.5 + 0.5 * random.nextDouble())));
    }

    /** Delta-seconds or an HTTP date, capped at a minute; {@code null} when absent or unreadable. */
    Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        Duration wait;
        if (text.chars().allMatch(Character::isDigit)) {
            wait = text.length() > 6 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(text));
        } else {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                wait = Duration.between(clock.instant(), at.toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }
}

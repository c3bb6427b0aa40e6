package com.payfunctions;

/** Per-call options. */
public final class RequestOptions {
    private static final RequestOptions NONE = new RequestOptions(null);

    private final String idempotencyKey;

    private RequestOptions(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    /** No options: a POST gets a fresh random idempotency key. */
    public static RequestOptions none() {
        return NONE;
    }

    /**
     * Sends this {@code Idempotency-Key} instead of a random one, e.g. derived from the merchant's order,
     * so that repeating the call after a crash returns the first result instead of acting twice.
     */
    public static RequestOptions idempotencyKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("idempotency key must not be empty");
        }
        return new RequestOptions(key);
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }
}

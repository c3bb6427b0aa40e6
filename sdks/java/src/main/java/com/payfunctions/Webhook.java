package com.payfunctions;

import com.google.gson.JsonParseException;
import com.payfunctions.exception.WebhookVerificationException;
import com.payfunctions.model.ApiJson;
import com.payfunctions.model.Event;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies webhook deliveries (Standard Webhooks) before they are trusted.
 *
 * <p>Pass the body exactly as received: the signature covers its bytes, so a body parsed and
 * serialised again no longer verifies.
 */
public final class Webhook {
    /** How far the {@code webhook-timestamp} may be from now, either way, by default. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String SECRET_PREFIX = "whsec_";

    private Webhook() {
    }

    /**
     * Verifies a delivery and parses its event.
     *
     * @param payload the raw request body
     * @param headers the request headers, names in any case; values are strings or lists of strings
     * @param secret the endpoint's secret, {@code whsec_} followed by base64
     */
    public static Event constructEvent(byte[] payload, Map<String, ?> headers, String secret) {
        return constructEvent(payload, headers, secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /** {@link #constructEvent(byte[], Map, String)} for a body already decoded as UTF-8. */
    public static Event constructEvent(String payload, Map<String, ?> headers, String secret) {
        return constructEvent(payload.getBytes(StandardCharsets.UTF_8), headers, secret);
    }

    /** {@link #constructEvent(byte[], Map, String)} with another tolerance and clock. */
    public static Event constructEvent(byte[] payload, Map<String, ?> headers, String secret, Duration tolerance,
            Clock clock) {
        verify(payload, headers, secret, tolerance, clock);
        try {
            Event event = ApiJson.GSON.fromJson(new String(payload, StandardCharsets.UTF_8), Event.class);
            if (event == null) {
                throw new WebhookVerificationException("The webhook body is empty");
            }
            return event;
        } catch (JsonParseException e) {
            throw new WebhookVerificationException("The webhook body is not an event", e);
        }
    }

    /** Checks a delivery's signature and timestamp; throws {@link WebhookVerificationException} if either fails. */
    public static void verify(byte[] payload, Map<String, ?> headers, String secret, Duration tolerance,
            Clock clock) {
        String id = header(headers, "webhook-id");
        String timestamp = header(headers, "webhook-timestamp");
        String signatures = header(headers, "webhook-signature");

        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("The webhook-timestamp header is not a number", e);
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - sentAt);
        if (skew > tolerance.getSeconds()) {
            throw new WebhookVerificationException("The webhook-timestamp is outside the tolerance");
        }

        byte[] expected = Base64.getEncoder().encode(sign(key(secret), id, timestamp.trim(), payload));
        for (String entry : signatures.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !"v1".equals(entry.substring(0, comma))) {
                continue;
            }
            byte[] given = entry.substring(comma + 1).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new WebhookVerificationException("No webhook signature matches the body");
    }

    private static byte[] sign(byte[] key, String id, String timestamp, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] key(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook secret is not whsec_ followed by base64", e);
        }
    }

    private static String header(Map<String, ?> headers, String name) {
        for (Map.Entry<String, ?> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                Object value = entry.getValue();
                if (value instanceof Iterable) {
                    Iterator<?> values = ((Iterable<?>) value).iterator();
                    value = values.hasNext() ? values.next() : null;
                }
                if (value != null && !value.toString().isEmpty()) {
                    return value.toString();
                }
            }
        }
        throw new WebhookVerificationException("The " + name + " header is missing");
    }
}

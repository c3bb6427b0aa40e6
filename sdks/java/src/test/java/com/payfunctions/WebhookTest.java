package com.payfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.payfunctions.exception.PayFunctionsException;
import com.payfunctions.exception.WebhookVerificationException;
import com.payfunctions.model.Event;
import com.payfunctions.model.Payment;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Webhook verification of deliveries this test signs itself, as Standard Webhooks specifies. */
class WebhookTest {
    private static final String SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("a-test-secret-of-thirty-two-byte".getBytes(StandardCharsets.UTF_8));
    private static final long NOW = 1_796_048_213L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final String BODY = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"payment.succeeded\","
            + "\"created_at\":\"2026-11-30T14:16:53.467061+00:00\",\"livemode\":false,"
            + "\"data\":{\"object\":{\"id\":\"pay_1\",\"object\":\"payment\",\"amount\":1000,\"status\":\"succeeded\"}}}";

    static String sign(String secret, String id, long timestamp, byte[] body) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static Map<String, String> headers(String signature, long timestamp) {
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", "evt_1");
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature);
        return headers;
    }

    private static Event verify(String body, Map<String, ?> headers, String secret) {
        return Webhook.constructEvent(body.getBytes(StandardCharsets.UTF_8), headers, secret,
                Webhook.DEFAULT_TOLERANCE, CLOCK);
    }

    @Test
    void aSignedDeliveryVerifiesAndParses() throws Exception {
        Event event = verify(BODY, headers(sign(SECRET, "evt_1", NOW, BODY.getBytes(StandardCharsets.UTF_8)), NOW),
                SECRET);

        assertEquals("evt_1", event.getId());
        assertEquals("payment.succeeded", event.getType());
        assertEquals(2026, event.getCreatedAt().getYear());
        assertEquals("pay_1", event.getData().getObject().get("id").getAsString());
        Payment payment = assertInstanceOf(Payment.class, event.getDataObject());
        assertEquals(1000L, payment.getAmount());
    }

    @Test
    void aTamperedBodyFails() throws Exception {
        String signature = sign(SECRET, "evt_1", NOW, BODY.getBytes(StandardCharsets.UTF_8));
        String tampered = BODY.replace("1000", "9000");

        assertThrows(WebhookVerificationException.class, () -> verify(tampered, headers(signature, NOW), SECRET));
    }

    @Test
    void aReserialisedBodyFails() throws Exception {
        String signature = sign(SECRET, "evt_1", NOW, BODY.getBytes(StandardCharsets.UTF_8));
        String spaced = BODY.replace(",\"type\"", ", \"type\"");

        assertThrows(WebhookVerificationException.class, () -> verify(spaced, headers(signature, NOW), SECRET));
    }

    @Test
    void theWrongSecretFails() throws Exception {
        String other = "whsec_" + Base64.getEncoder().encodeToString("another-secret".getBytes(StandardCharsets.UTF_8));
        String signature = sign(other, "evt_1", NOW, BODY.getBytes(StandardCharsets.UTF_8));

        assertThrows(WebhookVerificationException.class, () -> verify(BODY, headers(signature, NOW), SECRET));
    }

    @Test
    void staleAndFutureTimestampsFailOutsideTheTolerance() throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        long stale = NOW - 301;
        long future = NOW + 301;

        assertThrows(WebhookVerificationException.class,
                () -> verify(BODY, headers(sign(SECRET, "evt_1", stale, body), stale), SECRET));
        assertThrows(WebhookVerificationException.class,
                () -> verify(BODY, headers(sign(SECRET, "evt_1", future, body), future), SECRET));
        long edge = NOW - 300;
        assertEquals("evt_1", verify(BODY, headers(sign(SECRET, "evt_1", edge, body), edge), SECRET).getId());
        assertEquals("evt_1", Webhook.constructEvent(body, headers(sign(SECRET, "evt_1", stale, body), stale), SECRET,
                Duration.ofMinutes(10), CLOCK).getId());
    }

    @Test
    void missingHeadersFail() throws Exception {
        String signature = sign(SECRET, "evt_1", NOW, BODY.getBytes(StandardCharsets.UTF_8));
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            Map<String, String> headers = headers(signature, NOW);
            headers.remove(name);
            assertThrows(WebhookVerificationException.class, () -> verify(BODY, headers, SECRET), name);
        }
        Map<String, String> garbled = headers(signature, NOW);
        garbled.put("webhook-timestamp", "yesterday");
        assertThrows(WebhookVerificationException.class, () -> verify(BODY, garbled, SECRET));
    }

    @Test
    void oneValidSignatureAmongSeveralIsEnough() throws Exception {
        String good = sign(SECRET, "evt_1", NOW, BODY.getBytes(StandardCharsets.UTF_8));
        String old = sign("whsec_" + Base64.getEncoder().encodeToString(new byte[24]), "evt_1", NOW,
                BODY.getBytes(StandardCharsets.UTF_8));
        String several = old + " v2,c29tZXRoaW5nIGVsc2U= " + good;

        assertEquals("evt_1", verify(BODY, headers(several, NOW), SECRET).getId());
        assertThrows(WebhookVerificationException.class,
                () -> verify(BODY, headers(old + " v2,c29tZXRoaW5nIGVsc2U=", NOW), SECRET));
        assertThrows(WebhookVerificationException.class,
                () -> verify(BODY, headers(good.replace("v1,", "v2,"), NOW), SECRET));
    }

    @Test
    void headerNamesMatchInAnyCaseAndListValuesWork() throws Exception {
        String signature = sign(SECRET, "evt_1", NOW, BODY.getBytes(StandardCharsets.UTF_8));
        Map<String, List<String>> headers = Map.of(
                "Webhook-Id", List.of("evt_1"),
                "WEBHOOK-TIMESTAMP", List.of(Long.toString(NOW)),
                "Webhook-Signature", List.of(signature));

        assertEquals("evt_1", verify(BODY, headers, SECRET).getId());
    }

    @Test
    void verificationErrorsShareTheBaseClass() {
        PayFunctionsException error = assertThrows(PayFunctionsException.class,
                () -> verify(BODY, Map.of(), SECRET));
        assertInstanceOf(WebhookVerificationException.class, error);
    }
}

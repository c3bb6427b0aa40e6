package com.payfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.payfunctions.exception.InvalidRequestException;
import com.payfunctions.exception.NotFoundException;
import com.payfunctions.exception.WebhookVerificationException;
import com.payfunctions.model.Event;
import com.payfunctions.model.Payment;
import com.payfunctions.model.Refund;
import com.payfunctions.param.PaymentCreateParams;
import com.payfunctions.param.PaymentListParams;
import com.payfunctions.param.RefundCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The SDK against the running host and channel sandbox. Other clients use the same demo merchant at the
 * same time, so every check finds this test's own objects by id and never assumes a list holds only them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final PayFunctionsClient client = PayFunctionsClient.builder()
            .apiKey(Env.API_KEY).baseUrl(Env.API_BASE).build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Payment paid;

    private Payment createPayment(long amount, String suffix) {
        return client.payments().create(PaymentCreateParams.builder()
                .amount(amount).currency("cny").method("wechat_pay.native")
                .merchantOrderId("java-sdk-" + RUN + "-" + suffix).description("Java SDK live test")
                .build());
    }

    /** Reads the object again until the check holds, a short sleep apart, a bounded number of times. */
    private static <T> T poll(Supplier<T> read, Predicate<T> done, String what)
            throws InterruptedException {
        T last = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        fail(what + " did not happen in time; last seen: " + last);
        return last;
    }

    private HttpResponse<String> sandbox(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Env.SANDBOX_URL + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, method.equals("POST")
                        ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void createsPaysAndRetrievesAPayment() throws Exception {
        Payment created = createPayment(1234, "a");
        assertTrue(created.getId().startsWith("pay_"), created.getId());
        assertEquals(1234L, created.getAmount());
        Payment ready = "processing".equals(created.getStatus())
                ? poll(() -> client.payments().retrieve(created.getId()),
                        p -> !"processing".equals(p.getStatus()), "the channel's answer")
                : created;
        assertEquals("requires_action", ready.getStatus());
        assertEquals("display_qr_code", ready.getNextAction().getType());
        assertFalse(ready.getNextAction().getDisplayQrCode().getData().isEmpty());

        HttpResponse<String> payment = sandbox("POST", "/sandbox/wechat_pay/orders/" + created.getId() + "/pay");
        assertEquals(2, payment.statusCode() / 100, payment.body());

        paid = poll(() -> client.payments().retrieve(created.getId()),
                p -> "succeeded".equals(p.getStatus()), "payment " + created.getId() + " succeeding");
        assertNotNull(paid.getPaidAt());
        assertEquals("java-sdk-" + RUN + "-a", paid.getMerchantOrderId());
    }

    @Test
    @Order(2)
    void autoPaginatesTheListNewestFirst() {
        assertNotNull(paid, "the payment of the first step");
        String second = createPayment(2345, "b").getId();
        String third = createPayment(3456, "c").getId();
        List<String> mine = List.of(paid.getId(), second, third);

        Page<Payment> first = client.payments().list(PaymentListParams.builder().limit(2).build());
        assertEquals(2, first.getData().size());
        assertTrue(first.hasMore());
        List<String> seen = new ArrayList<>();
        int read = 0;
        for (Payment payment : first.autoPagingIterable()) {
            if (mine.contains(payment.getId())) {
                seen.add(payment.getId());
            }
            if (payment.getId().equals(paid.getId()) || ++read > 2000) {
                break;
            }
        }
        assertEquals(List.of(third, second, paid.getId()), seen);
    }

    @Test
    @Order(3)
    void refundsPartOfThePayment() throws Exception {
        assertNotNull(paid, "the payment of the first step");
        Refund refund = client.refunds().create(paid.getId(),
                RefundCreateParams.builder().amount(234).reason("Java SDK live test").build());
        assertTrue(refund.getId().startsWith("re_"), refund.getId());
        assertEquals(paid.getId(), refund.getPayment());
        assertEquals(234L, refund.getAmount());

        Refund done = poll(() -> client.refunds().retrieve(refund.getId()),
                r -> "succeeded".equals(r.getStatus()), "refund " + refund.getId() + " succeeding");
        assertEquals("cny", done.getCurrency());
        assertTrue(client.refunds().list(paid.getId()).getData().stream()
                .anyMatch(r -> r.getId().equals(refund.getId())));
    }

    @Test
    @Order(4)
    void verifiesTheWebhookTheMerchantReceived() throws Exception {
        assertNotNull(paid, "the payment of the first step");
        JsonObject delivery = poll(this::paymentSucceededDelivery, d -> d != null,
                "the payment.succeeded webhook of " + paid.getId());

        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, JsonElement> header : delivery.getAsJsonObject("headers").entrySet()) {
            headers.put(header.getKey(), header.getValue().getAsString());
        }
        byte[] body = delivery.get("body").getAsString().getBytes(StandardCharsets.UTF_8);

        Event event = Webhook.constructEvent(body, headers, Env.WEBHOOK_SECRET);
        assertEquals("payment.succeeded", event.getType());
        Payment payment = (Payment) event.getDataObject();
        assertEquals(paid.getId(), payment.getId());
        assertEquals("succeeded", payment.getStatus());

        byte[] tampered = body.clone();
        int digit = new String(body, StandardCharsets.UTF_8).indexOf("\"amount\":") + "\"amount\":".length();
        tampered[digit] = (byte) (tampered[digit] == '9' ? '8' : tampered[digit] + 1);
        assertThrows(WebhookVerificationException.class,
                () -> Webhook.constructEvent(tampered, headers, Env.WEBHOOK_SECRET));
    }

    private JsonObject paymentSucceededDelivery() {
        try {
            HttpResponse<String> sink = sandbox("GET", "/sandbox/webhooks/demo");
            assertEquals(200, sink.statusCode(), sink.body());
            JsonArray deliveries = JsonParser.parseString(sink.body()).getAsJsonArray();
            for (JsonElement element : deliveries) {
                if (isPaymentSucceededOfOurs(element)) {
                    return element.getAsJsonObject();
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("the sandbox's webhook sink", e);
        }
    }

    /** Whether a delivery of the sink, which every client's deliveries share, is this test's event. */
    private boolean isPaymentSucceededOfOurs(JsonElement delivery) {
        try {
            JsonObject event = JsonParser.parseString(delivery.getAsJsonObject().get("body").getAsString())
                    .getAsJsonObject();
            return "payment.succeeded".equals(event.get("type").getAsString())
                    && paid.getId().equals(event.getAsJsonObject("data").getAsJsonObject("object")
                            .get("id").getAsString());
        } catch (RuntimeException notAnEventOfOurs) {
            return false;
        }
    }

    @Test
    @Order(5)
    void raisesTypedProblemErrors() {
        InvalidRequestException invalid = assertThrows(InvalidRequestException.class,
                () -> createPayment(0, "zero"));
        assertEquals(400, invalid.getStatus());
        assertEquals("parameter_invalid", invalid.getCode());
        assertEquals("amount", invalid.getParam());
        assertNotNull(invalid.getProblem());
        assertNotNull(invalid.getRequestId(), "the Request-Id header");
        assertFalse(invalid.getRequestId().isEmpty());

        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> client.payments().retrieve("pay_doesnotexist000000000000"));
        assertEquals(404, missing.getStatus());
        assertNotNull(missing.getCode());
    }
}

package com.payfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.payfunctions.exception.ApiConnectionException;
import com.payfunctions.exception.ApiException;
import com.payfunctions.exception.ConflictException;
import com.payfunctions.exception.InvalidRequestException;
import com.payfunctions.exception.PayFunctionsException;
import com.payfunctions.model.Payment;
import com.payfunctions.param.PaymentCreateParams;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport's retries and idempotency keys, against a scripted server. */
class RetryTest {
    static final String PAYMENT = "{\"id\":\"pay_1\",\"object\":\"payment\",\"amount\":1234,\"currency\":\"cny\","
            + "\"status\":\"requires_action\"}";

    private ScriptedServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PayFunctionsClient client() {
        return PayFunctionsClient.builder().apiKey("sk_test_x").baseUrl(server.baseUrl())
                .sleeper(sleeper).random(new Random(7)).timeout(Duration.ofSeconds(5)).build();
    }

    private static PaymentCreateParams params() {
        return PaymentCreateParams.builder().amount(1234).currency("cny").method("wechat_pay.native").build();
    }

    @Test
    void waitsWhatRetryAfterAsksOn429AndKeepsTheIdempotencyKey() {
        server.reply(429, "{\"status\":429,\"code\":\"rate_limited\"}", "Retry-After", "2").reply(201, PAYMENT);

        Payment payment = client().payments().create(params());

        assertEquals("pay_1", payment.getId());
        assertEquals(1234L, payment.getAmount());
        List<ScriptedServer.Request> requests = server.requests();
        assertEquals(2, requests.size());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits());
        String key = requests.get(0).header("Idempotency-Key");
        assertNotNull(key);
        assertEquals(4, UUID.fromString(key).version());
        assertEquals(key, requests.get(1).header("Idempotency-Key"));
        assertEquals("POST", requests.get(0).method());
        assertEquals("/api/v1/payments", requests.get(0).uri());
        assertTrue(requests.get(0).body().contains("\"amount\":1234"), requests.get(0).body());
    }

    @Test
    void retriesA503() {
        server.problem(503, "service_unavailable", null).reply(201, PAYMENT);

        assertEquals("pay_1", client().payments().create(params()).getId());

        assertEquals(2, server.requests().size());
        assertEquals(1, sleeper.waits().size());
        assertEquals(server.requests().get(0).header("Idempotency-Key"),
                server.requests().get(1).header("Idempotency-Key"));
    }

    @Test
    void retriesA409WhileTheFirstAttemptIsStillRunning() {
        server.problem(409, "idempotency_key_in_use", null).reply(201, PAYMENT);

        assertEquals("pay_1", client().payments().create(params()).getId());

        assertEquals(2, server.requests().size());
        assertEquals(server.requests().get(0).header("Idempotency-Key"),
                server.requests().get(1).header("Idempotency-Key"));
    }

    @Test
    void doesNotRetryAnyOther409() {
        server.problem(409, "payment_not_closable", null).reply(200, PAYMENT);

        ConflictException error = assertThrows(ConflictException.class, () -> client().payments().close("pay_1"));

        assertEquals("payment_not_closable", error.getCode());
        assertEquals(1, server.requests().size());
    }

    @Test
    void retriesAfterTheConnectionDropsWithoutAnAnswer() throws IOException {
        try (DroppingServer dropping = new DroppingServer(PAYMENT)) {
            PayFunctionsClient client = PayFunctionsClient.builder().apiKey("sk_test_x")
                    .baseUrl(dropping.baseUrl()).sleeper(sleeper).timeout(Duration.ofSeconds(5)).build();

            assertEquals("pay_1", client.payments().create(params()).getId());

            List<String> heads = dropping.requestHeads();
            assertEquals(2, heads.size());
            assertEquals(1, sleeper.waits().size());
            String key = DroppingServer.header(heads.get(0), "idempotency-key");
            assertNotNull(key);
            assertEquals(key, DroppingServer.header(heads.get(1), "idempotency-key"));
        }
    }

    @Test
    void retriesAnAttemptThatTimesOut() {
        server.slow(2_000, 201, PAYMENT);
        for (int i = 0; i < 5; i++) {
            server.reply(201, PAYMENT);
        }
        PayFunctionsClient client = PayFunctionsClient.builder().apiKey("sk_test_x").baseUrl(server.baseUrl())
                .sleeper(sleeper).maxRetries(5).timeout(Duration.ofMillis(500)).build();

        assertEquals("pay_1", client.payments().create(params()).getId());

        List<ScriptedServer.Request> requests = server.requests();
        assertTrue(requests.size() >= 2, "the slow attempt was not retried");
        assertEquals(requests.size() - 1, sleeper.waits().size());
        String key = requests.get(0).header("Idempotency-Key");
        assertTrue(requests.stream().allMatch(r -> key.equals(r.header("Idempotency-Key"))));
    }

    @Test
    void retriesAfterTheConnectionIsRefused() throws IOException {
        int port;
        try (ServerSocket reserved = new ServerSocket(0)) {
            port = reserved.getLocalPort();
        }
        AtomicReference<ScriptedServer> late = new AtomicReference<>();
        RecordingSleeper startsTheServer = new RecordingSleeper(() -> {
            if (late.get() == null) {
                try {
                    late.set(new ScriptedServer(port).reply(200, PAYMENT));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        try {
            PayFunctionsClient client = PayFunctionsClient.builder().apiKey("sk_test_x")
                    .baseUrl("http://127.0.0.1:" + port + "/api").sleeper(startsTheServer).build();

            assertEquals("pay_1", client.payments().retrieve("pay_1").getId());

            assertEquals(1, startsTheServer.waits().size());
            assertEquals(1, late.get().requests().size());
        } finally {
            if (late.get() != null) {
                late.get().close();
            }
        }
    }

    @Test
    void refusedEveryTimeRaisesAConnectionError() throws IOException {
        int port;
        try (ServerSocket reserved = new ServerSocket(0)) {
            port = reserved.getLocalPort();
        }
        PayFunctionsClient client = PayFunctionsClient.builder().apiKey("sk_test_x")
                .baseUrl("http://127.0.0.1:" + port + "/api").sleeper(sleeper).build();

        ApiConnectionException error = assertThrows(ApiConnectionException.class,
                () -> client.payments().retrieve("pay_1"));

        assertEquals(0, error.getStatus());
        assertEquals(2, sleeper.waits().size());
    }

    @Test
    void a400IsNotRetriedAndCarriesTheProblem() {
        server.problem(400, "parameter_invalid", "amount").reply(201, PAYMENT);

        InvalidRequestException error = assertThrows(InvalidRequestException.class,
                () -> client().payments().create(params()));

        assertEquals(1, server.requests().size());
        assertEquals(400, error.getStatus());
        assertEquals("parameter_invalid", error.getCode());
        assertEquals("amount", error.getParam());
        assertEquals("Refused", error.getTitle());
        assertEquals("scripted", error.getDetail());
        assertEquals("https://payfunctions.dev/problems/parameter_invalid", error.getType());
        assertEquals("req_parameter_invalid", error.getRequestId());
        assertEquals(400, error.getProblem().get("status").getAsInt());
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void exhaustedRetriesRaiseTheLastError() {
        server.problem(500, "internal_error", null).problem(502, "bad_gateway", null)
                .problem(503, "service_unavailable", null).reply(201, PAYMENT);

        ApiException error = assertThrows(ApiException.class, () -> client().payments().create(params()));

        assertEquals(503, error.getStatus());
        assertEquals("service_unavailable", error.getCode());
        assertEquals(3, server.requests().size());
        assertEquals(2, sleeper.waits().size());
    }

    @Test
    void maxRetriesZeroSendsOnce() {
        server.problem(503, "service_unavailable", null).reply(201, PAYMENT);
        PayFunctionsClient client = PayFunctionsClient.builder().apiKey("sk_test_x").baseUrl(server.baseUrl())
                .maxRetries(0).sleeper(sleeper).build();

        assertThrows(PayFunctionsException.class, () -> client.payments().create(params()));

        assertEquals(1, server.requests().size());
    }

    @Test
    void getsCarryNoIdempotencyKeyButTheKeyAndUserAgent() {
        server.reply(200, PAYMENT);

        client().payments().retrieve("pay_1");

        ScriptedServer.Request request = server.requests().get(0);
        assertEquals("GET", request.method());
        assertEquals("/api/v1/payments/pay_1", request.uri());
        assertNull(request.header("Idempotency-Key"));
        assertEquals("Bearer sk_test_x", request.header("Authorization"));
        assertEquals("payfunctions-java/0.1.0", request.header("User-Agent"));
    }

    @Test
    void theCallersIdempotencyKeyIsSentAsGivenOnEveryAttempt() {
        server.problem(503, "service_unavailable", null).reply(201, PAYMENT);

        client().payments().create(params(), RequestOptions.idempotencyKey("order-1001"));

        assertEquals("order-1001", server.requests().get(0).header("Idempotency-Key"));
        assertEquals("order-1001", server.requests().get(1).header("Idempotency-Key"));
    }

    @Test
    void eachCallGetsItsOwnKey() {
        server.reply(201, PAYMENT).reply(201, PAYMENT);

        client().payments().create(params());
        client().payments().create(params());

        assertFalse(server.requests().get(0).header("Idempotency-Key")
                .equals(server.requests().get(1).header("Idempotency-Key")));
    }

    @Test
    void backoffGrowsWithinTheContractsBounds() {
        for (int i = 0; i < 5; i++) {
            server.problem(500, "internal_error", null);
        }
        server.reply(201, PAYMENT);
        PayFunctionsClient client = PayFunctionsClient.builder().apiKey("sk_test_x").baseUrl(server.baseUrl())
                .maxRetries(5).sleeper(sleeper).build();

        client.payments().create(params());

        long[] ceilings = {500, 1000, 2000, 4000, 8000};
        List<Duration> waits = sleeper.waits();
        assertEquals(5, waits.size());
        for (int n = 0; n < ceilings.length; n++) {
            long millis = waits.get(n).toMillis();
            assertTrue(millis >= ceilings[n] / 2 && millis <= ceilings[n], "retry " + n + " waited " + millis);
        }
    }
}

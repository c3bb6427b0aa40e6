package com.payfunctions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.payfunctions.exception.ApiException;
import com.payfunctions.exception.AuthenticationException;
import com.payfunctions.exception.ConflictException;
import com.payfunctions.exception.InvalidRequestException;
import com.payfunctions.exception.NotFoundException;
import com.payfunctions.exception.PayFunctionsException;
import com.payfunctions.exception.PermissionException;
import com.payfunctions.exception.RateLimitException;
import com.payfunctions.model.Payment;
import com.payfunctions.param.PaymentCreateParams;
import com.payfunctions.param.PaymentListParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests, answers and errors of the client alone, against a scripted server. */
class ClientTest {
    private ScriptedServer server;
    private PayFunctionsClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        client = PayFunctionsClient.builder().apiKey("sk_test_x").baseUrl(server.baseUrl())
                .sleeper(new RecordingSleeper()).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachStatusRaisesItsOwnClassUnderOneBase() {
        Map<Integer, Class<? extends PayFunctionsException>> classes = Map.of(
                400, InvalidRequestException.class,
                401, AuthenticationException.class,
                403, PermissionException.class,
                404, NotFoundException.class,
                409, ConflictException.class,
                422, ApiException.class);
        for (Map.Entry<Integer, Class<? extends PayFunctionsException>> entry : classes.entrySet()) {
            server.problem(entry.getKey(), "code_" + entry.getKey(), null);
            PayFunctionsException error = assertThrows(PayFunctionsException.class,
                    () -> client.payments().retrieve("pay_1"));
            assertInstanceOf(entry.getValue(), error);
            assertEquals(entry.getKey(), error.getStatus());
            assertEquals("code_" + entry.getKey(), error.getCode());
            assertEquals("req_code_" + entry.getKey(), error.getRequestId());
        }
    }

    @Test
    void a429PastTheRetriesIsARateLimitError() {
        server.problem(429, "rate_limited", null).problem(429, "rate_limited", null).problem(429, "rate_limited", null);

        assertThrows(RateLimitException.class, () -> client.balance().retrieve());
        assertEquals(3, server.requests().size());
    }

    @Test
    void anAnswerWithoutAProblemDocumentStillRaises() {
        server.reply(404, "not json", "Content-Type", "text/plain");

        NotFoundException error = assertThrows(NotFoundException.class, () -> client.refunds().retrieve("re_1"));

        assertNull(error.getProblem());
        assertNull(error.getCode());
        assertNull(error.getRequestId());
    }

    @Test
    void bodiesAreSnakeCaseAndKeepNestedParameters() {
        server.reply(201, RetryTest.PAYMENT);

        client.payments().create(PaymentCreateParams.builder()
                .amount(10000).currency("cny").method("wechat_pay.native").merchantOrderId("order-1")
                .split(PaymentCreateParams.Split.builder()
                        .addRecipient(PaymentCreateParams.SplitRecipient.builder()
                                .account("acct_1").basisPoints(1000).build())
                        .build())
                .metadata(Map.of("k", "v"))
                .putExtraParam("future_field", true)
                .build());

        String body = server.requests().get(0).body();
        assertEquals("{\"amount\":10000,\"currency\":\"cny\",\"method\":\"wechat_pay.native\","
                + "\"merchant_order_id\":\"order-1\",\"split\":{\"recipients\":[{\"account\":\"acct_1\","
                + "\"basis_points\":1000}]},\"metadata\":{\"k\":\"v\"},\"future_field\":true}", body);
        assertEquals("application/json", server.requests().get(0).header("Content-Type"));
    }

    @Test
    void unknownFieldsStayReadable() {
        server.reply(200, "{\"id\":\"pay_1\",\"object\":\"payment\",\"amount\":9007199254740993,"
                + "\"created_at\":\"2026-11-30T14:18:46.1676444+00:00\",\"brand_new\":{\"x\":1},"
                + "\"next_action\":{\"type\":\"display_qr_code\",\"display_qr_code\":{\"data\":\"weixin://x\"}}}");

        Payment payment = client.payments().retrieve("pay_1");

        assertEquals(9007199254740993L, payment.getAmount());
        assertEquals(1, payment.get("brand_new").getAsJsonObject().get("x").getAsInt());
        assertEquals("weixin://x", payment.getNextAction().getDisplayQrCode().getData());
        assertEquals(2026, payment.getCreatedAt().getYear());
        assertEquals("display_qr_code", payment.getNextAction().getRawJson().get("type").getAsString());
    }

    @Test
    void autoPaginationFollowsStartingAfterUntilHasMoreIsFalse() {
        server.reply(200, "{\"object\":\"list\",\"url\":\"/api/v1/payments\",\"has_more\":true,"
                + "\"data\":[{\"id\":\"pay_c\"},{\"id\":\"pay_b\"}]}");
        server.reply(200, "{\"object\":\"list\",\"url\":\"/api/v1/payments\",\"has_more\":false,"
                + "\"data\":[{\"id\":\"pay_a\"}]}");

        Page<Payment> first = client.payments().list(PaymentListParams.builder().limit(2).status("succeeded").build());
        List<String> ids = first.autoPagingStream().map(Payment::getId).collect(Collectors.toList());

        assertEquals(List.of("pay_c", "pay_b", "pay_a"), ids);
        assertTrue(first.hasMore());
        assertEquals(2, first.getData().size());
        List<ScriptedServer.Request> requests = server.requests();
        assertEquals("/api/v1/payments?limit=2&status=succeeded", requests.get(0).uri());
        assertEquals("/api/v1/payments?limit=2&status=succeeded&starting_after=pay_b", requests.get(1).uri());
    }

    @Test
    void aSinglePageListDoesNotAskForMore() {
        server.reply(200, "{\"object\":\"list\",\"url\":\"/api/v1/settlements\",\"has_more\":false,"
                + "\"data\":[{\"id\":\"stl_1\",\"amount\":8946}]}");

        Page<com.payfunctions.model.Settlement> page = client.settlements().list();

        int count = 0;
        for (com.payfunctions.model.Settlement settlement : page.autoPagingIterable()) {
            assertEquals(8946L, settlement.getAmount());
            count++;
        }
        assertEquals(1, count);
        assertFalse(page.hasMore());
        assertEquals(1, server.requests().size());
    }

    @Test
    void qrCodesAreBytes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        server.reply(200, png, "Content-Type", "image/png");

        assertArrayEquals(png, client.stores().qrPng("store_1"));
        assertEquals("/api/v1/stores/store_1/qr.png", server.requests().get(0).uri());
        server.reply(200, "<svg/>", "Content-Type", "image/svg+xml");
        assertArrayEquals("<svg/>".getBytes(StandardCharsets.UTF_8), client.stores().qrSvg("store_1"));
    }

    @Test
    void idsAreEscapedInPaths() {
        server.reply(200, RetryTest.PAYMENT);

        client.payments().retrieve("pay/../x y");

        assertEquals("/api/v1/payments/pay%2F..%2Fx%20y", server.requests().get(0).uri());
    }

    @Test
    void postsWithoutParametersSendAnEmptyObject() {
        server.reply(200, "{\"id\":\"dlv_1\",\"object\":\"webhook_delivery\",\"status\":\"delivered\"}");

        assertEquals("delivered", client.webhookEndpoints().sendTest().getStatus());

        assertEquals("{}", server.requests().get(0).body());
        assertTrue(server.requests().get(0).header("Idempotency-Key") != null);
    }

    @Test
    void deleteSendsNoIdempotencyKey() {
        server.reply(200, "{\"id\":\"rule_1\",\"object\":\"risk_rule\",\"deleted\":true}");

        assertTrue(client.riskRules().delete("rule_1").getDeleted());

        assertEquals("DELETE", server.requests().get(0).method());
        assertNull(server.requests().get(0).header("Idempotency-Key"));
    }
}

package com.payfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.payfunctions.model.Account;
import com.payfunctions.model.ApiKey;
import com.payfunctions.model.Balance;
import com.payfunctions.model.Payment;
import com.payfunctions.model.PaymentReport;
import com.payfunctions.model.RiskRule;
import com.payfunctions.model.RoutingPolicy;
import com.payfunctions.model.Store;
import com.payfunctions.model.TimelineEvent;
import com.payfunctions.model.WebhookDelivery;
import com.payfunctions.param.AccountCreateParams;
import com.payfunctions.param.ApiKeyCreateParams;
import com.payfunctions.param.ApiKeyRollParams;
import com.payfunctions.param.ListParams;
import com.payfunctions.param.PaymentCreateParams;
import com.payfunctions.param.PaymentReportParams;
import com.payfunctions.param.RiskRuleParams;
import com.payfunctions.param.StoreCreateParams;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The resources beyond payments against the running host, each read into its model. Only objects this test
 * creates are changed; the merchant's routing policy and its own API key are left alone, since other
 * clients share the demo merchant.
 */
class LiveResourcesTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final PayFunctionsClient client = PayFunctionsClient.builder()
            .apiKey(Env.API_KEY).baseUrl(Env.API_BASE).build();

    @Test
    void closesAPaymentAndReadsItsTimeline() {
        Payment payment = client.payments().create(PaymentCreateParams.builder()
                .amount(500).currency("cny").method("wechat_pay.native")
                .merchantOrderId("java-sdk-" + RUN + "-close").description("Java SDK close").build());

        Payment closed = client.payments().close(payment.getId());

        assertEquals("closed", closed.getStatus());
        List<TimelineEvent> timeline = client.payments().timeline(payment.getId()).getData();
        assertFalse(timeline.isEmpty());
        assertNotNull(timeline.get(0).getType());
        assertNotNull(timeline.get(0).getAt());
    }

    @Test
    void createsReadsListsAndDeactivatesAnAccount() {
        Account account = client.accounts().create(AccountCreateParams.builder()
                .type("individual").name("Java SDK " + RUN)
                .payoutMethod(AccountCreateParams.PayoutMethod.builder().type("bank_account")
                        .bankAccount(AccountCreateParams.BankAccount.builder()
                                .accountHolderName("Java SDK").bankName("ICBC")
                                .accountNumber("6222020200112233445").build())
                        .build())
                .build());

        assertEquals("active", account.getStatus());
        assertEquals("3445", account.getPayoutMethod().getBankAccount().getLast4());
        assertEquals(account.getName(), client.accounts().retrieve(account.getId()).getName());
        assertTrue(client.accounts().list(ListParams.builder().limit(100).build()).getData().stream()
                .anyMatch(a -> a.getId().equals(account.getId())));
        Account deactivated = client.accounts().deactivate(account.getId());
        assertNotNull(deactivated.getDeactivatedAt());
    }

    @Test
    void createsAStoreAndDownloadsItsQrCodes() {
        Store store = client.stores().create(StoreCreateParams.builder()
                .name("Java SDK " + RUN).amount(1500).currency("cny").build());

        assertEquals(1500L, store.getAmount());
        assertEquals(store.getId(), client.stores().retrieve(store.getId()).getId());
        assertTrue(client.stores().list(ListParams.builder().limit(100).build()).getData().stream()
                .anyMatch(s -> s.getId().equals(store.getId())));
        byte[] png = client.stores().qrPng(store.getId());
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
        assertTrue(new String(client.stores().qrSvg(store.getId()), StandardCharsets.UTF_8).contains("<svg"));
    }

    @Test
    void createsRollsAndRevokesAnApiKeyOfItsOwn() {
        ApiKey key = client.apiKeys().create(ApiKeyCreateParams.builder()
                .name("Java SDK " + RUN).scopes(List.of("read")).build());
        assertNotNull(key.getSecret());
        assertEquals("active", key.getStatus());

        ApiKey rolled = client.apiKeys().roll(key.getId(), ApiKeyRollParams.builder().expiresInSeconds(60).build());
        assertNotNull(rolled.getSecret());
        assertTrue(client.apiKeys().list().autoPagingStream().anyMatch(k -> k.getId().equals(rolled.getId())));

        assertEquals("revoked", client.apiKeys().revoke(rolled.getId()).getStatus());
        if (!rolled.getId().equals(key.getId())) {
            assertEquals("revoked", client.apiKeys().revoke(key.getId()).getStatus());
        }
    }

    @Test
    void createsUpdatesAndDeletesARiskRuleOfItsOwn() {
        RiskRule rule = client.riskRules().create(RiskRuleParams.builder()
                .kind("list").action("review").field("payer_id").values(List.of("java-sdk-" + RUN))
                .description("Java SDK live test").build());
        assertEquals("merchant", rule.getScope());

        RiskRule updated = client.riskRules().update(rule.getId(), RiskRuleParams.builder()
                .kind("list").action("review").field("payer_id").values(List.of("java-sdk-" + RUN, "other"))
                .description("Java SDK live test, updated").build());
        assertEquals(rule.getId(), updated.getId());
        assertTrue(client.riskRules().list().getData().stream().anyMatch(r -> r.getId().equals(rule.getId())));

        assertTrue(client.riskRules().delete(rule.getId()).getDeleted());
    }

    @Test
    void readsTheMerchantsOwnState() {
        Balance balance = client.balance().retrieve();
        assertEquals("balance", balance.getObject());
        assertNotNull(balance.getPendingSettlement());

        RoutingPolicy routing = client.routing().retrieve();
        assertNotNull(routing.getRawJson());

        assertFalse(client.channelAccounts().list().getData().isEmpty());
        assertEquals("list", client.settlements().list().getObject());
        assertEquals("list", client.webhookEndpoints().list().getObject());

        PaymentReport report = client.reports().payments(PaymentReportParams.builder().groupBy("method").build());
        assertEquals("method", report.getGroupBy());
        assertNotNull(report.getData());
    }

    @Test
    void sendsATestWebhookAndListsDeliveries() {
        WebhookDelivery delivery = client.webhookEndpoints().sendTest();
        assertNotNull(delivery.getId());
        assertNull(delivery.get("no_such_field"));

        assertEquals("list", client.webhookEndpoints().listDeliveries(ListParams.builder().limit(5).build())
                .getObject());
    }
}

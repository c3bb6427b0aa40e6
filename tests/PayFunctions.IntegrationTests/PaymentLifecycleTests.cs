using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PayFunctions.Domain;

namespace PayFunctions.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class PaymentLifecycleTests(PlatformFixture platform)
{
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Payment_WhenCustomerPays_SucceedsPostsSplitAndSendsSignedWebhook()
    {
        var courier = await scenario.CreateAccountAsync();
        var store = await scenario.CreateAccountAsync(json: Scenario.BankAccountBody("6217000010001234567", "Corner Store"));
        var created = await scenario.CreatePaymentAsync(
            extra: $$""","split":{"recipients":[{"account":"{{courier}}","basis_points":1000},{"account":"{{store}}","amount":500}]}""",
            amount: 10000);
        var id = (string)created["id"]!;
        Assert.Equal("requires_action", (string?)created["status"]);
        Assert.StartsWith("weixin://wxpay/bizpayurl", (string?)created["next_action"]?["display_qr_code"]?["data"], StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id));
        var paid = await scenario.WaitForStatusAsync(id, "succeeded", TimeSpan.FromSeconds(30));

        Assert.NotNull((string?)paid["channel_trade_no"]);
        Assert.Null(paid["next_action"]);
        var allocations = paid["allocations"]!.AsArray().Select(a => ((string)a!["account"]!, (string)a["role"]!, (long)a["amount"]!)).ToList();
        Assert.Equal(
            [("platform", "platform_fee", 60L), (store, "recipient", 500L), (courier, "recipient", 994L), (PlatformFixture.DemoMerchantId, "merchant", 8446L)],
            allocations);

        var entries = await scenario.LedgerEntriesForAsync(id);
        var capture = Assert.Single(entries);
        Assert.Equal(10000, capture.Lines.Where(l => l.Side == EntrySide.Debit).Sum(l => l.Amount.MinorUnits));
        Assert.Contains(capture.Lines, l => l.Account == LedgerAccounts.Payable(PlatformFixture.DemoMerchantId) && l.Amount.MinorUnits == 8446);

        var webhook = await WaitForSingleWebhookAsync(id, "payment.succeeded");
        AssertStandardWebhookSignature(webhook);
        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task DuplicateNotification_DeliveredFiveTimesConcurrently_TransitionsPostsAndNotifiesOnce()
    {
        var id = (string)(await scenario.CreatePaymentAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id, """{"notify":false}"""));
        Assert.Equal(HttpStatusCode.Accepted, await scenario.SandboxPostAsync($"sandbox/wechat_pay/orders/{id}/notifications/resend", """{"times":5,"concurrent":true}"""));

        await scenario.WaitForStatusAsync(id, "succeeded", TimeSpan.FromSeconds(30));
        var deliveries = await WaitForDeliveriesAsync(id, 5);
        Assert.All(deliveries, d => Assert.Equal(200, (int?)d["status"]));
        Assert.Single(deliveries.Select(d => (string?)d["body"]).Distinct());

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await scenario.LedgerEntriesForAsync(id));
        var webhooks = await scenario.WebhooksForAsync(id);
        Assert.Single(webhooks.Select(w => (string?)w["headers"]!["webhook-id"]).Distinct());
        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task TamperedNotification_IsRejectedAndChangesNothing()
    {
        var id = (string)(await scenario.CreatePaymentAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id));
        await scenario.WaitForStatusAsync(id, "succeeded", TimeSpan.FromSeconds(30));
        var original = (await WaitForDeliveriesAsync(id, 1))[0];
        await WaitForSingleWebhookAsync(id, "payment.succeeded");
        var ledgerBefore = (await LedgerSnapshot.ReadJournalAsync(platform.Storage)).Count;
        var webhooksBefore = (await scenario.WebhooksForAsync(id)).Count;

        var body = (string)original["body"]!;
        var tampered = body.Replace("\"ciphertext\":\"", "\"ciphertext\":\"A", StringComparison.Ordinal);
        foreach (var candidate in new[] { tampered, body + " " })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/notify/wechat_pay")
            {
                Content = new StringContent(candidate, Encoding.UTF8, "application/json"),
            };
            foreach (var (name, value) in original["headers"]!.AsObject())
            {
                if (name.StartsWith("Wechatpay-", StringComparison.OrdinalIgnoreCase))
                {
                    request.Headers.TryAddWithoutValidation(name, (string?)value);
                }
            }

            using var response = await platform.Api.SendAsync(request);
            Assert.False(response.IsSuccessStatusCode, $"a tampered notification was acknowledged: {response.StatusCode}");
        }

        Assert.Equal(ledgerBefore, (await LedgerSnapshot.ReadJournalAsync(platform.Storage)).Count);
        Assert.Equal(webhooksBefore, (await scenario.WebhooksForAsync(id)).Count);
        Assert.Equal("succeeded", (string?)(await scenario.GetPaymentAsync(id))["status"]);
        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task Close_WhenMerchantCloses_ClosesAtChannelAndCustomerCannotPay()
    {
        var id = (string)(await scenario.CreatePaymentAsync())["id"]!;
        using var close = platform.Request(HttpMethod.Post, $"api/v1/payments/{id}/close");
        var (status, body, _) = await scenario.SendAsync(close);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("closed", (string?)body["status"]);
        Assert.Equal(HttpStatusCode.Conflict, await scenario.PayAsync(id));
        await WaitForSingleWebhookAsync(id, "payment.closed");

        using var again = platform.Request(HttpMethod.Post, $"api/v1/payments/{id}/close");
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(again)).Status);
        Assert.Empty(await scenario.LedgerEntriesForAsync(id));
    }

    [Fact]
    public async Task HostKilledMidPayment_PaymentStillCompletesAfterRestart()
    {
        var id = (string)(await scenario.CreatePaymentAsync())["id"]!;
        platform.Host!.Kill();

        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id));
        await platform.RestartHostAsync();

        await scenario.WaitForStatusAsync(id, "succeeded", TimeSpan.FromSeconds(90));
        Assert.Single(await scenario.LedgerEntriesForAsync(id));
        await WaitForSingleWebhookAsync(id, "payment.succeeded");
        await scenario.AssertLedgerInvariantAsync();
    }

    private async Task<JsonObject> WaitForSingleWebhookAsync(string paymentId, string type)
    {
        for (var i = 0; i < 120; i++)
        {
            var hooks = (await scenario.WebhooksForAsync(paymentId))
                .Where(w => (string?)JsonNode.Parse((string)w["body"]!)!["type"] == type)
                .ToList();
            if (hooks.Count > 0)
            {
                Assert.Single(hooks.Select(h => (string?)h["headers"]!["webhook-id"]).Distinct());
                return hooks[0];
            }

            await Task.Delay(250);
        }

        Assert.Fail($"No {type} webhook for {paymentId}.");
        return [];
    }

    private async Task<IReadOnlyList<JsonObject>> WaitForDeliveriesAsync(string paymentId, int count)
    {
        for (var i = 0; i < 120; i++)
        {
            var deliveries = (await scenario.SandboxGetAsync($"sandbox/wechat_pay/orders/{paymentId}/notifications")).Select(d => d!.AsObject()).ToList();
            if (deliveries.Count >= count && deliveries.All(d => d["status"] is not null))
            {
                return deliveries;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Fewer than {count} notification deliveries for {paymentId}.");
        return [];
    }

    private static void AssertStandardWebhookSignature(JsonObject webhook)
    {
        var headers = webhook["headers"]!.AsObject();
        var id = (string)headers["webhook-id"]!;
        var timestamp = (string)headers["webhook-timestamp"]!;
        var body = (string)webhook["body"]!;
        var key = Convert.FromBase64String(PlatformFixture.WebhookSecret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        Assert.Contains(expected, ((string)headers["webhook-signature"]!).Split(' '));
        Assert.Equal(id, (string?)JsonNode.Parse(body)!["id"]);
    }
}

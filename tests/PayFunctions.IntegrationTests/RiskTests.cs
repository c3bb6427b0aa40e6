using System.Net;
using System.Text.Json.Nodes;
using PayFunctions.Core.Merchants;
using PayFunctions.Domain;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// Risk decisions on real payments through LocalHost: a card tester's burst of tiny payments from one address is blocked
/// before any order reaches the channel, and a payment a merchant's rule sends to review is paid but its money is held
/// from settlement (and from refunds), and shown apart in the merchant's balance, until an operator releases it; the
/// merchant hears of the review opening and closing, and a review of a payment closed unpaid is voided.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RiskTests(PlatformFixture platform)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task ACardTestingBurstFromOneAddress_IsBlockedBeforeTheChannel_AndSaysWhy()
    {
        var key = await NewMerchantAsync();
        var address = $"198.51.100.{Random.Shared.Next(1, 255)}";
        var outcomes = new List<JsonObject>();
        for (var i = 0; i < 7; i++)
        {
            var (status, body, _) = await scenario.SendAsync(platform.Request(
                HttpMethod.Post, "api/v1/payments", key, Scenario.PaymentBody(Scenario.NewOrderId(), 100 + i, $$""","payer":{"ip":"{{address}}"}""")));
            Assert.True(status is HttpStatusCode.Created or HttpStatusCode.Accepted, $"{status} {body}");
            outcomes.Add((string?)body["status"] == "failed" ? body : await WaitForEndOrOrderAsync((string)body["id"]!, key));
        }

        var firstBlocked = outcomes.FindIndex(p => (string?)p["failure_code"] == "payment_blocked");
        Assert.True(firstBlocked is > 0 and <= 4, string.Join("\n", outcomes.Select(o => o.ToJsonString())));
        Assert.All(outcomes.Take(firstBlocked), p => Assert.Equal("requires_action", (string?)p["status"]));
        Assert.All(outcomes.Skip(firstBlocked), p => Assert.Equal("payment_blocked", (string?)p["failure_code"]));
        var blocked = outcomes[^1];
        var risk = blocked["risk"]!.AsObject();
        Assert.Equal("block", (string?)risk["outcome"]);
        var rule = Assert.Single(risk["decisions"]!.AsArray()[0]!["rules"]!.AsArray(), r => (string?)r!["id"] == "rule_default_card_testing_ip")!;
        Assert.Equal("block", (string?)rule["action"]);
        Assert.DoesNotContain(address, rule["reason"]!.ToString(), StringComparison.Ordinal);
        foreach (var payment in outcomes.Skip(firstBlocked))
        {
            using var order = await platform.Sandbox.GetAsync($"sandbox/wechat_pay/orders/{payment["id"]}");
            Assert.Equal(HttpStatusCode.NotFound, order.StatusCode);
        }
    }

    [Fact]
    public async Task APaymentSentToReview_IsPaidButHeldFromSettlementAndRefunds_UntilAnOperatorReleasesIt()
    {
        var key = await NewMerchantAsync();
        var payer = "risk-review-" + Guid.NewGuid().ToString("N")[..12];
        await scenario.CreatePayerListRuleAsync(key, "review", [payer], "Payers we look at first");

        var held = await PaidAsync(key, 10_000, $$""","payer":{"id":"{{payer}}"}""");
        var plain = await PaidAsync(key, 1_000, "");

        var risk = held["risk"]!.AsObject();
        Assert.Equal(("review", "pending"), ((string?)risk["outcome"], (string?)risk["review"]));
        Assert.Contains(risk["decisions"]!.AsArray()[0]!["rules"]!.AsArray(), r => (string?)r!["action"] == "review" && ((string?)r["reason"])!.Contains("payer", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("allow", (string?)plain["risk"]!["outcome"]);
        Assert.Equal((994, 9_940), await BalanceAsync(key));
        var opened = await WaitForWebhookAsync((string)held["id"]!, "review.opened");
        Assert.Equal((true, "review"), ((bool)opened["open"]!, (string?)opened["rules"]!.AsArray()[0]!["action"]));

        var (refundStatus, refund) = await scenario.CreateRefundAsync((string)held["id"]!, """{"amount":100}""", apiKey: key);
        Assert.Equal((HttpStatusCode.Conflict, "payment_under_review"), (refundStatus, (string?)refund["code"]));

        var queue = await OperatorAsync(HttpMethod.Get, "api/ops/risk/reviews?limit=100");
        Assert.Contains(queue["data"]!.AsArray(), r => (string?)r!["payment"] == (string?)held["id"]);
        var released = await OperatorAsync(HttpMethod.Post, $"api/ops/risk/reviews/{held["id"]}/release", """{"note":"Known customer, confirmed by phone."}""");
        Assert.Equal(("released", "Known customer, confirmed by phone."), ((string?)released["status"], (string?)released["note"]));
        using (var again = platform.Request(HttpMethod.Post, $"api/ops/risk/reviews/{held["id"]}/release", PlatformFixture.OperatorKey, """{"note":"twice"}"""))
        {
            var (status, body, _) = await scenario.SendAsync(again);
            Assert.Equal((HttpStatusCode.Conflict, "review_released"), (status, (string?)body["code"]));
        }

        Assert.Equal((994 + 9_940, 0), await BalanceAsync(key));
        Assert.Equal("released", (string?)(await WaitForWebhookAsync((string)held["id"]!, "review.closed"))["closed_reason"]);
        Assert.Equal("released", (string?)(await scenario.GetPaymentAsync((string)held["id"]!, key))["risk"]!["review"]);
        var entries = await scenario.LedgerEntriesForAsync((string)held["id"]!);
        Assert.Contains(entries, e => e.Kind == Postings.RiskReleaseKind);
        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task AReviewOfAPaymentClosedUnpaid_IsVoided_AnnouncedSo_AndCannotBeReleased()
    {
        var key = await NewMerchantAsync();
        var payer = "risk-void-" + Guid.NewGuid().ToString("N")[..12];
        await scenario.CreatePayerListRuleAsync(key, "review", [payer], "Payers we look at first");

        using var create = platform.Request(HttpMethod.Post, "api/v1/payments", key, Scenario.PaymentBody(Scenario.NewOrderId(), 2_000, $$""","payer":{"id":"{{payer}}"}"""));
        var (created, payment, _) = await scenario.SendAsync(create);
        Assert.True(created == HttpStatusCode.Created, $"{created} {payment}");
        var id = (string)payment["id"]!;
        Assert.Equal("review", (string?)(await WaitForWebhookAsync(id, "review.opened"))["rules"]!.AsArray()[0]!["action"]);
        using (var close = platform.Request(HttpMethod.Post, $"api/v1/payments/{id}/close", key, "{}"))
        {
            var (status, body, _) = await scenario.SendAsync(close);
            Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        }

        var closed = await WaitForWebhookAsync(id, "review.closed");
        Assert.Equal((false, "voided", "payment_closed"), ((bool)closed["open"]!, (string?)closed["closed_reason"], (string?)closed["void_reason"]));
        Assert.Equal("voided", (string?)(await scenario.GetPaymentAsync(id, key))["risk"]!["review"]);
        Assert.DoesNotContain((await OperatorAsync(HttpMethod.Get, "api/ops/risk/reviews?limit=100"))["data"]!.AsArray(), r => (string?)r!["payment"] == id);
        var voided = Assert.Single((await OperatorAsync(HttpMethod.Get, "api/ops/risk/reviews?status=voided&limit=100"))["data"]!.AsArray(), r => (string?)r!["payment"] == id)!;
        Assert.Equal("payment_closed", (string?)voided["void_reason"]);
        using (var release = platform.Request(HttpMethod.Post, $"api/ops/risk/reviews/{id}/release", PlatformFixture.OperatorKey, """{"note":"Too late."}"""))
        {
            var (status, body, _) = await scenario.SendAsync(release);
            Assert.Equal((HttpStatusCode.Conflict, "review_voided"), (status, (string?)body["code"]));
        }

        Assert.Equal((0, 0), await BalanceAsync(key));
        Assert.Empty(await scenario.LedgerEntriesForAsync(id));
    }

    /// <summary>The review a <paramref name="type"/> webhook about the payment carried, once the merchant's endpoint has it.</summary>
    private async Task<JsonObject> WaitForWebhookAsync(string paymentId, string type)
    {
        var deadline = DateTime.UtcNow + Within;
        do
        {
            foreach (var webhook in await scenario.WebhooksForAsync(paymentId))
            {
                if (JsonNode.Parse((string)webhook["body"]!) is JsonObject body && (string?)body["type"] == type)
                {
                    return body["data"]!["object"]!.AsObject();
                }
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"No {type} webhook for {paymentId} within {Within}.\n{platform.HostLogTail()}");
        return null!;
    }

    private async Task<JsonObject> PaidAsync(string key, long amount, string extra)
    {
        using var create = platform.Request(HttpMethod.Post, "api/v1/payments", key, Scenario.PaymentBody(Scenario.NewOrderId(), amount, extra));
        var (status, created, _) = await scenario.SendAsync(create);
        Assert.True(status == HttpStatusCode.Created, $"{status} {created}");
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync((string)created["id"]!));
        return await scenario.WaitForStatusAsync((string)created["id"]!, "succeeded", Within, key);
    }

    /// <summary>A payment once it has its order at the channel (or has ended), as the merchant reads it.</summary>
    private async Task<JsonObject> WaitForEndOrOrderAsync(string id, string key)
    {
        var deadline = DateTime.UtcNow + Within;
        JsonObject payment;
        do
        {
            payment = await scenario.GetPaymentAsync(id, key);
            if ((string?)payment["status"] is "failed" or "requires_action")
            {
                return payment;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return payment;
    }

    /// <summary>What the merchant's balance says is pending settlement and held for review, in CNY.</summary>
    private async Task<(long Pending, long Held)> BalanceAsync(string key)
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/balance", key);
        var (status, balance, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, status);
        return (Cny(balance["pending_settlement"]!), Cny(balance["held_for_review"]!));
    }

    private static long Cny(JsonNode amounts) =>
        amounts.AsArray().Where(a => (string?)a!["currency"] == "cny").Sum(a => (long)a!["amount"]!);

    private async Task<JsonObject> OperatorAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = platform.Request(method, path, PlatformFixture.OperatorKey, json);
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}\n{platform.HostLogTail()}");
        return body;
    }

    private async Task<string> NewMerchantAsync()
    {
        var id = "mch_it_risk_" + Guid.NewGuid().ToString("N")[..10];
        var key = "sk_test_it_" + Guid.NewGuid().ToString("N");
        await platform.Merchants(TimeProvider.System).SeedAsync(
            new MerchantEntity { Id = id, Name = id, FeeBasisPoints = 60, WebhookUrl = new Uri(platform.Sandbox.BaseAddress!, $"sandbox/webhooks/{PlatformFixture.WebhookSink}").ToString() },
            key,
            PlatformFixture.WebhookSecret,
            CancellationToken.None);
        return key;
    }
}

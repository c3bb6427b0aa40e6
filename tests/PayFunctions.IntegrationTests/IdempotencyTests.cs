using System.Net;

namespace PayFunctions.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class IdempotencyTests(PlatformFixture platform)
{
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task TwentyConcurrentRequests_WithOneKey_CreateOnePayment()
    {
        var key = "idem-" + Guid.NewGuid().ToString("N");
        var body = Scenario.PaymentBody(Scenario.NewOrderId());
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var request = platform.Request(HttpMethod.Post, "api/v1/payments", json: body);
            request.Headers.Add("Idempotency-Key", key);
            var (status, json, _) = await scenario.SendAsync(request);
            return (status, json);
        }));

        Assert.All(responses, r => Assert.True(r.status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{r.status}: {r.json}"));
        var ids = responses.Where(r => r.status == HttpStatusCode.Created).Select(r => (string?)r.json["id"]).Distinct().ToList();
        Assert.Single(ids);
        Assert.All(responses.Where(r => r.status == HttpStatusCode.Conflict), r => Assert.Equal("idempotency_key_in_use", (string?)r.json["code"]));

        using var replay = platform.Request(HttpMethod.Post, "api/v1/payments", json: body);
        replay.Headers.Add("Idempotency-Key", key);
        var (replayStatus, replayBody, replayResponse) = await scenario.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Created, replayStatus);
        Assert.Equal(ids[0], (string?)replayBody["id"]);
        Assert.True(replayResponse.Headers.Contains("Idempotent-Replayed"));

        using var list = platform.Request(HttpMethod.Get, "api/v1/payments?limit=100");
        var page = (await scenario.SendAsync(list)).Body["data"]!.AsArray();
        Assert.Single(page, p => (string?)p!["id"] == ids[0]);
    }

    [Fact]
    public async Task SameKey_WithDifferentBody_IsRejectedAndCreatesNothing()
    {
        var key = "idem-" + Guid.NewGuid().ToString("N");
        var first = await scenario.CreatePaymentAsync(idempotencyKey: key);

        var otherOrder = Scenario.NewOrderId();
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", json: Scenario.PaymentBody(otherOrder, 9999));
        request.Headers.Add("Idempotency-Key", key);
        var (status, body, response) = await scenario.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("idempotency_key_reused", (string?)body["code"]);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        using var list = platform.Request(HttpMethod.Get, "api/v1/payments?limit=100");
        var page = (await scenario.SendAsync(list)).Body["data"]!.AsArray();
        Assert.DoesNotContain(page, p => (string?)p!["merchant_order_id"] == otherOrder);
        Assert.Contains(page, p => (string?)p!["id"] == (string?)first["id"]);
    }

    [Fact]
    public async Task MerchantOrderId_UsedTwice_IsAConflict()
    {
        var orderId = Scenario.NewOrderId();
        using (var first = platform.Request(HttpMethod.Post, "api/v1/payments", json: Scenario.PaymentBody(orderId)))
        {
            Assert.Equal(HttpStatusCode.Created, (await scenario.SendAsync(first)).Status);
        }

        using var second = platform.Request(HttpMethod.Post, "api/v1/payments", json: Scenario.PaymentBody(orderId));
        var (status, body, _) = await scenario.SendAsync(second);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("merchant_order_id_in_use", (string?)body["code"]);
        Assert.Equal("merchant_order_id", (string?)body["param"]);
    }

    [Fact]
    public async Task List_PaginatesNewestFirstWithCursor()
    {
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((string)(await scenario.CreatePaymentAsync())["id"]!);
        }

        using var firstPage = platform.Request(HttpMethod.Get, "api/v1/payments?limit=2");
        var page1 = (await scenario.SendAsync(firstPage)).Body;
        Assert.True((bool)page1["has_more"]!);
        var ids1 = page1["data"]!.AsArray().Select(p => (string)p!["id"]!).ToList();
        Assert.Equal([created[2], created[1]], ids1);

        using var secondPage = platform.Request(HttpMethod.Get, $"api/v1/payments?limit=2&starting_after={ids1[^1]}");
        var ids2 = (await scenario.SendAsync(secondPage)).Body["data"]!.AsArray().Select(p => (string)p!["id"]!).ToList();
        Assert.Equal(created[0], ids2[0]);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PayFunctions.IntegrationTests;

/// <summary>The API routes the merchant console reads: list filters, a payment's timeline, webhook tests and the delivery log, and the console's files.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ConsoleApiTests(PlatformFixture platform)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Timeline_tells_a_paid_and_refunded_payment_in_time_order()
    {
        var id = (string)(await scenario.CreatePaymentAsync())["id"]!;
        await scenario.PayAsync(id);
        await scenario.WaitForStatusAsync(id, "succeeded", Within);
        var (refundStatus, refund) = await scenario.CreateRefundAsync(id, """{"amount":700}""");
        Assert.True(refundStatus is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted, $"refund answered {refundStatus}: {refund}");
        var refundId = (string)refund["id"]!;
        await scenario.WaitForRefundAsync(refundId, "succeeded", Within);

        var events = await WaitForTimelineAsync(id, e => e.Any(x => (string?)x["type"] == "webhook.delivery" && (string?)x["status"] == "delivered"));
        var types = events.Select(e => (string)e["type"]!).ToList();

        Assert.Equal("payment.created", types[0]);
        Assert.Contains("routing.decided", types);
        Assert.Contains(events, e => (string?)e["type"] == "channel.attempt" && (string?)e["outcome"] == "placed");
        Assert.Contains("channel.notification", types);
        Assert.Contains("payment.paid", types);
        Assert.Contains("payment.succeeded", types);
        Assert.Contains(events, e => (string?)e["type"] == "refund.created" && (string?)e["refund"] == refundId && (long)e["amount"]! == 700);
        Assert.Contains(events, e => (string?)e["type"] == "refund.succeeded" && (string?)e["refund"] == refundId);
        Assert.Contains(events, e => (string?)e["type"] == "ledger.entry" && (string?)e["kind"] == "payment_captured");
        Assert.Contains(events, e => (string?)e["type"] == "ledger.entry" && (string?)e["kind"] == "refund");
        Assert.True(types.IndexOf("payment.created") < types.IndexOf("payment.succeeded") && types.IndexOf("payment.succeeded") < types.IndexOf("refund.created"));
        // Channels tell the paid time to the whole second: within a second the order is cause before effect.
        var seconds = events.Select(e => DateTimeOffset.Parse((string)e["at"]!, CultureInfo.InvariantCulture).ToUnixTimeSeconds()).ToList();
        Assert.Equal(seconds.Order(), seconds);
        Assert.True(types.IndexOf("payment.paid") < types.IndexOf("payment.succeeded"));
    }

    [Fact]
    public async Task Timeline_of_another_merchants_payment_or_a_malformed_id_is_not_found()
    {
        var id = (string)(await scenario.CreatePaymentAsync())["id"]!;

        using var other = platform.Request(HttpMethod.Get, $"api/v1/payments/{id}/timeline", PlatformFixture.OtherApiKey);
        var (otherStatus, otherBody, _) = await scenario.SendAsync(other);
        using var malformed = platform.Request(HttpMethod.Get, "api/v1/payments/pay_..%2f/timeline");
        var (malformedStatus, _, _) = await scenario.SendAsync(malformed);

        Assert.Equal(HttpStatusCode.NotFound, otherStatus);
        Assert.Equal("resource_missing", (string?)otherBody["code"]);
        Assert.Equal(HttpStatusCode.NotFound, malformedStatus);
    }

    [Fact]
    public async Task Payments_filter_by_order_id_status_method_and_creation_time()
    {
        var paid = await scenario.CreatePaymentAsync();
        var unpaid = await scenario.CreatePaymentAsync();
        var paidId = (string)paid["id"]!;
        await scenario.PayAsync(paidId);
        await scenario.WaitForStatusAsync(paidId, "succeeded", Within);
        var createdAt = DateTimeOffset.Parse((string)unpaid["created_at"]!, CultureInfo.InvariantCulture);

        var byOrder = await ListAsync($"merchant_order_id={Uri.EscapeDataString((string)unpaid["merchant_order_id"]!)}");
        var byOrderAndWrongStatus = await ListAsync($"merchant_order_id={Uri.EscapeDataString((string)unpaid["merchant_order_id"]!)}&status=succeeded");
        var succeeded = await ListAsync("status=succeeded&limit=100");
        var byMethod = await ListAsync("method=wechat_pay.native&limit=100");
        var future = await ListAsync($"created[gte]={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture))}");
        var aroundUnpaid = await ListAsync(
            $"created[gte]={Uri.EscapeDataString(createdAt.ToString("O", CultureInfo.InvariantCulture))}&created[lt]={Uri.EscapeDataString(createdAt.AddMilliseconds(1).ToString("O", CultureInfo.InvariantCulture))}&limit=100");

        Assert.Equal([(string)unpaid["id"]!], byOrder);
        Assert.Empty(byOrderAndWrongStatus);
        Assert.Contains(paidId, succeeded);
        Assert.DoesNotContain((string)unpaid["id"]!, succeeded);
        Assert.Contains(paidId, byMethod);
        Assert.Empty(future);
        Assert.Contains((string)unpaid["id"]!, aroundUnpaid);
        Assert.DoesNotContain(paidId, aroundUnpaid);
    }

    [Theory]
    [InlineData("status=paid", "status")]
    [InlineData("method=carrier_pigeon", "method")]
    [InlineData("created[gte]=yesterday", "created[gte]")]
    [InlineData("created[lt]=2026-01-01T00:00:00", "created[lt]")]
    [InlineData("created[gte]=2026-01-02T00:00:00Z&created[lt]=2026-01-01T00:00:00Z", "created[lt]")]
    public async Task A_bad_payment_filter_is_a_problem_naming_it(string filter, string param)
    {
        using var request = platform.Request(HttpMethod.Get, $"api/v1/payments?{filter}");
        var (status, body, response) = await scenario.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(param, (string?)body["param"]);
    }

    [Fact]
    public async Task A_test_event_is_signed_sent_once_per_idempotency_key_and_logged()
    {
        var sink = "console-" + Guid.NewGuid().ToString("N")[..8];
        var merchant = await OnboardAsync($"{platform.Sandbox.BaseAddress}sandbox/webhooks/{sink}");
        var apiKey = (string)merchant["test_api_key"]!;
        var key = Guid.NewGuid().ToString("N");

        var first = await SendTestAsync(apiKey, key);
        var replay = await SendTestAsync(apiKey, key);
        using var endpoints = platform.Request(HttpMethod.Get, "api/v1/webhook_endpoints", apiKey);
        var (_, endpointList, _) = await scenario.SendAsync(endpoints);
        using var log = platform.Request(HttpMethod.Get, "api/v1/webhook_endpoints/deliveries", apiKey);
        var (_, deliveries, _) = await scenario.SendAsync(log);
        using var demoLog = platform.Request(HttpMethod.Get, "api/v1/webhook_endpoints/deliveries?limit=100");
        var (_, demoDeliveries, _) = await scenario.SendAsync(demoLog);
        var received = (await scenario.SandboxGetAsync($"sandbox/webhooks/{sink}")).Select(r => r!.AsObject()).ToList();

        Assert.Equal("delivered", (string?)first["status"]);
        Assert.Equal(200, (int?)first["last_response_code"]);
        Assert.Equal((string?)first["id"], (string?)replay["id"]);
        var delivery = Assert.Single(received);
        var body = JsonNode.Parse((string)delivery["body"]!)!;
        Assert.Equal("test.event", (string?)body["type"]);
        Assert.Equal((string?)first["id"], (string?)body["id"]);
        var headers = delivery["headers"]!;
        var secret = Convert.FromBase64String(((string)merchant["webhook_secret"]!)["whsec_".Length..]);
        var signed = $"{headers["webhook-id"]}.{headers["webhook-timestamp"]}.{delivery["body"]}";
        Assert.Equal("v1," + Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(signed))), (string?)headers["webhook-signature"]);
        Assert.EndsWith($"sandbox/webhooks/{sink}", (string?)endpointList["data"]![0]!["url"], StringComparison.Ordinal);
        var logged = Assert.Single(deliveries["data"]!.AsArray());
        Assert.Equal((string?)first["id"], (string?)logged!["id"]);
        Assert.Equal(1, (int?)logged["attempts"]);
        Assert.DoesNotContain(demoDeliveries["data"]!.AsArray(), d => (string?)d!["id"] == (string?)first["id"]);
    }

    [Fact]
    public async Task The_delivery_log_refuses_a_cursor_that_is_not_an_event_id()
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/webhook_endpoints/deliveries?starting_after=pay_%27%20or%20true");
        var (status, body, _) = await scenario.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("starting_after", (string?)body["param"]);
    }

    [Fact]
    public async Task The_console_is_served_with_a_strict_policy_and_its_files_are_cached_by_version()
    {
        using var page = await platform.Api.GetAsync("api/console");
        var html = await page.Content.ReadAsStringAsync();
        var css = System.Text.RegularExpressions.Regex.Match(html, "/api/console/assets/console\\.css\\?v=([0-9a-f]+)");
        using var versioned = await platform.Api.GetAsync(css.Value.TrimStart('/'));
        using var unversioned = await platform.Api.GetAsync("api/console/assets/console.css");
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "api/console/assets/console.css");
        revalidate.Headers.IfNoneMatch.Add(unversioned.Headers.ETag!);
        using var notModified = await platform.Api.SendAsync(revalidate);
        using var echarts = await platform.Api.GetAsync("api/console/assets/echarts.min.js");
        using var shellAsAsset = await platform.Api.GetAsync("api/console/assets/merchant.html");
        using var unknown = await platform.Api.GetAsync("api/console/assets/..%2fappsettings.json");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("{{v:", html, StringComparison.Ordinal);
        Assert.True(css.Success, html);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.True(versioned.Headers.CacheControl!.Public && versioned.Headers.CacheControl.MaxAge > TimeSpan.FromDays(300));
        Assert.Equal("text/css", versioned.Content.Headers.ContentType?.MediaType);
        Assert.True(unversioned.Headers.CacheControl!.NoCache);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal("text/javascript", echarts.Content.Headers.ContentType?.MediaType);
        Assert.True(echarts.Content.Headers.ContentLength > 500_000);
        Assert.Equal(HttpStatusCode.NotFound, shellAsAsset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<IReadOnlyList<string>> ListAsync(string query)
    {
        using var request = platform.Request(HttpMethod.Get, $"api/v1/payments?{query}");
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"{query} answered {status}: {body}");
        return [.. body["data"]!.AsArray().Select(p => (string)p!["id"]!)];
    }

    private async Task<IReadOnlyList<JsonObject>> WaitForTimelineAsync(string id, Func<IReadOnlyList<JsonObject>, bool> complete)
    {
        IReadOnlyList<JsonObject> events = [];
        for (var i = 0; i < 240; i++)
        {
            using var request = platform.Request(HttpMethod.Get, $"api/v1/payments/{id}/timeline");
            var (status, body, _) = await scenario.SendAsync(request);
            Assert.True(status == HttpStatusCode.OK, $"timeline answered {status}: {body}");
            Assert.Equal("list", (string?)body["object"]);
            events = [.. body["data"]!.AsArray().Select(e => e!.AsObject())];
            if (complete(events))
            {
                return events;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"The timeline of {id} never completed: {string.Join(", ", events.Select(e => e["type"]))}");
        return events;
    }

    private async Task<JsonObject> SendTestAsync(string apiKey, string idempotencyKey)
    {
        using var request = platform.Request(HttpMethod.Post, "api/v1/webhook_endpoints/test", apiKey, "{}");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"test event answered {status}: {body}");
        return body;
    }

    private async Task<JsonObject> OnboardAsync(string webhookUrl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/ops/merchants")
        {
            Content = new StringContent($$"""{"name":"Console Tea","webhook_url":"{{webhookUrl}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PlatformFixture.OperatorKey);
        var (status, merchant, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, status);
        return merchant;
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PayFunctions.Domain;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// What the tests do as a merchant, a customer (through the sandbox) and an auditor; through <paramref name="api"/> when
/// given (a host of <see cref="PlatformFixture.StartExtraHostAsync"/>), else through the shared host.
/// </summary>
public sealed class Scenario(PlatformFixture platform, HttpClient? api = null)
{
    public static string NewOrderId() => "order-" + Guid.NewGuid().ToString("N")[..12];

    public static string PaymentBody(string orderId, long amount = 2500, string extra = "") =>
        $$"""{"amount":{{amount}},"currency":"cny","method":"wechat_pay.native","merchant_order_id":"{{orderId}}","description":"Latte"{{extra}}}""";

    public async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        var response = await (api ?? platform.Api).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : [];
        return (response.StatusCode, body, response);
    }

    public async Task<JsonObject> CreatePaymentAsync(string? extra = null, long amount = 2500, string? idempotencyKey = null)
    {
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", json: PaymentBody(NewOrderId(), amount, extra ?? ""));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var (status, body, _) = await SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"create answered {status}: {body}\n{platform.HostLogTail()}");
        return body;
    }

    public static string BankAccountBody(string accountNumber = "6222020200112233445", string name = "Wang Fang Courier") =>
        $$"""{"type":"individual","name":"{{name}}","payout_method":{"type":"bank_account","bank_account":{"account_holder_name":"Wang Fang","bank_name":"ICBC","account_number":"{{accountNumber}}"}""" + "}}";

    /// <summary>A connected account of the merchant whose key is given, for splits to name.</summary>
    public async Task<string> CreateAccountAsync(string apiKey = PlatformFixture.DemoApiKey, string? json = null)
    {
        using var request = platform.Request(HttpMethod.Post, "api/v1/accounts", apiKey, json ?? BankAccountBody());
        var (status, body, _) = await SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"account create answered {status}: {body}");
        return (string)body["id"]!;
    }

    /// <summary>Adds a merchant's list rule over payer ids, answering its id.</summary>
    public async Task<string> CreatePayerListRuleAsync(string apiKey, string action, IEnumerable<string> payers, string description)
    {
        var values = string.Join(',', payers.Select(p => $"\"{p}\""));
        using var request = platform.Request(HttpMethod.Post, "api/v1/risk/rules", apiKey,
            $$"""{"kind":"list","action":"{{action}}","field":"payer_id","values":[{{values}}],"description":"{{description}}"}""");
        var (status, body, _) = await SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"risk rule create answered {status}: {body}");
        return (string)body["id"]!;
    }

    public async Task<JsonObject> GetPaymentAsync(string id, string apiKey = PlatformFixture.DemoApiKey)
    {
        using var request = platform.Request(HttpMethod.Get, $"api/v1/payments/{id}", apiKey);
        var (status, body, _) = await SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    public async Task<JsonObject> WaitForStatusAsync(string id, string status, TimeSpan within, string apiKey = PlatformFixture.DemoApiKey)
    {
        var deadline = DateTime.UtcNow + within;
        JsonObject payment;
        do
        {
            payment = await GetPaymentAsync(id, apiKey);
            if ((string?)payment["status"] == status)
            {
                return payment;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        var deliveries = await platform.Sandbox.GetStringAsync($"sandbox/wechat_pay/orders/{id}/notifications");
        Assert.Fail($"Payment {id} is {payment["status"]}, not {status}, after {within}.\nNotifications: {deliveries}\n{platform.HostLogTail()}");
        return payment;
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> CreateRefundAsync(
        string paymentId, string json, string? idempotencyKey = null, string apiKey = PlatformFixture.DemoApiKey)
    {
        using var request = platform.Request(HttpMethod.Post, $"api/v1/payments/{paymentId}/refunds", apiKey, json);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var (status, body, _) = await SendAsync(request);
        return (status, body);
    }

    public async Task<JsonObject> WaitForRefundAsync(string refundId, string status, TimeSpan within, string apiKey = PlatformFixture.DemoApiKey)
    {
        var deadline = DateTime.UtcNow + within;
        JsonObject refund;
        do
        {
            using var request = platform.Request(HttpMethod.Get, $"api/v1/refunds/{refundId}", apiKey);
            var (answered, body, _) = await SendAsync(request);
            Assert.True(answered == HttpStatusCode.OK, $"GET refund {refundId} answered {answered}: {body}");
            refund = body;
            if ((string?)refund["status"] == status)
            {
                return refund;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Refund {refundId} is {refund["status"]}, not {status}, after {within}.\n{refund}\n{platform.HostLogTail()}");
        return refund;
    }

    public async Task<HttpStatusCode> SandboxPostAsync(string path, string json = "{}")
    {
        using var response = await platform.Sandbox.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    public Task<HttpStatusCode> PayAsync(string id, string json = "{}") => SandboxPostAsync($"sandbox/wechat_pay/orders/{id}/pay", json);

    public async Task<JsonArray> SandboxGetAsync(string path) => JsonNode.Parse(await platform.Sandbox.GetStringAsync(path))!.AsArray();

    public async Task<IReadOnlyList<JsonObject>> WebhooksForAsync(string paymentId)
    {
        var all = await SandboxGetAsync($"sandbox/webhooks/{PlatformFixture.WebhookSink}");
        return
        [
            .. all.Select(w => w!.AsObject())
                .Where(w => ((string?)w["body"] ?? "").Contains(paymentId, StringComparison.Ordinal)),
        ];
    }

    public async Task<IReadOnlyList<JournalEntry>> LedgerEntriesForAsync(string paymentId) =>
        [.. (await LedgerSnapshot.ReadJournalAsync(platform.Storage)).Where(e => e.Reference == paymentId)];

    /// <summary>See <see cref="LedgerSnapshot.AssertSoundAsync"/>.</summary>
    public Task AssertLedgerInvariantAsync() => LedgerSnapshot.AssertSoundAsync(platform.Storage);
}

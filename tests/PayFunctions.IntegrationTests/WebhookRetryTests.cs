using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PayFunctions.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class WebhookRetryTests(PlatformFixture platform)
{
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Webhook_WhenMerchantFailsTwice_IsRetriedWithTheSameEventIdAndBody()
    {
        var sink = "retry-" + Guid.NewGuid().ToString("N")[..8];
        using (var behaviour = await platform.Sandbox.PutAsync($"sandbox/webhooks/{sink}/behaviour", new StringContent("""{"fail_next":2,"status":503}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, behaviour.StatusCode);
        }

        var merchant = await OnboardAsync($"{platform.Sandbox.BaseAddress}sandbox/webhooks/{sink}");
        var apiKey = (string)merchant["test_api_key"]!;
        using var create = platform.Request(HttpMethod.Post, "api/v1/payments", apiKey, Scenario.PaymentBody(Scenario.NewOrderId()));
        var (status, payment, _) = await scenario.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, status);
        var id = (string)payment["id"]!;
        await scenario.PayAsync(id);
        await scenario.WaitForStatusAsync(id, "succeeded", TimeSpan.FromSeconds(30), apiKey);

        var deliveries = await WaitForDeliveredAsync(sink);

        Assert.Equal([503, 503, 200], deliveries.Select(d => (int)d["status"]!));
        Assert.Single(deliveries.Select(d => (string?)d["headers"]!["webhook-id"]).Distinct());
        Assert.Single(deliveries.Select(d => (string?)d["body"]).Distinct());
        var at = deliveries.Select(d => DateTimeOffset.Parse((string)d["received_at"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(at[2] - at[1] > at[1] - at[0], $"no backoff between attempts at {string.Join(", ", at)}");
        var secret = Convert.FromBase64String(((string)merchant["webhook_secret"]!)["whsec_".Length..]);
        foreach (var delivery in deliveries)
        {
            var headers = delivery["headers"]!;
            var signed = $"{headers["webhook-id"]}.{headers["webhook-timestamp"]}.{delivery["body"]}";
            Assert.Equal("v1," + Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(signed))), (string?)headers["webhook-signature"]);
        }
    }

    private async Task<JsonObject> OnboardAsync(string webhookUrl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/ops/merchants")
        {
            Content = new StringContent($$"""{"name":"Retry Tea","webhook_url":"{{webhookUrl}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PlatformFixture.OperatorKey);
        var (status, merchant, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, status);
        return merchant;
    }

    private async Task<IReadOnlyList<JsonObject>> WaitForDeliveredAsync(string sink)
    {
        for (var i = 0; i < 240; i++)
        {
            var received = (await scenario.SandboxGetAsync($"sandbox/webhooks/{sink}")).Select(r => r!.AsObject()).ToList();
            if (received.Any(r => (int)r["status"]! == 200))
            {
                return received;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"The webhook to {sink} was never accepted.");
        return [];
    }
}

using System.Net;
using System.Text.Json.Nodes;
using PayFunctions.Channels;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.Stripe;

/// <summary>A sandbox whose webhook endpoint fails the first two deliveries.</summary>
public sealed class FailingWebhooksSandboxHost() : StripeSandboxHost([500, 503]);

/// <summary>Stripe delivers an event until the endpoint answers 2xx, the same bytes each time, signed afresh.</summary>
public sealed class WebhookRetryTests(FailingWebhooksSandboxHost sandbox) : IClassFixture<FailingWebhooksSandboxHost>
{
    [Fact]
    public async Task A_refused_delivery_is_retried_on_schedule_with_the_same_body_and_a_fresh_signature()
    {
        var (outTradeNo, _) = await AdapterAgainstSandboxTests.PrepayAsync(sandbox.Adapter, Currency.Parse("USD"), 990);
        using (var pay = await sandbox.Client.PostAsync($"sandbox/stripe/orders/{outTradeNo}/pay", null))
        {
            Assert.Equal(HttpStatusCode.OK, pay.StatusCode);
        }

        var received = await AdapterAgainstSandboxTests.WebhooksOfAsync(sandbox, outTradeNo, 3);
        Assert.Single(received.Select(r => Convert.ToBase64String(r.Body)).Distinct());
        Assert.All(received, r => Assert.Equal(ChannelTradeState.Succeeded, sandbox.Adapter.ParseNotification(r.Headers, r.Body).State));

        var deliveries = JsonNode.Parse(await sandbox.Client.GetStringAsync($"sandbox/stripe/orders/{outTradeNo}/notifications"))!.AsArray();
        Assert.Equal(["event", "retry 1", "retry 2"], deliveries.Select(d => (string)d!["reason"]!));
        Assert.Equal([500, 503, 204], deliveries.Select(d => (int)d!["status"]!));
        Assert.Equal([false, false, true], deliveries.Select(d => (bool)d!["acknowledged"]!));
    }
}

using System.Text;
using System.Text.Json;

namespace PayFunctions.Tests;

/// <summary>The SDK against the running host and sandbox: pay, read, list, refund, and the webhook that follows.</summary>
[Trait("Category", "Live")]
public sealed class LivePaymentFlowTests : IDisposable
{
    private readonly PayFunctionsClient client = LiveEnvironment.Client();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        client.Dispose();
        http.Dispose();
    }

    [Fact]
    public async Task Create_pay_retrieve_list_refund_and_verify_the_webhook()
    {
        // a. A QR payment waits for the payer.
        var payment = await CreateAsync("flow", 1234);
        Assert.Equal("requires_action", payment.Status);
        Assert.Equal(1234L, payment.Amount);
        Assert.Equal("display_qr_code", payment.NextAction!.Type);
        Assert.False(string.IsNullOrEmpty(payment.NextAction.DisplayQrCode!.Data));

        // b. The payer pays, in the sandbox's part of WeChat Pay.
        using (var paid = await http.PostAsync(
            new Uri($"{LiveEnvironment.SandboxUrl}/sandbox/wechat_pay/orders/{payment.Id}/pay"), null))
        {
            Assert.True(paid.IsSuccessStatusCode, $"sandbox pay answered {(int)paid.StatusCode}");
        }

        // c. The channel's notification makes it succeeded.
        var succeeded = await LiveEnvironment.PollAsync(
            () => client.Payments.GetAsync(payment.Id), p => p.Status == "succeeded", "the payment to succeed");
        Assert.NotNull(succeeded.PaidAt);
        Assert.NotEmpty(succeeded.Routing!.Candidates);
        Assert.Equal(1234L, succeeded.Allocations!.Sum(a => a.Amount));

        // d. Two more, then every page of two: each of the three once, newest first.
        var second = await CreateAsync("list-2", 1001);
        var third = await CreateAsync("list-3", 1002);
        var mine = new[] { payment.Id, second.Id, third.Id };
        var seen = new List<string>();
        var cutoff = payment.CreatedAt.AddSeconds(-5);
        await foreach (var listed in client.Payments.ListAutoPagingAsync(new PaymentListOptions { Limit = 2 }))
        {
            seen.Add(listed.Id);
            // Others' payments keep arriving; once the list is older than ours, nothing of ours can follow.
            if (listed.CreatedAt < cutoff || seen.Count > 400)
            {
                break;
            }
        }

        var positions = mine.Select(id => seen.IndexOf(id)).ToArray();
        Assert.All(mine, id => Assert.Equal(1, seen.Count(s => s == id)));
        Assert.True(positions[2] < positions[1] && positions[1] < positions[0], string.Join(",", positions));

        // e. A partial refund, confirmed by the channel a little later.
        var refund = await client.Refunds.CreateAsync(payment.Id, new RefundCreateOptions { Amount = 234, Reason = "sdk test" });
        Assert.Equal(payment.Id, refund.Payment);
        Assert.Equal(234L, refund.Amount);
        var refunded = await LiveEnvironment.PollAsync(
            () => client.Refunds.GetAsync(refund.Id), r => r.Status == "succeeded", "the refund to succeed");
        Assert.Equal("cny", refunded.Currency);

        // f. The signed payment.succeeded webhook the demo merchant received.
        var delivery = await LiveEnvironment.PollAsync(
            () => FindDeliveryAsync(payment.Id), d => d is not null, "the payment.succeeded webhook");
        var (headers, body) = delivery!.Value;
        var evt = Webhook.ConstructEvent(body, headers, LiveEnvironment.WebhookSecret);
        Assert.Equal("payment.succeeded", evt.Type);
        Assert.Equal(payment.Id, evt.Data.As<Payment>().Id);
        Assert.Equal(headers.First(h => h.Key.Equals("webhook-id", StringComparison.OrdinalIgnoreCase)).Value, evt.Id);

        var tampered = Encoding.UTF8.GetBytes(body);
        var at = Array.IndexOf(tampered, (byte)'1');
        tampered[at] = (byte)'2';
        Assert.Throws<WebhookVerificationException>(
            () => Webhook.ConstructEvent(tampered, headers, LiveEnvironment.WebhookSecret));
    }

    private async Task<Payment> CreateAsync(string label, long amount)
    {
        var created = await client.Payments.CreateAsync(new PaymentCreateOptions
        {
            Amount = amount,
            Currency = "cny",
            Method = "wechat_pay.native",
            MerchantOrderId = LiveEnvironment.UniqueOrderId(label),
            Description = "SDK test " + label,
        });

        // Under load the create answers "processing" and the QR code follows.
        return created.Status == "processing"
            ? await LiveEnvironment.PollAsync(
                () => client.Payments.GetAsync(created.Id), p => p.Status != "processing", "the channel's QR code")
            : created;
    }

    /// <summary>The sink's delivery of <c>payment.succeeded</c> for one payment, as its headers and raw body.</summary>
    private async Task<(Dictionary<string, string> Headers, string Body)?> FindDeliveryAsync(string paymentId)
    {
        using var document = JsonDocument.Parse(
            await http.GetStringAsync(new Uri($"{LiveEnvironment.SandboxUrl}/sandbox/webhooks/demo")));
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var body = entry.GetProperty("body").GetString() ?? "";
            using var parsed = JsonDocument.Parse(body);
            var root = parsed.RootElement;
            if (root.TryGetProperty("type", out var type) && type.GetString() == "payment.succeeded"
                && root.GetProperty("data").GetProperty("object").GetProperty("id").GetString() == paymentId)
            {
                var headers = entry.GetProperty("headers").EnumerateObject()
                    .ToDictionary(h => h.Name, h => h.Value.GetString() ?? "");
                return (headers, body);
            }
        }

        return null;
    }
}

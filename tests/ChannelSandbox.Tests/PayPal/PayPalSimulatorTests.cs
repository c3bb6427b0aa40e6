using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChannelSandbox.Tests.PayPal;

/// <summary>The PayPal simulator over HTTP, as the merchant and the payer use it.</summary>
public sealed class PayPalSimulatorTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    private readonly PayPalMerchant merchant = new(host);

    [Fact]
    public async Task Token_NeedsTheAppsClientCredentials_AndTheApiNeedsItsBearerToken()
    {
        using (var wrong = await merchant.RequestTokenAsync(PayPalMerchant.ClientId, "not-the-secret"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("invalid_client", (string?)(await wrong.Content.ReadFromJsonAsync<JsonObject>())!["error"]);
        }

        using (var right = await merchant.RequestTokenAsync(PayPalMerchant.ClientId, merchant.ClientSecret))
        {
            var token = (await right.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("Bearer", (string?)token["token_type"]);
            Assert.Equal(32_400, (long?)token["expires_in"]);
        }

        using var anonymous = await host.Client.GetAsync("/v2/checkout/orders/5O190127TN364715T");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task CreateOrder_WithTheSameRequestId_IsTheSameOrder()
    {
        var invoice = NewInvoice();
        var (first, created) = await merchant.CreateOrderAsync(invoice);
        var (second, repeated) = await merchant.CreateOrderAsync(invoice);

        Assert.Equal(201, first);
        Assert.Equal(201, second);
        Assert.Equal((string?)created!["id"], (string?)repeated!["id"]);
        Assert.Equal("PAYER_ACTION_REQUIRED", (string?)created["status"]);
        Assert.Contains(created["links"]!.AsArray(), l => (string?)l!["rel"] == "payer-action");
    }

    [Theory]
    [InlineData("JPY", "100.50", "DECIMAL_PRECISION")]
    [InlineData("USD", "1.005", "DECIMAL_PRECISION")]
    [InlineData("XXX", "1.00", "CURRENCY_NOT_SUPPORTED")]
    public async Task CreateOrder_WithAnAmountPayPalRefuses_IsInvalid(string currency, string value, string issue)
    {
        var (status, body) = await merchant.CreateOrderAsync(NewInvoice(), currency, value);
        Assert.Equal(400, status);
        Assert.Equal(issue, (string?)body!["details"]![0]!["issue"]);
    }

    [Fact]
    public async Task Capture_NeedsTheApproval_TakesTheMoneyOnce_AndRefundsUpToIt()
    {
        var invoice = NewInvoice();
        var id = (string)(await merchant.CreateOrderAsync(invoice)).Body!["id"]!;
        var (early, refusal) = await merchant.SendAsync(HttpMethod.Post, $"/v2/checkout/orders/{id}/capture", requestId: invoice + "-c1");
        Assert.Equal(422, early);
        Assert.Equal("ORDER_NOT_APPROVED", (string?)refusal!["details"]![0]!["issue"]);

        using (var approve = await host.Client.PostAsJsonAsync($"/sandbox/paypal/orders/{invoice}/pay", new { notify = false }))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        var (captured, order) = await merchant.SendAsync(HttpMethod.Post, $"/v2/checkout/orders/{id}/capture", requestId: invoice + "-c2");
        var (replayed, same) = await merchant.SendAsync(HttpMethod.Post, $"/v2/checkout/orders/{id}/capture", requestId: invoice + "-c2");
        var (again, twice) = await merchant.SendAsync(HttpMethod.Post, $"/v2/checkout/orders/{id}/capture", requestId: invoice + "-c3");
        Assert.Equal(201, captured);
        Assert.Equal(201, replayed);
        var capture = order!["purchase_units"]![0]!["payments"]!["captures"]![0]!;
        Assert.Equal("COMPLETED", (string?)capture["status"]);
        Assert.Equal((string?)capture["id"], (string?)same!["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]);
        Assert.Equal(422, again);
        Assert.Equal("ORDER_ALREADY_CAPTURED", (string?)twice!["details"]![0]!["issue"]);

        var refundPath = $"/v2/payments/captures/{capture["id"]}/refund";
        var (part, _) = await merchant.SendAsync(HttpMethod.Post, refundPath, """{"amount":{"currency_code":"USD","value":"60.00"},"invoice_id":"re_a"}""", "re_a");
        var (tooMuch, exceeded) = await merchant.SendAsync(HttpMethod.Post, refundPath, """{"amount":{"currency_code":"USD","value":"40.01"},"invoice_id":"re_b"}""", "re_b");
        var (rest, _) = await merchant.SendAsync(HttpMethod.Post, refundPath, """{"amount":{"currency_code":"USD","value":"40.00"},"invoice_id":"re_c"}""", "re_c");
        Assert.Equal(201, part);
        Assert.Equal(422, tooMuch);
        Assert.Equal("REFUND_AMOUNT_EXCEEDED", (string?)exceeded!["details"]![0]!["issue"]);
        Assert.Equal(201, rest);
        var (_, refunded) = await merchant.SendAsync(HttpMethod.Get, $"/v2/checkout/orders/{id}");
        Assert.Equal("REFUNDED", (string?)refunded!["purchase_units"]![0]!["payments"]!["captures"]![0]!["status"]);
        Assert.Equal(["re_a", "re_c"], refunded["purchase_units"]![0]!["payments"]!["refunds"]!.AsArray().Select(r => (string?)r!["invoice_id"]));
    }

    [Fact]
    public async Task ApprovalPage_SendsThePayerBackWithTheOrderTokenAndPayerId()
    {
        await using var listener = await NotifyListener.StartAsync();
        await merchant.PointWebhooksAtAsync(listener.Url);
        var invoice = NewInvoice();
        var created = (await merchant.CreateOrderAsync(invoice)).Body!;
        var link = (string)created["links"]!.AsArray().Single(l => (string?)l!["rel"] == "payer-action")!["href"]!;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var approved = await browser.PostAsync($"/sandbox/paypal/checkout/{created["id"]}/approve", null);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.StartsWith($"https://shop.example/return?token={created["id"]}&PayerID=", approved.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        var (_, order) = await merchant.SendAsync(HttpMethod.Get, $"/v2/checkout/orders/{created["id"]}");
        Assert.Equal("APPROVED", (string?)order!["status"]);
        Assert.Single(await listener.WaitForAsync(1, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Webhooks_AreSignedPerTransmissionAndRetriedUntilAcknowledged()
    {
        await using var listener = await NotifyListener.StartAsync(500, 503);
        await merchant.PointWebhooksAtAsync(listener.Url);
        var invoice = NewInvoice();
        await merchant.CreateOrderAsync(invoice);

        using (var approve = await host.Client.PostAsync($"/sandbox/paypal/orders/{invoice}/pay", null))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        // Another test's order may still be retrying to the listener: only this order's deliveries count.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        IReadOnlyList<Received> received;
        while ((received = Mine()).Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => Convert.ToBase64String(r.Body)).Distinct());
        Assert.Equal(3, received.Select(r => r.Headers["PAYPAL-TRANSMISSION-ID"]).Distinct().Count());
        foreach (var delivery in received)
        {
            Assert.True(await merchant.VerifiesAsync(delivery));
            Assert.False(await merchant.VerifiesAsync(delivery, webhookId: "8PT597110X687430LKGECATA"));
        }

        var webhook = JsonNode.Parse(received[0].Body)!;
        Assert.Equal("CHECKOUT.ORDER.APPROVED", (string?)webhook["event_type"]);
        Assert.Equal(invoice, (string?)webhook["resource"]!["purchase_units"]![0]!["invoice_id"]);

        var deliveries = await host.Client.GetFromJsonAsync<JsonArray>($"/sandbox/paypal/orders/{invoice}/notifications");
        Assert.Equal([false, false, true], deliveries!.Select(d => (bool)d!["acknowledged"]!));

        IReadOnlyList<Received> Mine() =>
            [.. listener.Received.Where(r => System.Text.Encoding.UTF8.GetString(r.Body).Contains(invoice, StringComparison.Ordinal))];
    }

    private static string NewInvoice() => "pay_" + Guid.NewGuid().ToString("N")[..20];
}

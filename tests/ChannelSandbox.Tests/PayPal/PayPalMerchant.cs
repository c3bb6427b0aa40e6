using System.IO.Hashing;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace ChannelSandbox.Tests.PayPal;

/// <summary>The merchant's side of the simulated PayPal app, written from PayPal's documentation alone.</summary>
public sealed class PayPalMerchant(SandboxHost host)
{
    public const string ClientId = "AZsandboxPayFunctionsMainClientId0000000000000000000000000000000";
    public const string WebhookId = "4JH86294D6297924G";

    public string ClientSecret => host.Secret("paypal-main-client-secret");

    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/oauth2/token") { Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        return await host.Client.SendAsync(request);
    }

    public async Task<string> TokenAsync()
    {
        using var response = await RequestTokenAsync(ClientId, ClientSecret);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
    }

    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? json = null, string? requestId = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        if (requestId is not null)
        {
            request.Headers.Add("PayPal-Request-Id", requestId);
        }

        if (method != HttpMethod.Get)
        {
            request.Content = new StringContent(json ?? string.Empty, Encoding.UTF8, "application/json");
        }

        using var response = await host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(int Status, JsonNode? Body)> CreateOrderAsync(string invoiceId, string currency = "USD", string value = "100.00", string? requestId = null) =>
        SendAsync(HttpMethod.Post, "/v2/checkout/orders", $$$"""
            {"intent":"CAPTURE","purchase_units":[{"invoice_id":"{{{invoiceId}}}","custom_id":"{{{invoiceId}}}","description":"Latte","amount":{"currency_code":"{{{currency}}}","value":"{{{value}}}"}}],
             "payment_source":{"paypal":{"experience_context":{"return_url":"https://shop.example/return","cancel_url":"https://shop.example/cancel","user_action":"PAY_NOW"}} }}
            """, requestId ?? invoiceId);

    public async Task PointWebhooksAtAsync(string url)
    {
        using var response = await host.Client.PutAsJsonAsync("/sandbox/paypal/webhook", new { url });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Checks a delivery as PayPal's docs tell a merchant to: fetch the certificate at PAYPAL-CERT-URL, then verify
    /// SHA256withRSA over <c>transmission id|transmission time|webhook id|CRC-32 of the body</c>.
    /// </summary>
    public async Task<bool> VerifiesAsync(Received delivery, string webhookId = WebhookId)
    {
        var pem = await host.Client.GetStringAsync(delivery.Headers["PAYPAL-CERT-URL"]);
        using var certificate = X509Certificate2.CreateFromPem(pem);
        using var key = certificate.GetRSAPublicKey()!;
        var message = $"{delivery.Headers["PAYPAL-TRANSMISSION-ID"]}|{delivery.Headers["PAYPAL-TRANSMISSION-TIME"]}|{webhookId}|{Crc32.HashToUInt32(delivery.Body)}";
        return delivery.Headers["PAYPAL-AUTH-ALGO"] == "SHA256withRSA"
            && certificate.GetNameInfo(X509NameType.SimpleName, false) == "messageverificationcerts.sandbox.paypal.com"
            && key.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(delivery.Headers["PAYPAL-TRANSMISSION-SIG"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}

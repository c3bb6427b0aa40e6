using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChannelSandbox.Tests.AlipayPlus;

/// <summary>A merchant calling the simulated Antom API by hand, signing as the documentation says, with the keys the sandbox wrote.</summary>
public sealed class AlipayPlusMerchant(SandboxHost host) : IDisposable
{
    public const string ClientId = "SANDBOX_5YEZ0000000000001";

    // A payment's expiry is fixed when the merchant creates it, so a repeated request sends the same one: read from the
    // clock for each body, it would differ by a second now and then, and the same id with other terms is refused.
    private static readonly string PaymentExpiryTime = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private readonly RSA _merchantKey = Import(host.Secret("alipay-plus-main-merchant-private-key"));

    public RSA AlipayPlusKey { get; } = Import(host.Secret("alipay-plus-main-alipay-plus-public-key"));

    public static string PayBody(string requestId, string notifyUrl, long value = 10000, string wallet = "GCASH", string currency = "PHP") => new JsonObject
    {
        ["productCode"] = "CASHIER_PAYMENT",
        ["paymentRequestId"] = requestId,
        ["order"] = new JsonObject { ["referenceOrderId"] = requestId, ["orderDescription"] = "Latte", ["orderAmount"] = Amount(currency, value) },
        ["paymentAmount"] = Amount(currency, value),
        ["paymentMethod"] = new JsonObject { ["paymentMethodType"] = wallet },
        ["paymentExpiryTime"] = PaymentExpiryTime,
        ["paymentRedirectUrl"] = "https://shop.example/return",
        ["paymentNotifyUrl"] = notifyUrl,
        ["env"] = new JsonObject { ["terminalType"] = "WEB" },
    }.ToJsonString();

    public static JsonObject Amount(string currency, long value) => new() { ["currency"] = currency, ["value"] = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>POSTs <paramref name="body"/> signed at <paramref name="requestTime"/> (now by default) and checks the answer's signature.</summary>
    public async Task<(JsonObject Answer, bool SignatureValid)> PostAsync(string api, string body, DateTimeOffset? requestTime = null, RSA? signWith = null)
    {
        var path = "/ams/api/v1/payments/" + api;
        var time = (requestTime ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String((signWith ?? _merchantKey).SignData(
            Encoding.UTF8.GetBytes($"POST {path}\n{ClientId}.{time}.{body}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("client-id", ClientId);
        request.Headers.TryAddWithoutValidation("request-time", time);
        request.Headers.TryAddWithoutValidation("signature", "algorithm=RSA256,keyVersion=1,signature=" + WebUtility.UrlEncode(signature));
        using var response = await host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var answerSignature = response.Headers.GetValues("signature").Single().Split("signature=")[1];
        var valid = response.Headers.GetValues("client-id").Single() == ClientId && AlipayPlusKey.VerifyData(
            Encoding.UTF8.GetBytes($"POST {path}\n{ClientId}.{response.Headers.GetValues("response-time").Single()}.{text}"),
            Convert.FromBase64String(WebUtility.UrlDecode(answerSignature)),
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        return (JsonNode.Parse(text)!.AsObject(), valid);
    }

    public void Dispose()
    {
        _merchantKey.Dispose();
        AlipayPlusKey.Dispose();
    }

    private static RSA Import(string pem)
    {
        var key = RSA.Create();
        key.ImportFromPem(pem);
        return key;
    }
}

/// <summary>A merchant's notify endpoint for Alipay+: records each POST with its headers and answers with <c>handler</c>'s reply.</summary>
public sealed class AlipayPlusNotifyListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, string Body)> _received = new();

    private AlipayPlusNotifyListener(Func<IReadOnlyDictionary<string, string>, byte[], (int Status, string Body)> handler)
    {
        var builder = WebApplication.CreateBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/api/notify/alipay_plus", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _received.Enqueue((headers, Encoding.UTF8.GetString(body.ToArray())));
            var (status, text) = handler(headers, body.ToArray());
            return Results.Text(text, "application/json", statusCode: status);
        });
    }

    public string Url => new Uri(new Uri(_app.Urls.Single()), "/api/notify/alipay_plus").ToString();

    public IReadOnlyList<(IReadOnlyDictionary<string, string> Headers, string Body)> Received => [.. _received];

    public static async Task<AlipayPlusNotifyListener> StartAsync(Func<IReadOnlyDictionary<string, string>, byte[], (int Status, string Body)> handler)
    {
        var listener = new AlipayPlusNotifyListener(handler);
        await listener._app.StartAsync();
        return listener;
    }

    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Headers, string Body)>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        return Received;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

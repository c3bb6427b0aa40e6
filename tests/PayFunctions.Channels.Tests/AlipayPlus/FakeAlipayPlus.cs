using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PayFunctions.Channels.AlipayPlus;

namespace PayFunctions.Channels.Tests.AlipayPlus;

/// <summary>The keys of one test client: the merchant's pair and Alipay+'s pair, generated once per test run.</summary>
internal static class AlipayPlusTestKeys
{
    public const string ClientId = "SANDBOX_5YEZ0000000000001";

    public static readonly Uri NotifyUrl = new("https://pay.example/api/notify/alipay_plus");

    public static RSA Merchant { get; } = RSA.Create(2048);

    public static RSA AlipayPlus { get; } = RSA.Create(2048);

    public static AlipayPlusClient Client(HttpMessageHandler handler, TimeProvider? time = null) =>
        new(
            new HttpClient(handler),
            new AlipayPlusOptions { BaseUrl = new Uri("https://open-sea-global.alipay.com"), ClientId = ClientId, KeyVersion = "2", NotifyUrl = NotifyUrl },
            Merchant.ExportPkcs8PrivateKeyPem(),
            AlipayPlus.ExportSubjectPublicKeyInfoPem(),
            time ?? TimeProvider.System);

    /// <summary>The headers Alipay+ sends with <paramref name="body"/> posted to the notify URL, signed by <paramref name="key"/>.</summary>
    public static Dictionary<string, string> NotificationHeaders(string body, RSA? key = null, string clientId = ClientId)
    {
        var time = "2026-03-01T10:00:00+08:00";
        var content = $"POST {NotifyUrl.AbsolutePath}\n{clientId}.{time}.{body}";
        var signature = Convert.ToBase64String((key ?? AlipayPlus).SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["client-id"] = clientId,
            ["request-time"] = time,
            ["signature"] = "algorithm=RSA256,keyVersion=1,signature=" + Uri.EscapeDataString(signature),
        };
    }
}

/// <summary>A request as the fake saw it, its signature checked against the merchant's public key.</summary>
internal sealed record AlipayPlusCall(string Path, JsonObject Body, IReadOnlyDictionary<string, string> Headers, bool SignatureValid);

/// <summary>An in-process stand-in for Antom's API: records calls and answers each with a JSON body signed as Alipay+ signs.</summary>
internal sealed class FakeAlipayPlus : HttpMessageHandler
{
    public List<AlipayPlusCall> Calls { get; } = [];

    /// <summary>The answer to a call; by default a success result.</summary>
    public Func<AlipayPlusCall, string> Respond { get; set; } = _ => Result("S", "SUCCESS");

    /// <summary>Changes the answer after it is signed, as an attacker in the middle would.</summary>
    public Func<string, string>? Tamper { get; set; }

    public static string Result(string status, string code, string extra = "") =>
        $$"""{"result":{"resultCode":"{{code}}","resultStatus":"{{status}}","resultMessage":"m"}{{extra}}}""";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = await request.Content!.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var path = request.RequestUri!.AbsolutePath;
        var signature = headers["signature"].Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var valid = signature["algorithm"] == "RSA256" && AlipayPlusTestKeys.Merchant.VerifyData(
            Encoding.UTF8.GetBytes($"POST {path}\n{headers["client-id"]}.{headers["request-time"]}.{text}"),
            Convert.FromBase64String(WebUtility.UrlDecode(signature["signature"])),
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        var call = new AlipayPlusCall(path, JsonNode.Parse(text)!.AsObject(), headers, valid);
        Calls.Add(call);

        var body = Respond(call);
        var time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var answer = Convert.ToBase64String(AlipayPlusTestKeys.AlipayPlus.SignData(
            Encoding.UTF8.GetBytes($"POST {path}\n{AlipayPlusTestKeys.ClientId}.{time}.{body}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Tamper?.Invoke(body) ?? body, Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("client-id", AlipayPlusTestKeys.ClientId);
        response.Headers.TryAddWithoutValidation("response-time", time);
        response.Headers.TryAddWithoutValidation("signature", "algorithm=RSA256,keyVersion=1,signature=" + WebUtility.UrlEncode(answer));
        return response;
    }
}

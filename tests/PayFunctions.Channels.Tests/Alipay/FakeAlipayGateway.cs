using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PayFunctions.Channels.Alipay;

namespace PayFunctions.Channels.Tests.Alipay;

/// <summary>The keys of one test app: the app's pair and Alipay's pair, generated once per test run.</summary>
internal static class AlipayTestKeys
{
    public const string AppId = "2021000000000001";

    public static RSA App { get; } = RSA.Create(2048);

    public static RSA Alipay { get; } = RSA.Create(2048);

    public static string AppPrivateKeyPem { get; } = App.ExportPkcs8PrivateKeyPem();

    public static string AlipayPublicKeyPem { get; } = Alipay.ExportSubjectPublicKeyInfoPem();

    public static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
}

/// <summary>A request as the fake gateway saw it: every parameter, query and form together.</summary>
internal sealed record GatewayCall(string Method, IReadOnlyDictionary<string, string> Parameters, JsonElement Biz, Uri Uri, string Body);

/// <summary>What the fake gateway answers: the response object's text, and how it is signed.</summary>
internal sealed record GatewayAnswer(string ResponseText)
{
    /// <summary>When set, the signature covers this text instead of <see cref="ResponseText"/>.</summary>
    public string? SignedText { get; init; }

    public bool Unsigned { get; init; }

    /// <summary>Overrides the member name, e.g. error_response.</summary>
    public string? Member { get; init; }

    public string? AlipayCertSn { get; init; }

    public int Status { get; init; } = 200;

    public RSA? SigningKey { get; init; }
}

/// <summary>
/// An in-process stand-in for openapi.alipay.com/gateway.do that records calls and signs its answers; a GET is a bill
/// download, answered by <see cref="Download"/> (404 when unset).
/// </summary>
internal sealed class FakeAlipayGateway : HttpMessageHandler
{
    public List<GatewayCall> Calls { get; } = [];

    public List<Uri> Downloads { get; } = [];

    public Func<Uri, HttpResponseMessage>? Download { get; set; }

    public Func<GatewayCall, GatewayAnswer> Respond { get; set; } = _ => new GatewayAnswer("""{"code":"10000","msg":"Success"}""");

    public static Dictionary<string, string> ParseForm(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => WebUtility.UrlDecode(pair[0]), pair => pair.Length > 1 ? WebUtility.UrlDecode(pair[1]) : string.Empty, StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get)
        {
            Downloads.Add(request.RequestUri!);
            return Download?.Invoke(request.RequestUri!) ?? new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var parameters = ParseForm(request.RequestUri!.Query.TrimStart('?'));
        foreach (var (name, value) in ParseForm(body))
        {
            parameters.Add(name, value);
        }

        using var biz = JsonDocument.Parse(parameters.GetValueOrDefault("biz_content") ?? "{}");
        var call = new GatewayCall(parameters["method"], parameters, biz.RootElement.Clone(), request.RequestUri, body);
        Calls.Add(call);

        var answer = Respond(call);
        var member = answer.Member ?? parameters["method"].Replace('.', '_') + "_response";
        var text = new StringBuilder("{\"").Append(member).Append("\":").Append(answer.ResponseText);
        if (!answer.Unsigned)
        {
            text.Append(",\"sign\":\"").Append(AlipaySignature.Sign(answer.SigningKey ?? AlipayTestKeys.Alipay, answer.SignedText ?? answer.ResponseText)).Append('"');
        }

        if (answer.AlipayCertSn is not null)
        {
            text.Append(",\"alipay_cert_sn\":\"").Append(answer.AlipayCertSn).Append('"');
        }

        text.Append('}');
        return new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = new StringContent(text.ToString(), Encoding.UTF8, "text/html") };
    }
}

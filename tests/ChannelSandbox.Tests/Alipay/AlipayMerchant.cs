using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChannelSandbox.Tests.Alipay;

/// <summary>
/// The app's side of the gateway protocol, written here from Alipay's documentation and independent of both the
/// sandbox and the PayFunctions adapter: signs calls, splits answers and verifies them over the raw text.
/// </summary>
public sealed class AlipayMerchant(SandboxHost host)
{
    public const string AppId = "2021000000000001";

    public RSA AppKey { get; } = Import(host.Secret("alipay-main-app-private-key"));

    public RSA AlipayKey { get; } = Import(host.Secret("alipay-main-alipay-public-key"));

    public static string SigningString(IEnumerable<KeyValuePair<string, string>> parameters, bool withoutSignType) =>
        string.Join('&', parameters
            .Where(p => p.Value.Length > 0 && p.Key != "sign" && !(withoutSignType && p.Key == "sign_type"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));

    public static string Sign(RSA key, string content) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(RSA key, string content, string signature) =>
        key.VerifyData(Encoding.UTF8.GetBytes(content), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public static Dictionary<string, string> ParseForm(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => WebUtility.UrlDecode(pair[0]), pair => pair.Length > 1 ? WebUtility.UrlDecode(pair[1]) : string.Empty, StringComparer.Ordinal);

    public Dictionary<string, string> Parameters(string method, object biz, string? notifyUrl = null, string appId = AppId, RSA? signingKey = null)
    {
        var parameters = new Dictionary<string, string>
        {
            ["app_id"] = appId,
            ["method"] = method,
            ["format"] = "JSON",
            ["charset"] = "utf-8",
            ["sign_type"] = "RSA2",
            ["timestamp"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = "1.0",
            ["biz_content"] = JsonSerializer.Serialize(biz),
        };
        if (notifyUrl is not null)
        {
            parameters["notify_url"] = notifyUrl;
        }

        parameters["sign"] = Sign(signingKey ?? AppKey, SigningString(parameters, withoutSignType: false));
        return parameters;
    }

    public async Task<Answer> CallAsync(string method, object biz, string? notifyUrl = null, string appId = AppId, RSA? signingKey = null)
    {
        using var content = new FormUrlEncodedContent(Parameters(method, biz, notifyUrl, appId, signingKey));
        using var response = await host.Client.PostAsync("/gateway.do", content);
        return Answer.Split(method, await response.Content.ReadAsStringAsync());
    }

    public bool Verifies(Answer answer) => answer.Sign is not null && Verify(AlipayKey, answer.RawResponse, answer.Sign);

    private static RSA Import(string pem)
    {
        var key = RSA.Create();
        key.ImportFromPem(pem);
        return key;
    }

    /// <summary>An answer split by hand: the raw text of the response member exactly as it stands in the body.</summary>
    public sealed record Answer(string Body, string Member, string RawResponse, string? Sign, JsonElement Response)
    {
        public string? Code => Field("code");

        public string? SubCode => Field("sub_code");

        public string? Field(string name) =>
            Response.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        public static Answer Split(string method, string body)
        {
            using var document = JsonDocument.Parse(body);
            var member = method.Replace('.', '_') + "_response";
            if (!document.RootElement.TryGetProperty(member, out var response))
            {
                member = "error_response";
                response = document.RootElement.GetProperty(member);
            }

            // The member's value is a JSON object; its raw text is the substring GetRawText returns for it.
            var raw = response.GetRawText();
            Assert.Contains("\"" + member + "\":" + raw, body, StringComparison.Ordinal);
            var sign = document.RootElement.TryGetProperty("sign", out var signValue) ? signValue.GetString() : null;
            return new Answer(body, member, raw, sign, response.Clone());
        }
    }
}

/// <summary>A merchant notify endpoint that records every POST and answers scripted bodies, then "success".</summary>
public sealed class AlipayNotifyListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _replies = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string ContentType, string Body)> _received = new();

    private AlipayNotifyListener(IEnumerable<string> replies, Func<byte[], (int Status, string Body)>? handler)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }

        var builder = WebApplication.CreateBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/notify", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            _received.Enqueue((request.ContentType ?? string.Empty, Encoding.UTF8.GetString(body.ToArray())));
            if (handler is not null)
            {
                var (status, text) = handler(body.ToArray());
                return Results.Text(text, "text/plain", statusCode: status);
            }

            return Results.Text(_replies.TryDequeue(out var reply) ? reply : "success", "text/plain");
        });
    }

    public string Url => new Uri(new Uri(_app.Urls.Single()), "/notify").ToString();

    public IReadOnlyList<(string ContentType, string Body)> Received => [.. _received];

    public static async Task<AlipayNotifyListener> StartAsync(params string[] replies)
    {
        var listener = new AlipayNotifyListener(replies, null);
        await listener._app.StartAsync();
        return listener;
    }

    public static async Task<AlipayNotifyListener> StartAsync(Func<byte[], (int Status, string Body)> handler)
    {
        var listener = new AlipayNotifyListener([], handler);
        await listener._app.StartAsync();
        return listener;
    }

    public async Task<IReadOnlyList<(string ContentType, string Body)>> WaitForAsync(int count, TimeSpan timeout)
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

using System.Net;
using System.Text;

namespace PayFunctions.Channels.Tests.WeChatPay;

/// <summary>An in-process stand-in for api.mch.weixin.qq.com that records requests and signs its answers.</summary>
internal sealed class FakeWeChatPayHandler(TestAccount account) : HttpMessageHandler
{
    public List<RecordedRequest> Requests { get; } = [];

    public Func<RecordedRequest, FakeAnswer> Respond { get; set; } = _ => new FakeAnswer(204, string.Empty);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.ToString(),
            body);
        Requests.Add(recorded);

        var answer = Respond(recorded);
        var bytes = answer.Bytes ?? Encoding.UTF8.GetBytes(answer.Body);
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = new ByteArrayContent(bytes) };
        var signedBytes = answer.SignedBody is null ? bytes : Encoding.UTF8.GetBytes(answer.SignedBody);
        foreach (var (name, value) in account.SignAsPlatform(signedBytes, answer.Timestamp, answer.Serial ?? TestAccount.PlatformSerialNo, answer.Key))
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}

/// <summary>A request as the fake server saw it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body);

/// <summary>What the fake server answers; the optional fields produce a bad signature on purpose.</summary>
internal sealed record FakeAnswer(int Status, string Body)
{
    /// <summary>When set, the body sent instead of <see cref="Body"/>: a file download's bytes.</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>When set, the signature covers this text instead of the body actually sent.</summary>
    public string? SignedBody { get; init; }

    public string? Serial { get; init; }

    public long? Timestamp { get; init; }

    /// <summary>When set, the answer is signed with this key instead of the account's platform key.</summary>
    public System.Security.Cryptography.RSA? Key { get; init; }
}

using System.Net;
using System.Text;

namespace PayFunctions.Channels.Tests.PayPal;

/// <summary>An in-process stand-in for PayPal's REST host: records every request and answers what the test scripts.</summary>
internal sealed class FakePayPalHandler : HttpMessageHandler
{
    public const string Token = "A21AAtoken";

    private readonly Dictionary<string, Queue<(int Status, string Body)>> _scripted = new(StringComparer.Ordinal);

    public List<(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body)> Requests { get; } = [];

    /// <summary>Token lifetime in seconds, as <c>expires_in</c> answers it.</summary>
    public long TokenLifetime { get; set; } = 32_400;

    public int TokenRequests => Requests.Count(r => r.Uri.AbsolutePath == "/v1/oauth2/token");

    /// <summary>Answers the next request to <paramref name="method"/> <paramref name="path"/> with this status and JSON body.</summary>
    public void Script(string method, string path, int status, string body)
    {
        var key = method + " " + path;
        if (!_scripted.TryGetValue(key, out var queue))
        {
            _scripted[key] = queue = new Queue<(int, string)>();
        }

        queue.Enqueue((status, body));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add((request.Method, request.RequestUri!, headers, body));
        var key = request.Method.Method + " " + request.RequestUri!.AbsolutePath;
        if (_scripted.TryGetValue(key, out var queue) && queue.Count > 0)
        {
            var (status, answer) = queue.Dequeue();
            return Answer(status, answer, request);
        }

        if (request.RequestUri.AbsolutePath == "/v1/oauth2/token")
        {
            return Answer(200, $$"""{"scope":"https://uri.paypal.com/services/payments/payment","access_token":"{{Token}}{{TokenRequests}}","token_type":"Bearer","app_id":"APP-1","expires_in":{{TokenLifetime}},"nonce":"n"}""", request);
        }

        return Answer(404, """{"name":"RESOURCE_NOT_FOUND","details":[{"issue":"INVALID_RESOURCE_ID"}]}""", request);
    }

    private static HttpResponseMessage Answer(int status, string body, HttpRequestMessage request) =>
        new((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request };
}

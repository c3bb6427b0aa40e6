using System.Net;
using System.Text;

namespace PayFunctions.Channels.Tests.Stripe;

/// <summary>Stripe's API as a script: records each request (method, path, headers, form body) and answers the next canned answer.</summary>
internal sealed class RecordingStripeHandler(params (HttpStatusCode Status, string Json)[] answers) : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string Json)> _answers = new(answers);

    public List<(HttpMethod Method, string PathAndQuery, Dictionary<string, string> Headers, string Body)> Requests { get; } = [];

    /// <summary>The form body of the <paramref name="index"/>th request, decoded.</summary>
    public Dictionary<string, string> Form(int index) =>
        Requests[index].Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => WebUtility.UrlDecode(pair[0]), pair => WebUtility.UrlDecode(pair[1]));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add((request.Method, request.RequestUri!.PathAndQuery, headers, body));
        var (status, json) = _answers.Dequeue();
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}

using System.Net;
using System.Text;

namespace PayFunctions.Channels.Tests.UnionPay;

/// <summary>An in-process stand-in for gateway.95516.com: records the merchant's forms and answers signed texts.</summary>
internal sealed class FakeUnionPayHandler : HttpMessageHandler
{
    public List<(string Path, Dictionary<string, string> Fields)> Requests { get; } = [];

    /// <summary>The address of each request, in order: the file transfer goes to another host than the gateway.</summary>
    public List<Uri> Addresses { get; } = [];

    /// <summary>Returns the answer fields (unsigned) for a request; the handler echoes the common fields and signs.</summary>
    public Func<string, Dictionary<string, string>, Dictionary<string, string>> Respond { get; set; } =
        (_, _) => new() { ["respCode"] = "00", ["respMsg"] = "成功[0000000]" };

    /// <summary>When set, the answer is signed and then this field is changed, so the signature no longer matches.</summary>
    public string? TamperField { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var fields = UnionPaySide.ParseForm(body);
        var path = request.RequestUri!.AbsolutePath;
        Requests.Add((path, fields));
        Addresses.Add(request.RequestUri);

        var answer = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["version"] = "5.1.0",
            ["encoding"] = "UTF-8",
            ["signMethod"] = "01",
        };
        foreach (var echoed in new[] { "txnType", "txnSubType", "bizType", "accessType", "merId", "orderId", "txnTime", "settleDate" })
        {
            if (fields.TryGetValue(echoed, out var value))
            {
                answer[echoed] = value;
            }
        }

        foreach (var (key, value) in Respond(path, fields))
        {
            answer[key] = value;
        }

        UnionPaySide.SignAsUnionPay(answer, TestPki.Shared.SigningKey, TestPki.Shared.SigningPem);
        if (TamperField is { } tampered)
        {
            answer[tampered] += "0";
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(UnionPaySide.AnswerText(answer), Encoding.UTF8, "text/plain"),
        };
    }
}

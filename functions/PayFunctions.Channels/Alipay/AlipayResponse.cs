using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace PayFunctions.Channels.Alipay;

/// <summary>
/// One gateway answer, <c>{"&lt;method&gt;_response":{...},"sign":"...","alipay_cert_sn":"..."}</c>, split without
/// re-serializing anything: <see cref="Content"/> is the exact bytes of the response member's value as they appear
/// in the body, which is what Alipay signed ("同步响应验签").
/// </summary>
public sealed class AlipayResponse
{
    /// <summary>The answer to a successful call.</summary>
    public const string SuccessCode = "10000";

    private AlipayResponse(string memberName, ReadOnlyMemory<byte> content, string? sign, string? alipayCertSn, JsonElement body)
    {
        MemberName = memberName;
        Content = content;
        Sign = sign;
        AlipayCertSn = alipayCertSn;
        Body = body;
    }

    /// <summary>The member that held the answer: <c>alipay_trade_query_response</c>, or <c>error_response</c>.</summary>
    public string MemberName { get; }

    /// <summary>The raw bytes of the response object, as signed.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The signature, when the answer carries one.</summary>
    public string? Sign { get; }

    /// <summary>In certificate mode, the SN of the Alipay certificate that signed the answer.</summary>
    public string? AlipayCertSn { get; }

    /// <summary>The parsed response object.</summary>
    public JsonElement Body { get; }

    /// <summary><c>code</c>: 10000 success, 10003 waiting for the payer, 20000 unknown, 40xxx refusals.</summary>
    public string? Code => String("code");

    /// <summary><c>sub_code</c>, e.g. ACQ.TRADE_NOT_EXIST.</summary>
    public string? SubCode => String("sub_code");

    /// <summary><c>msg</c> and <c>sub_msg</c> for people.</summary>
    public string Message => $"{String("msg")} {String("sub_msg")}".Trim();

    /// <summary>The response member's name for a method: <c>alipay.trade.query</c> → <c>alipay_trade_query_response</c>.</summary>
    public static string MemberFor(string method) => method.Replace('.', '_') + "_response";

    /// <summary>A string field of the response object; null when absent or not a string.</summary>
    public string? String(string name) =>
        Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// Splits <paramref name="body"/>: the member named for <paramref name="method"/> or else <c>error_response</c>,
    /// <c>sign</c> and <c>alipay_cert_sn</c>. False when the body is not such a JSON object, names a member twice, or
    /// holds neither response member.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, string method, [NotNullWhen(true)] out AlipayResponse? response)
    {
        response = null;
        var expected = MemberFor(method);
        string? memberName = null;
        ReadOnlyMemory<byte> content = default;
        string? sign = null;
        string? certSn = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!seen.Add(name))
                {
                    return false;
                }

                reader.Read();
                if ((name == expected || name == "error_response") && reader.TokenType == JsonTokenType.StartObject)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    var end = (int)reader.BytesConsumed;

                    // The method's own member wins over error_response should both be present.
                    if (memberName is null || name == expected)
                    {
                        memberName = name;
                        content = body[start..end];
                    }
                }
                else if (name == "sign" && reader.TokenType == JsonTokenType.String)
                {
                    sign = reader.GetString();
                }
                else if (name == "alipay_cert_sn" && reader.TokenType == JsonTokenType.String)
                {
                    certSn = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || memberName is null)
            {
                return false;
            }

            using var document = JsonDocument.Parse(content);
            response = new AlipayResponse(memberName, content, sign, certSn, document.RootElement.Clone());
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // GetString throws InvalidOperationException for invalid UTF-8 or an unpaired surrogate in a name or the sign.
            return false;
        }
    }
}

using System.Net.Http.Headers;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>The four <c>Wechatpay-*</c> headers that carry the platform signature of a response or callback.</summary>
internal readonly record struct WeChatPaySignatureHeaders(string? Timestamp, string? Nonce, string? Signature, string? Serial)
{
    private const string TimestampHeader = "Wechatpay-Timestamp";
    private const string NonceHeader = "Wechatpay-Nonce";
    private const string SignatureHeader = "Wechatpay-Signature";
    private const string SerialHeader = "Wechatpay-Serial";

    /// <summary>Every header that carries signature material, with the signature type, as kept for evidence.</summary>
    public static IReadOnlyList<string> Names { get; } = [TimestampHeader, NonceHeader, SignatureHeader, SerialHeader, "Wechatpay-Signature-Type"];

    /// <summary>Reads the headers of a callback; hosts differ in header casing, so the lookup ignores case.</summary>
    public static WeChatPaySignatureHeaders From(IReadOnlyDictionary<string, string> headers) =>
        new(Find(headers, TimestampHeader), Find(headers, NonceHeader), Find(headers, SignatureHeader), Find(headers, SerialHeader));

    /// <summary>Reads the headers of an API response.</summary>
    public static WeChatPaySignatureHeaders From(HttpResponseHeaders headers) =>
        new(Find(headers, TimestampHeader), Find(headers, NonceHeader), Find(headers, SignatureHeader), Find(headers, SerialHeader));

    private static string? Find(IReadOnlyDictionary<string, string> headers, string name)
    {
        if (headers.TryGetValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static string? Find(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

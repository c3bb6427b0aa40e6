using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Channels.AlipayPlus;

/// <summary>
/// Alipay+ (Antom) message signatures: SHA256withRSA over <c>&lt;METHOD&gt; &lt;URI&gt;\n&lt;client-id&gt;.&lt;time&gt;.&lt;body&gt;</c>,
/// carried in the <c>signature</c> header as <c>algorithm=RSA256,keyVersion=&lt;n&gt;,signature=&lt;url-encoded base64&gt;</c>. Requests
/// sign their <c>request-time</c>, answers their <c>response-time</c>; notifications are requests from Alipay+ to the notify URL.
/// </summary>
public static class AlipayPlusSignature
{
    /// <summary>The header that names the client.</summary>
    public const string ClientIdHeader = "client-id";

    /// <summary>The header with the time a request was sent.</summary>
    public const string RequestTimeHeader = "request-time";

    /// <summary>The header with the time an answer was sent.</summary>
    public const string ResponseTimeHeader = "response-time";

    /// <summary>The header with the signature.</summary>
    public const string SignatureHeader = "signature";

    private const string Algorithm = "RSA256";

    /// <summary>The content to sign, exactly as the Alipay+ and Antom documentation spells it.</summary>
    public static string ContentToSign(string httpMethod, string uri, string clientId, string time, string body) =>
        $"{httpMethod} {uri}\n{clientId}.{time}.{body}";

    /// <summary>Signs <paramref name="content"/> and returns the base64 signature, not yet URL-encoded.</summary>
    public static string Sign(RSA privateKey, string content)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        return Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>The <c>signature</c> header's value for <paramref name="base64Signature"/> made with key version <paramref name="keyVersion"/>.</summary>
    public static string Header(string keyVersion, string base64Signature) =>
        $"algorithm={Algorithm},keyVersion={keyVersion},signature={WebUtility.UrlEncode(base64Signature)}";

    /// <summary>Whether <paramref name="header"/> carries a valid signature of <paramref name="content"/> by <paramref name="publicKey"/>.</summary>
    public static bool Verify(RSA publicKey, string content, string? header)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (Parse(header) is not { } signature)
        {
            return false;
        }

        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var written)
            && publicKey.VerifyData(Encoding.UTF8.GetBytes(content), bytes.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>
    /// The base64 signature of a <c>signature</c> header, percent-decoded (a <c>+</c> stays a <c>+</c>: it is base64's, never a
    /// space); null when the header is not an RSA256 signature.
    /// </summary>
    public static string? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        string? algorithm = null;
        string? signature = null;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            var (name, value) = (part[..equals], part[(equals + 1)..]);
            if (name.Equals("algorithm", StringComparison.OrdinalIgnoreCase))
            {
                algorithm = value;
            }
            else if (name.Equals("signature", StringComparison.OrdinalIgnoreCase))
            {
                signature = Uri.UnescapeDataString(value);
            }
        }

        return string.Equals(algorithm, Algorithm, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(signature) ? signature : null;
    }

    /// <summary>
    /// Reads a <c>request-time</c> or <c>response-time</c>: ISO 8601 with an offset, as the documentation shows, or
    /// milliseconds since the epoch, as Alipay's libraries send.
    /// </summary>
    public static DateTimeOffset? ParseTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.All(char.IsAsciiDigit) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && value.Contains('T', StringComparison.Ordinal)
            ? parsed
            : null;
    }

    /// <summary>An ISO 8601 time with milliseconds and offset, as Alipay+ writes its times.</summary>
    public static string FormatTime(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChannelSandbox.AlipayPlus;

/// <summary>
/// Alipay+'s side of the message signature, written from the documentation on its own: RSA256 (SHA256withRSA, PKCS#1 v1.5) over
/// <c>POST &lt;path&gt;\n&lt;client-id&gt;.&lt;time&gt;.&lt;body&gt;</c>, in the header
/// <c>algorithm=RSA256,keyVersion=…,signature=&lt;URL-encoded base64&gt;</c>.
/// </summary>
public static class AlipayPlusCrypto
{
    public static string SignedText(string path, string clientId, string time, string body) => "POST " + path + "\n" + clientId + "." + time + "." + body;

    public static string SignatureHeader(RSA key, string keyVersion, string signedText)
    {
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(signedText), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return "algorithm=RSA256,keyVersion=" + keyVersion + ",signature=" + Uri.EscapeDataString(signature);
    }

    /// <summary>The header's parts by name; empty when it is not a list of name=value pairs.</summary>
    public static IReadOnlyDictionary<string, string> HeaderParts(string? header)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return new Dictionary<string, string>();
            }

            parts[pair[..equals]] = pair[(equals + 1)..];
        }

        return parts;
    }

    public static bool Verify(RSA key, string signedText, string urlEncodedSignature)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(Uri.UnescapeDataString(urlEncodedSignature));
        }
        catch (FormatException)
        {
            return false;
        }

        return key.VerifyData(Encoding.UTF8.GetBytes(signedText), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>A request-time as ISO 8601 with an offset or as milliseconds since the epoch; null otherwise.</summary>
    public static DateTimeOffset? ReadTime(string? value)
    {
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds < 253_402_300_800_000)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        return value is not null && value.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? time
                : null;
    }

    public static string Time(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string RandomDigits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
}

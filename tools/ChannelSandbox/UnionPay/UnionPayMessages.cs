using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ChannelSandbox.UnionPay;

/// <summary>
/// ACP 5.1.0 messages, UnionPay's side: requests arrive as a URL-encoded form; answers go back as raw
/// <c>k=v&amp;k=v</c>; notifications go out as a URL-encoded form. Signing (<c>signMethod=01</c>): every field but
/// <c>signature</c>, sorted by key, joined <c>k=v&amp;...</c>, SHA-256 as lower-case hex, SHA256withRSA over those
/// hex characters, Base64.
/// </summary>
public sealed class UnionPayMessages(UnionPayKeys keys)
{
    public static string SigningString(IReadOnlyDictionary<string, string> fields) =>
        string.Join('&', fields.Where(field => field.Key != "signature").OrderBy(field => field.Key, StringComparer.Ordinal).Select(field => field.Key + "=" + field.Value));

    public static byte[] HexDigest(IReadOnlyDictionary<string, string> fields) =>
        Encoding.UTF8.GetBytes(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(SigningString(fields)))).ToLowerInvariant());

    /// <summary>Whether the merchant signed the request with the certificate it names in <c>certId</c>.</summary>
    public bool IsSignedByMerchant(IReadOnlyDictionary<string, string> fields)
    {
        if (fields.GetValueOrDefault("certId") != keys.MerchantCertId || fields.GetValueOrDefault("signature") is not { Length: > 0 } signature)
        {
            return false;
        }

        var bytes = new byte[signature.Length];
        using var key = keys.MerchantCert.GetRSAPublicKey()!;
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && key.VerifyData(HexDigest(fields), bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>Adds <c>signPubKeyCert</c> and <c>signature</c>; <paramref name="corrupt"/> signs other text, for the signature-error fault.</summary>
    public Dictionary<string, string> Sign(Dictionary<string, string> fields, bool corrupt = false)
    {
        fields["signPubKeyCert"] = keys.UnionPaySigningCertPem;
        fields.Remove("signature");
        var digest = HexDigest(fields);
        if (corrupt)
        {
            digest[0] ^= 1;
        }

        fields["signature"] = Convert.ToBase64String(keys.UnionPaySigningKey.SignData(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return fields;
    }

    /// <summary>A synchronous answer: raw values, as the SDK's parseQString reads them.</summary>
    public static string AnswerText(IReadOnlyDictionary<string, string> fields) =>
        string.Join('&', fields.Select(field => field.Key + "=" + field.Value));

    public static string FormText(IReadOnlyDictionary<string, string> fields) =>
        string.Join('&', fields.Select(field => Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(field.Value)));

    public static async Task<Dictionary<string, string>?> ReadFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            if (value.Count != 1)
            {
                return null;
            }

            fields[key] = value.ToString();
        }

        return fields;
    }
}

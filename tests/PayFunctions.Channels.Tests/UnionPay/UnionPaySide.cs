using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Channels.Tests.UnionPay;

/// <summary>
/// UnionPay's side, written independently of the adapter so that a symmetric mistake cannot pass: the ACP 5.1.0
/// signing text, signing as UnionPay, and checking the merchant's signature.
/// </summary>
internal static class UnionPaySide
{
    public static string SigningText(IReadOnlyDictionary<string, string> fields)
    {
        var keys = fields.Keys.Where(key => key != "signature").ToList();
        keys.Sort(string.CompareOrdinal);
        return string.Join("&", keys.Select(key => $"{key}={fields[key]}"));
    }

    public static byte[] HexOfSha256(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Encoding.UTF8.GetBytes(string.Concat(hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>Signs as UnionPay: <c>signPubKeyCert</c> and <c>signature</c> added.</summary>
    public static Dictionary<string, string> SignAsUnionPay(Dictionary<string, string> fields, RSA key, string certPem)
    {
        fields["signPubKeyCert"] = certPem;
        fields.Remove("signature");
        fields["signature"] = Convert.ToBase64String(key.SignData(HexOfSha256(SigningText(fields)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return fields;
    }

    public static bool IsSignedBy(IReadOnlyDictionary<string, string> fields, RSA key) =>
        fields.TryGetValue("signature", out var signature)
        && key.VerifyData(HexOfSha256(SigningText(fields)), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>The raw <c>k=v&amp;...</c> answer text UnionPay sends back.</summary>
    public static string AnswerText(IReadOnlyDictionary<string, string> fields) => string.Join("&", fields.Select(field => $"{field.Key}={field.Value}"));

    /// <summary>A URL-encoded form, as a back notification is posted.</summary>
    public static byte[] FormBody(IReadOnlyDictionary<string, string> fields) =>
        Encoding.UTF8.GetBytes(string.Join("&", fields.Select(field => $"{Uri.EscapeDataString(field.Key)}={Uri.EscapeDataString(field.Value)}")));

    public static Dictionary<string, string> ParseForm(string body) =>
        body.Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(
            pair => Uri.UnescapeDataString(pair[0].Replace('+', ' ')),
            pair => Uri.UnescapeDataString(pair[1].Replace('+', ' ')),
            StringComparer.Ordinal);
}

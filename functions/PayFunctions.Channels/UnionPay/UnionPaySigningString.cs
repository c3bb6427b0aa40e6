using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Channels.UnionPay;

/// <summary>
/// The ACP 5.1.0 text that is signed (SDKUtil.coverMap2String): every field except <c>signature</c>, sorted by key
/// in ordinal order, joined as <c>k=v&amp;k=v</c>, values as they are (not URL-encoded); then the lower-case hex of
/// its SHA-256, whose UTF-8 bytes are what SHA256withRSA signs (SecureUtil.sha256X16).
/// </summary>
internal static class UnionPaySigningString
{
    public const string SignatureField = "signature";

    public static string Build(IReadOnlyDictionary<string, string> fields)
    {
        var builder = new StringBuilder();
        foreach (var key in fields.Keys.Where(key => key != SignatureField).Order(StringComparer.Ordinal))
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(key).Append('=').Append(fields[key]);
        }

        return builder.ToString();
    }

    public static byte[] DigestHex(IReadOnlyDictionary<string, string> fields) =>
        Encoding.UTF8.GetBytes(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Build(fields)))));
}

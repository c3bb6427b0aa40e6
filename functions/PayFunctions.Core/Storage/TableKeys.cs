using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Core.Storage;

public static class TableKeys
{
    /// <summary>
    /// A row key for a caller-chosen string (an idempotency key, a merchant's order id): its SHA-256
    /// in hex, so characters Tables forbids in keys and over-long values cannot reach the key.
    /// </summary>
    public static string HashOf(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>
    /// A readable key for a value that is usually key-safe (an account id, a ledger account name): the characters
    /// Tables forbids in keys ('/', '\', '#', '?', control characters) and '%' itself become %XX, so the mapping is
    /// one-to-one and ids of the platform's own making stay as they are.
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c);
}

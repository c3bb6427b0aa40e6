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
}

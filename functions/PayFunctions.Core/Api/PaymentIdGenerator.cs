using System.Security.Cryptography;

namespace PayFunctions.Core.Api;

/// <summary>
/// "pay_" + 12 base-36 digits of (max − now) + 12 random base-36 digits. Newer ids sort first, so a
/// merchant's table partition reads newest-first and cursor pagination is a plain row-key range.
/// </summary>
public sealed class PaymentIdGenerator(TimeProvider time)
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static readonly long MaxMillis = (long)Math.Pow(36, 12) - 1;

    public string NewId()
    {
        var inverted = MaxMillis - time.GetUtcNow().ToUnixTimeMilliseconds();
        Span<char> id = stackalloc char[24];
        for (var i = 11; i >= 0; i--)
        {
            id[i] = Alphabet[(int)(inverted % 36)];
            inverted /= 36;
        }

        for (var i = 12; i < 24; i++)
        {
            id[i] = Alphabet[RandomNumberGenerator.GetInt32(36)];
        }

        return "pay_" + new string(id);
    }
}

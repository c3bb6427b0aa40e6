using System.Buffers;
using System.Security.Cryptography;

namespace PayFunctions.Core.Storage;

/// <summary>
/// Public ids of the form prefix + 12 base-36 digits of (max − now in ms) + 12 random base-36
/// digits. Newer ids sort first, so a merchant's table partition reads newest-first and cursor
/// pagination is a plain row-key range.
/// </summary>
public static class NewestFirstIds
{
    public const int BodyLength = 24;
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static readonly long MaxMillis = (long)Math.Pow(36, 12) - 1;
    private static readonly SearchValues<char> Digits = SearchValues.Create(Alphabet);

    public static string New(string prefix, TimeProvider time)
    {
        var inverted = MaxMillis - time.GetUtcNow().ToUnixTimeMilliseconds();
        Span<char> id = stackalloc char[BodyLength];
        for (var i = 11; i >= 0; i--)
        {
            id[i] = Alphabet[(int)(inverted % 36)];
            inverted /= 36;
        }

        for (var i = 12; i < BodyLength; i++)
        {
            id[i] = Alphabet[RandomNumberGenerator.GetInt32(36)];
        }

        return prefix + new string(id);
    }

    /// <summary>Whether <paramref name="id"/> has the shape; checked before any lookup so junk never reaches a table key.</summary>
    public static bool IsWellFormed(string? id, string prefix) =>
        id is not null
        && id.Length == prefix.Length + BodyLength
        && id.StartsWith(prefix, StringComparison.Ordinal)
        && !id.AsSpan(prefix.Length).ContainsAnyExcept(Digits);
}

using System.Security.Cryptography;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Security;

/// <summary>
/// An operator's key names its operator (<c>opk_&lt;operator id&gt;.&lt;secret&gt;</c>), so checking it
/// reads that operator's row and nothing else; the secret part alone is what makes it valid.
/// </summary>
public static class OperatorKeys
{
    public const string Prefix = "opk_";
    private const char Separator = '.';
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New(string operatorId) => Prefix + operatorId + Separator + RandomNumberGenerator.GetString(Alphabet, 40);

    /// <summary>The operator a key claims to be, when it has the shape of a key; null otherwise.</summary>
    public static string? OperatorOf(string key, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var separator = key.IndexOf(Separator, StringComparison.Ordinal);
        var id = separator < 0 ? null : key[Prefix.Length..separator];
        return NewestFirstIds.IsWellFormed(id, idPrefix) && key.Length - separator - 1 == 40 ? id : null;
    }
}

using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Screening;

/// <summary>
/// A hit's id is <c>sh_</c> and 32 hex digits of SHA-256 over the party and the list entry, so screening the same party
/// against the same entry again, on any instance, finds the hit it made before instead of making a second.
/// </summary>
public static class ScreeningHitIds
{
    public const string Prefix = "sh_";
    private const int HexDigits = 32;
    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdef");

    public static string For(ScreenedParty party, SanctionsListSource source, string entryId)
    {
        ArgumentNullException.ThrowIfNull(party);
        var key = string.Join('\n', party.Type, party.Id, SanctionsListCodes.Of(source), entryId);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..HexDigits];
    }

    public static bool IsWellFormed(string? id) =>
        id is { Length: 3 + HexDigits } && id.StartsWith(Prefix, StringComparison.Ordinal) && !id.AsSpan(Prefix.Length).ContainsAnyExcept(Hex);

    /// <summary>SHA-256 over an entry's names in the list's order: what a dismissal was about.</summary>
    public static string NamesHash(SanctionsEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var names = string.Join('\n', entry.Aliases.Select(a => a.Name).Prepend(entry.PrimaryName));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(names)));
    }
}

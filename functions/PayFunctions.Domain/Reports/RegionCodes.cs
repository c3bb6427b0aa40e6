using System.Collections.Frozen;

namespace PayFunctions.Domain.Reports;

/// <summary>
/// A payer's region as reports key it: an ISO 3166-2 subdivision code for a Chinese province ("CN-GD"), an
/// ISO 3166-1 alpha-2 code for any other country, or <see cref="Unknown"/>. Provinces are the level a heat map of
/// China is drawn at; abroad the country is what a merchant in China asks about.
/// </summary>
public static class RegionCodes
{
    /// <summary>The key of payments whose region is not known.</summary>
    public const string Unknown = "unknown";

    /// <summary>ISO 3166-2:CN's 34 province-level codes, as revised in 2017 (letters, not numbers).</summary>
    private static readonly FrozenSet<string> ChineseProvinces = """
        CN-AH CN-BJ CN-CQ CN-FJ CN-GD CN-GS CN-GX CN-GZ CN-HA CN-HB CN-HE CN-HI CN-HK CN-HL CN-HN CN-JL CN-JS
        CN-JX CN-LN CN-MO CN-NM CN-NX CN-QH CN-SC CN-SD CN-SH CN-SN CN-SX CN-TJ CN-TW CN-XJ CN-XZ CN-YN CN-ZJ
        """.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The region code for <paramref name="code"/> in either case: an assigned alpha-2 country code or one of China's
    /// province codes. False for anything else.
    /// </summary>
    public static bool TryNormalize(string? code, out string region)
    {
        if (code is { Length: 5 } && code.StartsWith("CN-", StringComparison.OrdinalIgnoreCase) && code.All(c => char.IsAsciiLetter(c) || c == '-'))
        {
            region = code.ToUpperInvariant();
            return ChineseProvinces.Contains(region);
        }

        return CountryCodes.TryNormalize(code, out region);
    }

    /// <summary>The region of a payer located by <paramref name="located"/>, else by <paramref name="country"/>, else <see cref="Unknown"/>.</summary>
    public static string Of(string? located, string? country) =>
        TryNormalize(located, out var region) ? region : TryNormalize(country, out var c) ? c : Unknown;
}

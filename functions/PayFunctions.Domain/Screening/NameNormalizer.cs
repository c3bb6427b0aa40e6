using System.Globalization;
using System.Text;

namespace PayFunctions.Domain.Screening;

/// <summary>
/// Brings a name to the form both sides of a comparison are scored in: case folded, its diacritics dropped ("José
/// Müller" is "jose muller", pinyin's tone marks go too, combining marks of decomposed text too), transliterated to
/// Latin (<see cref="Transliteration"/>), apostrophes removed ("O'Brien" is "obrien") and any other punctuation a space
/// ("AL-QAIDA" is "al qaida"), honorifics dropped, whitespace collapsed. Lists and callers write the same name with
/// all of these varying; none of them tells two parties apart.
/// </summary>
public static class NameNormalizer
{
    /// <summary>The longest name read, in characters: a list's longest names are entity names well under this.</summary>
    public const int MaxLength = 512;

    /// <summary>Tokens scored per name: long entity names are told apart by their first words.</summary>
    public const int MaxTokens = 8;

    /// <summary>
    /// Forms of address that precede a name in a payer's or a receiver's details; titles that lists give as part of a
    /// name (Sheikh, Haji, Mullah) stay, since they are often how the party is known.
    /// </summary>
    private static readonly HashSet<string> Honorifics =
        new(["mr", "mrs", "ms", "miss", "mx", "mister", "madam", "madame", "dr", "prof", "sir", "dame", "rev", "herr", "frau", "mme", "mlle"], StringComparer.Ordinal);

    /// <summary>The normalised name, its tokens separated by single spaces; empty when nothing of it is a letter or digit.</summary>
    /// <exception cref="ArgumentException">The name is longer than <see cref="MaxLength"/>.</exception>
    public static string Normalize(string name) => string.Join(' ', Tokens(name));

    /// <summary>The normalised name's tokens, at most <see cref="MaxTokens"/>, in the name's order.</summary>
    /// <exception cref="ArgumentException">The name is longer than <see cref="MaxLength"/>.</exception>
    public static IReadOnlyList<string> Tokens(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > MaxLength)
        {
            throw new ArgumentException($"A name is at most {MaxLength} characters.", nameof(name));
        }

        var tokens = new List<string>();
        var token = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is '\'' or '\u2019' or '\u02BC' or '`' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                token.Append(Transliteration.Latin(c) ?? c.ToString());
            }
            else
            {
                End(token, tokens);
            }
        }

        End(token, tokens);
        return tokens;
    }

    private static void End(StringBuilder token, List<string> tokens)
    {
        if (token.Length > 0 && tokens.Count < MaxTokens)
        {
            var text = token.ToString();
            if (!Honorifics.Contains(text))
            {
                tokens.Add(text);
            }
        }

        token.Clear();
    }
}

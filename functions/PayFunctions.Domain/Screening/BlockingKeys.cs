namespace PayFunctions.Domain.Screening;

/// <summary>
/// The keys under which a normalised token is indexed, so a query is scored only against names that share a key with
/// it: its first three characters, and its Soundex code (a letter and three digits for the consonants that follow, by
/// sound class). Spelling variants that Jaro–Winkler scores high share one or the other: "ivanof" shares "iva" with
/// "ivanov", "mohammed" and "muhammad" share M530, "dixon" and "dickson" share D250. Tokens of one character
/// (initials) are not indexed: they would put most of a list behind one key.
/// </summary>
public static class BlockingKeys
{
    private const int PrefixLength = 3;

    /// <summary>The token's keys, distinct; none for a token shorter than two characters.</summary>
    public static IEnumerable<string> Of(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length < 2)
        {
            yield break;
        }

        yield return "p:" + token[..Math.Min(PrefixLength, token.Length)];
        if (Soundex(token) is { } code)
        {
            yield return "s:" + code;
        }
    }

    /// <summary>American Soundex (h and w do not separate equal codes, vowels do), or null for a token not of a–z.</summary>
    private static string? Soundex(string token)
    {
        if (!token.All(char.IsAsciiLetterLower))
        {
            return null;
        }

        Span<char> code = ['0', '0', '0', '0'];
        code[0] = char.ToUpperInvariant(token[0]);
        var length = 1;
        var previous = Class(token[0]);
        for (var i = 1; i < token.Length && length < code.Length; i++)
        {
            var current = Class(token[i]);
            if (current is not ('0' or 'h') && current != previous)
            {
                code[length++] = current;
            }

            if (current != 'h')
            {
                previous = current;
            }
        }

        return new string(code);
    }

    /// <summary>Soundex's digit for a consonant, '0' for a vowel (and y), 'h' for h and w.</summary>
    private static char Class(char letter) => letter switch
    {
        'b' or 'f' or 'p' or 'v' => '1',
        'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
        'd' or 't' => '3',
        'l' => '4',
        'm' or 'n' => '5',
        'r' => '6',
        'h' or 'w' => 'h',
        _ => '0',
    };
}

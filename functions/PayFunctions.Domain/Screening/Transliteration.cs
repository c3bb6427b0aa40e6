namespace PayFunctions.Domain.Screening;

/// <summary>
/// Latin letters for the letters that case folding leaves outside a–z: Latin letters with diacritics (precomposed, from
/// Latin-1 to Latin Extended Additional, which covers pinyin's tone marks and Vietnamese) by their base letter, letters
/// without a decomposition (ß, æ, ø, ł, đ, þ …), full-width forms by their ASCII letter, and Cyrillic (Russian,
/// Ukrainian, Belarusian) by ICAO Doc 9303's table, the one printed in Russian and Ukrainian passports. Lists spell
/// Cyrillic names in other systems (BGN/PCGN's "Yuriy" beside ICAO's "Iurii"); the similarity score absorbs those
/// differences, this only brings the scripts to one alphabet. Other scripts (Arabic, Hanzi) are kept as they are and
/// only match names in the same script. A table rather than Unicode decomposition: the platform runs with invariant
/// globalization, where <see cref="string.Normalize()"/> does not decompose.
/// </summary>
public static class Transliteration
{
    private static readonly Dictionary<char, string> Letters = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh",
        ['щ'] = "shch", ['ъ'] = "ie", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "iu", ['я'] = "ia",
        ['і'] = "i", ['є'] = "ie", ['ґ'] = "g", ['ў'] = "u",
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th",
        ['ı'] = "i", ['ħ'] = "h", ['ŀ'] = "l", ['й'] = "i", ['ё'] = "e", ['ї'] = "i",
    };

    /// <summary>Lower-case Latin letters with diacritics, each above its base letter in <see cref="Bases"/>.</summary>
    private const string Accented =
        "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžſơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹ"
        + "ǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕẖẗ"
        + "ẘẙẛạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ";

    private const string Bases =
        "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzsouaiouuuuuaagkoojgn"
        + "aaaeeiioorruusthaeooooyabbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzzht"
        + "wysaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyy";

    private static readonly Dictionary<char, char> Base = Accented.Zip(Bases).ToDictionary(p => p.First, p => p.Second);

    /// <summary>The Latin spelling of a lower-case letter, or null when the letter is kept as it is.</summary>
    public static string? Latin(char letter) => letter switch
    {
        >= '\uFF41' and <= '\uFF5A' or >= '\uFF10' and <= '\uFF19' => ((char)(letter - 0xFEE0)).ToString(),
        _ when Base.TryGetValue(letter, out var plain) => plain.ToString(),
        _ => Letters.GetValueOrDefault(letter),
    };
}

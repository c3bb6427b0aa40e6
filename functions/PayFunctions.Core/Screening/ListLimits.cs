using System.Globalization;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Screening;

/// <summary>
/// What a sanctions list file may hold, well above the published lists (the SDN list has under 20 000 entries, its
/// longest alias list under 200 names; the UN list about a thousand entries) and low enough that a hostile file cannot
/// make a reader hold more than a few megabytes at once.
/// </summary>
public static class ListLimits
{
    /// <summary>The characters a file may have: 256 Mi, several times the published sdn.xml.</summary>
    public const long MaxCharacters = 256L * 1024 * 1024;

    public const int MaxEntries = 200_000;

    public const int MaxNamesPerEntry = 1_000;

    public const int MaxProgrammesPerEntry = 100;

    /// <summary>A programme code, an id or a reference number.</summary>
    public const int MaxCodeLength = 64;

    /// <summary>Checks a list id (OFAC's uid, the UN's DATAID): digits, at most 18, not zero.</summary>
    internal static string Id(ListXml xml, int line, string field, string? value) =>
        value is { Length: > 0 and <= 18 } && value.All(char.IsAsciiDigit) && long.Parse(value, CultureInfo.InvariantCulture) > 0
            ? value
            : throw xml.Error($"{field} must be a positive whole number", line);

    /// <summary>A full name from its parts in the list's order, refused when longer than the screening reads.</summary>
    internal static string Name(ListXml xml, int line, string field, params string?[] parts)
    {
        var name = string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
        return name.Length <= NameNormalizer.MaxLength
            ? name
            : throw xml.Error($"{field} is longer than {NameNormalizer.MaxLength.ToString(CultureInfo.InvariantCulture)} characters", line);
    }

    /// <summary>Adds to a list of an entry's names or programmes, refused past <paramref name="max"/>.</summary>
    internal static void Add<T>(ListXml xml, List<T> list, T item, int max, string what)
    {
        if (list.Count == max)
        {
            throw xml.Error($"an entry has more than {max.ToString(CultureInfo.InvariantCulture)} {what}");
        }

        list.Add(item);
    }

    /// <summary>Sets a field once: a field given twice leaves which one the list meant open.</summary>
    internal static void Once(ListXml xml, ref string? field, string name, string value)
    {
        if (field is not null)
        {
            throw xml.Error($"{name} is given twice");
        }

        field = value;
    }
}

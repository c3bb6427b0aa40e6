using PayFunctions.Domain.Screening;

namespace PayFunctions.Domain.Tests.Screening;

/// <summary>
/// A list of invented parties in the shape of the published lists: nine individuals in ten, named by a given name, an
/// optional middle name and a surname built from syllables, with up to three aliases (a reordered name, a variant
/// spelling, a weak short form); the rest entities of two invented words and a legal form. The same seed gives the
/// same list. Used by the screening tests and benchmark for a list of realistic size.
/// </summary>
public static class ScreeningListGenerator
{
    private static readonly string[] Syllables =
    [
        "ka", "ro", "vin", "ta", "mel", "do", "sa", "rik", "no", "bel", "zu", "mar", "te", "gol", "ri", "an", "lo", "vek",
        "pa", "dun", "si", "mo", "ler", "ha", "ju", "tor", "ne", "bra", "ki", "sol", "ve", "ga", "lin", "qu", "ost", "fe",
    ];

    private static readonly string[] LegalForms = ["Trading Company", "Holdings Ltd", "Shipping LLC", "Industrial Group", "Logistics"];

    public static IReadOnlyList<SanctionsEntry> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var entries = new List<SanctionsEntry>(count);
        for (var i = 0; i < count; i++)
        {
            entries.Add(i % 10 == 9 ? Entity(random, i) : Individual(random, i));
        }

        return entries;
    }

    private static SanctionsEntry Individual(Random random, int i)
    {
        var given = Word(random, 2);
        var surname = Word(random, 3);
        var middle = random.Next(3) == 0 ? Word(random, 2) + " " : string.Empty;
        var aliases = new List<SanctionsAlias>();
        if (random.Next(2) == 0)
        {
            aliases.Add(new SanctionsAlias($"{surname.ToUpperInvariant()}, {given}", NameQuality.Strong));
        }

        if (random.Next(3) == 0)
        {
            aliases.Add(new SanctionsAlias($"{given} {surname[..^1]}{Syllables[random.Next(Syllables.Length)][0]}", NameQuality.Strong));
        }

        if (random.Next(4) == 0)
        {
            aliases.Add(new SanctionsAlias(given, NameQuality.Weak));
        }

        return new SanctionsEntry(SanctionsListSource.OfacSdn, (10_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            SanctionedPartyType.Individual, $"{given} {middle}{surname}", aliases, ["SDGT"]);
    }

    private static SanctionsEntry Entity(Random random, int i) =>
        new(SanctionsListSource.OfacSdn, (10_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), null, SanctionedPartyType.Entity,
            $"{Word(random, 3)} {Word(random, 2)} {LegalForms[random.Next(LegalForms.Length)]}", [], ["IRAN"]);

    private static string Word(Random random, int syllables)
    {
        var word = string.Concat(Enumerable.Range(0, syllables).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return char.ToUpperInvariant(word[0]) + word[1..];
    }
}

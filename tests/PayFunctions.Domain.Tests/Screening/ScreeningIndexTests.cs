using PayFunctions.Domain.Screening;

namespace PayFunctions.Domain.Tests.Screening;

public sealed class ScreeningIndexTests
{
    private static readonly SanctionsEntry Ivanov = new(SanctionsListSource.UnConsolidated, "6908001", "QDi.901", SanctionedPartyType.Individual,
        "IVAN PETROVICH IVANOV", [new SanctionsAlias("Vanya", NameQuality.Weak), new SanctionsAlias("Iwan Iwanow", NameQuality.Strong)], ["Al-Qaida"]);

    private static readonly SanctionsEntry Hassan = new(SanctionsListSource.OfacSdn, "90001", null, SanctionedPartyType.Individual,
        "Mohammed Ali HASSAN", [], ["SDGT"]);

    private static readonly SanctionsEntry Shipping = new(SanctionsListSource.OfacSdn, "90002", null, SanctionedPartyType.Entity,
        "TESTCORP OCEAN SHIPPING LLC", [new SanctionsAlias("TESTCORP MARINE", NameQuality.Strong)], ["IRAN"]);

    private static readonly ScreeningIndex Index = ScreeningIndex.Build([Ivanov, Hassan, Shipping, .. ScreeningListGenerator.Generate(2_000, 7)]);

    [Theory]
    [InlineData("Ivanov Ivan", "6908001", "IVAN PETROVICH IVANOV")]
    [InlineData("Иван Иванов", "6908001", "IVAN PETROVICH IVANOV")]
    [InlineData("ivan ivanof", "6908001", "IVAN PETROVICH IVANOV")]
    [InlineData("IWAN IWANOW", "6908001", "Iwan Iwanow")]
    [InlineData("Muhammad Aly Hasan", "90001", "Mohammed Ali HASSAN")]
    [InlineData("Testcorp Marine", "90002", "TESTCORP MARINE")]
    public void Hits_the_listed_party_with_the_name_that_matched(string name, string id, string matched)
    {
        var hit = Assert.Single(Index.Screen(name).Hits, h => h.Entry.Id == id);
        Assert.Equal(matched, hit.MatchedName);
        Assert.InRange(hit.Score, ScreeningIndex.DefaultThreshold, 1);
    }

    [Fact]
    public void Reports_the_quality_of_the_alias_that_matched()
    {
        var hit = Assert.Single(Index.Screen("Vanya").Hits, h => h.Entry.Id == "6908001");
        Assert.Equal(NameQuality.Weak, hit.Quality);
        Assert.Equal(NameQuality.Primary, Assert.Single(Index.Screen("Ivan Petrovich Ivanov").Hits, h => h.Entry.Id == "6908001").Quality);
    }

    [Fact]
    public void On_a_tie_the_primary_name_is_reported()
    {
        var entry = new SanctionsEntry(SanctionsListSource.OfacSdn, "1", null, SanctionedPartyType.Individual, "Anna TESTOVA",
            [new SanctionsAlias("TESTOVA, Anna", NameQuality.Weak), new SanctionsAlias("anna testova", NameQuality.Strong)], []);
        var hit = Assert.Single(ScreeningIndex.Build([entry]).Screen("Testova Anna").Hits);

        Assert.Equal((NameQuality.Primary, "Anna TESTOVA", 1.0), (hit.Quality, hit.MatchedName, hit.Score));
    }

    [Fact]
    public void The_threshold_decides()
    {
        var score = Assert.Single(Index.Screen("Ivan Ivanov", 0.5).Hits, h => h.Entry.Id == "6908001").Score;
        Assert.Contains(Index.Screen("Ivan Ivanov", score).Hits, h => h.Entry.Id == "6908001");
        Assert.DoesNotContain(Index.Screen("Ivan Ivanov", Math.BitIncrement(score)).Hits, h => h.Entry.Id == "6908001");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Refuses_a_threshold_outside_the_score(double threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Index.Screen("Ivan Ivanov", threshold));

    [Theory]
    [InlineData("John Smith")]
    [InlineData("Maria Garcia")]
    [InlineData("Wei Zhang")]
    [InlineData("Mohammed Khan")]
    [InlineData("Olga Petrova")]
    [InlineData("Anna Schmidt")]
    [InlineData("Ali Hussein")]
    [InlineData("Acme Ocean Logistics")]
    public void Common_unrelated_names_do_not_hit(string name) => Assert.Empty(Index.Screen(name).Hits);

    [Fact]
    public void Every_generated_primary_name_hits_its_own_entry_reordered()
    {
        foreach (var entry in ScreeningListGenerator.Generate(200, 7))
        {
            var reordered = string.Join(' ', NameNormalizer.Tokens(entry.PrimaryName).Reverse());
            Assert.Contains(Index.Screen(reordered).Hits, h => h.Entry.Id == entry.Id && h.Score == 1);
        }
    }

    [Fact]
    public void A_query_scores_a_small_part_of_a_large_list()
    {
        var index = ScreeningIndex.Build(ScreeningListGenerator.Generate(20_000, 11));
        var entry = ScreeningListGenerator.Generate(20_000, 11)[4_321];
        var result = index.Screen(entry.PrimaryName);

        Assert.Contains(result.Hits, h => h.Entry.Id == entry.Id);
        Assert.InRange(result.NamesScored, 1, index.NameCount / 50);
    }

    [Fact]
    public void A_name_with_nothing_to_compare_hits_nothing() => Assert.Empty(Index.Screen("— . —").Hits);
}

using PayFunctions.Domain.Screening;

namespace PayFunctions.Domain.Tests.Screening;

/// <summary>Jaro–Winkler against the values published with the measure (Winkler 1990; the usual textbook pairs).</summary>
public sealed class JaroWinklerTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.944, 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.822, 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.767, 0.813)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.896, 0.896)]
    public void Matches_published_values(string a, string b, double jaro, double jaroWinkler)
    {
        Assert.Equal(jaro, JaroWinkler.Jaro(a, b), 3);
        Assert.Equal(jaroWinkler, JaroWinkler.Similarity(a, b), 3);
        Assert.Equal(JaroWinkler.Similarity(a, b), JaroWinkler.Similarity(b, a), 12);
    }

    [Theory]
    [InlineData("", "", 1)]
    [InlineData("abc", "", 0)]
    [InlineData("abc", "xyz", 0)]
    [InlineData("ivanov", "ivanov", 1)]
    public void Edges(string a, string b, double expected) => Assert.Equal(expected, JaroWinkler.Similarity(a, b), 12);

    [Fact]
    public void Long_strings_are_compared_beyond_the_stack_buffer()
    {
        var a = new string('a', 300) + "b";
        var b = new string('a', 300) + "c";
        Assert.InRange(JaroWinkler.Similarity(a, b), 0.99, 1.0);
        Assert.NotEqual(1.0, JaroWinkler.Similarity(a, b));
    }
}

using PayFunctions.Domain.Screening;

namespace PayFunctions.Domain.Tests.Screening;

public sealed class NameSimilarityTests
{
    private static double Score(string screened, string listed) =>
        NameSimilarity.Score(NameNormalizer.Tokens(screened), NameNormalizer.Tokens(listed));

    [Theory]
    [InlineData("Ivanov Ivan", "Ivan IVANOV")]
    [InlineData("IVANOV, Ivan", "ivan ivanov")]
    [InlineData("Smith John Paul", "Paul John Smith")]
    public void Token_order_does_not_matter(string screened, string listed) => Assert.Equal(1.0, Score(screened, listed), 12);

    [Theory]
    [InlineData("Muhammad Aly Hasan", "Mohammed Ali Hassan", 0.85)]
    [InlineData("Ivan Ivanov", "Ivan Petrovich IVANOV", 0.85)]
    [InlineData("Jon Smyth", "John Smith", 0.85)]
    [InlineData("Иван Иванов", "IVANOV, Ivan", 0.99)]
    public void Variants_score_high(string screened, string listed, double atLeast) =>
        Assert.True(Score(screened, listed) >= atLeast, $"{screened} / {listed}: {Score(screened, listed)}");

    [Theory]
    [InlineData("Maria Garcia", "Mario Gomez")]
    [InlineData("Ivan", "Ivan Ivanov")]
    [InlineData("John Smith", "John Williams")]
    [InlineData("Ivan Ivanov Petrov", "Ivan Ivanov")]
    public void Partial_or_different_names_score_low(string screened, string listed) =>
        Assert.True(Score(screened, listed) < ScreeningIndex.DefaultThreshold, $"{screened} / {listed}: {Score(screened, listed)}");

    [Fact]
    public void No_tokens_score_zero() => Assert.Equal(0, Score("...", "Ivan Ivanov"));
}

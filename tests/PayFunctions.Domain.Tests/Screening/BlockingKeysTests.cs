using PayFunctions.Domain.Screening;

namespace PayFunctions.Domain.Tests.Screening;

public sealed class BlockingKeysTests
{
    [Theory]
    [InlineData("mohammed", "muhammad")]
    [InlineData("dixon", "dickson")]
    [InlineData("dwayne", "duane")]
    [InlineData("ivanov", "ivanof")]
    [InlineData("ashcraft", "ashcroft")]
    public void Spelling_variants_share_a_key(string a, string b) => Assert.NotEmpty(BlockingKeys.Of(a).Intersect(BlockingKeys.Of(b)));

    [Theory]
    [InlineData("robert", "s:R163")]
    [InlineData("rupert", "s:R163")]
    [InlineData("ashcraft", "s:A261")]
    [InlineData("tymczak", "s:T522")]
    [InlineData("pfister", "s:P236")]
    [InlineData("lee", "s:L000")]
    public void Soundex_codes_are_the_published_ones(string token, string key) => Assert.Contains(key, BlockingKeys.Of(token));

    [Fact]
    public void Unrelated_names_share_no_key() => Assert.Empty(BlockingKeys.Of("garcia").Intersect(BlockingKeys.Of("ivanov")));

    [Fact]
    public void Initials_are_not_indexed_and_other_scripts_only_by_prefix()
    {
        Assert.Empty(BlockingKeys.Of("j"));
        Assert.Equal(["p:李小龙"], BlockingKeys.Of("李小龙"));
        Assert.Equal(["p:7a"], BlockingKeys.Of("7a"));
    }
}

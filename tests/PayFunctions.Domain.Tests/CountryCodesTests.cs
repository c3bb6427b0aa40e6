using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

public sealed class CountryCodesTests
{
    [Theory]
    [InlineData("CN", "CN")]
    [InlineData("us", "US")]
    [InlineData("Hk", "HK")]
    public void Assigned_codes_are_accepted_in_either_case(string code, string expected)
    {
        Assert.True(CountryCodes.TryNormalize(code, out var country));
        Assert.Equal(expected, country);
    }

    [Theory]
    [InlineData("UK")]
    [InlineData("EU")]
    [InlineData("XX")]
    [InlineData("CHN")]
    [InlineData("C")]
    [InlineData("C1")]
    [InlineData("ＣＮ")]
    [InlineData(null)]
    public void Unassigned_reserved_and_malformed_codes_are_refused(string? code) =>
        Assert.False(CountryCodes.TryNormalize(code, out _));
}

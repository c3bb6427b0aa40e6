using Microsoft.Extensions.Configuration;
using Moq;
using PayFunctions.Core.Aml;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Tests.Aml;

public sealed class PayerPseudonymsTests
{
    private static PayerPseudonyms With(string pepper)
    {
        var secrets = new Mock<ISecretStore>();
        secrets.Setup(s => s.GetCurrentAsync(ApiKeyHasher.PepperSecretName, It.IsAny<CancellationToken>())).ReturnsAsync(new SecretVersion(pepper, "1"));
        return new PayerPseudonyms(secrets.Object);
    }

    [Fact]
    public async Task A_payer_has_one_well_formed_pseudonym_under_a_pepper_another_payer_another_and_another_pepper_another()
    {
        var pseudonyms = With("pepper-one");

        var first = await pseudonyms.OfAsync("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", CancellationToken.None);

        Assert.True(PayerPseudonyms.IsWellFormed(first), first);
        Assert.DoesNotContain("oUpF8u", first, StringComparison.Ordinal);
        Assert.Equal(first, await pseudonyms.OfAsync("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", CancellationToken.None));
        Assert.NotEqual(first, await pseudonyms.OfAsync("oUpF8uMuAJO_M2pxb1Q9zNjWeS6p", CancellationToken.None));
        Assert.NotEqual(first, await With("pepper-two").OfAsync("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", CancellationToken.None));
        Assert.Null(await pseudonyms.OfAsync(null, CancellationToken.None));
        Assert.Null(await pseudonyms.OfAsync("", CancellationToken.None));
    }

    [Theory]
    [InlineData("payer_0123456789abcdef01234567", true)]
    [InlineData("payer_0123456789ABCDEF01234567", false)]
    [InlineData("payer_0123456789abcdef0123456", false)]
    [InlineData("payee_0123456789abcdef01234567", false)]
    [InlineData("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", false)]
    [InlineData(null, false)]
    public void Only_the_pseudonym_shape_is_well_formed(string? text, bool wellFormed) => Assert.Equal(wellFormed, PayerPseudonyms.IsWellFormed(text));

    [Fact]
    public void The_standards_bind_from_configuration_and_a_bad_one_is_refused()
    {
        var options = new AmlOptions();
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aml:Rules:NaturalDomestic:Cny"] = "10000",
            ["Aml:Rules:FunnellingMinPayers"] = "3",
        }).Build().GetSection(AmlOptions.SectionName).Bind(options);

        Assert.Equal((10_000, 10_000_000, 3), (options.Rules.NaturalDomestic.Cny, options.Rules.NaturalDomestic.Usd, options.Rules.FunnellingMinPayers));
        Assert.True(options.IsValid());
        Assert.True(new AmlOptions().IsValid());
        Assert.False(new AmlOptions { Rules = new() { StructuringMarginBasisPoints = 10_000 } }.IsValid());
        Assert.False(new AmlOptions { Rules = new() { NonNatural = new() { Cny = 0, Usd = 1 } } }.IsValid());
        Assert.False(new AmlOptions { TimeZone = "Mars/Olympus" }.IsValid());
    }
}

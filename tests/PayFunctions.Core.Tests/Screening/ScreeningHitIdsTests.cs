using PayFunctions.Core.Screening;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Tests.Screening;

/// <summary>A hit's id is the party and the list entry, so re-screening finds the hit it made before.</summary>
public sealed class ScreeningHitIdsTests
{
    private static readonly ScreenedParty Account = ScreenedParty.Account("mch_a", "acct_1", "Iwan Testoff");

    [Fact]
    public void The_same_party_and_entry_give_the_same_id_whatever_the_name_screened()
    {
        var id = ScreeningHitIds.For(Account, SanctionsListSource.OfacSdn, "900101");

        Assert.Equal(id, ScreeningHitIds.For(Account with { Name = "Ivan Testov" }, SanctionsListSource.OfacSdn, "900101"));
        Assert.Matches("^sh_[0-9a-f]{32}$", id);
        Assert.True(ScreeningHitIds.IsWellFormed(id));
    }

    [Fact]
    public void Another_party_list_or_entry_gives_another_id()
    {
        var id = ScreeningHitIds.For(Account, SanctionsListSource.OfacSdn, "900101");

        Assert.NotEqual(id, ScreeningHitIds.For(Account with { Id = "acct_2" }, SanctionsListSource.OfacSdn, "900101"));
        Assert.NotEqual(id, ScreeningHitIds.For(ScreenedParty.Merchant("acct_1", "Iwan Testoff"), SanctionsListSource.OfacSdn, "900101"));
        Assert.NotEqual(id, ScreeningHitIds.For(Account, SanctionsListSource.UnConsolidated, "900101"));
        Assert.NotEqual(id, ScreeningHitIds.For(Account, SanctionsListSource.OfacSdn, "900102"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sh_0123456789abcdef0123456789abcde")]
    [InlineData("sh_0123456789abcdef0123456789abcdef0")]
    [InlineData("sh_0123456789ABCDEF0123456789abcdef")]
    [InlineData("xx_0123456789abcdef0123456789abcdef")]
    [InlineData("sh_0123456789abcdef/123456789abcdef")]
    public void Anything_else_is_not_a_hit_id(string? id) => Assert.False(ScreeningHitIds.IsWellFormed(id));

    [Fact]
    public void The_names_hash_follows_the_entrys_names_and_only_them()
    {
        var entry = new SanctionsEntry(SanctionsListSource.OfacSdn, "900101", null, SanctionedPartyType.Individual, "Ivan TESTOV", [new("Iwan TESTOFF", NameQuality.Strong)], ["SDGT"]);

        Assert.Equal(ScreeningHitIds.NamesHash(entry), ScreeningHitIds.NamesHash(entry with { Programmes = ["SDGT", "RUSSIA-EO14024"] }));
        Assert.NotEqual(ScreeningHitIds.NamesHash(entry), ScreeningHitIds.NamesHash(entry with { Aliases = [new("Iwan TESTOFF", NameQuality.Strong), new("Vanya", NameQuality.Weak)] }));
        Assert.NotEqual(ScreeningHitIds.NamesHash(entry), ScreeningHitIds.NamesHash(entry with { PrimaryName = "Ivan TESTOW" }));
    }
}

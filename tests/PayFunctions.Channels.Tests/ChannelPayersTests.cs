namespace PayFunctions.Channels.Tests;

public sealed class ChannelPayersTests
{
    [Fact]
    public void From_WellFormedParts_KeepsThem_CountryUpperCased()
    {
        var payer = ChannelPayers.From("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "ICBC_DEBIT", "cn", "Xt5EWLLDS7FJjR1c");

        Assert.Equal(new ChannelPayer("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "ICBC_DEBIT", "CN", "Xt5EWLLDS7FJjR1c"), payer);
    }

    [Fact]
    public void From_NothingWellFormed_IsNull()
    {
        Assert.Null(ChannelPayers.From(null, "", "China", "fp with spaces"));
    }

    [Theory]
    [InlineData("o<script>alert(1)</script>")]
    [InlineData("payer id")]
    [InlineData("openid\u0000")]
    [InlineData("оpenid")] // a Cyrillic 'о'
    [InlineData("4111111111111111")] // Visa's test card
    [InlineData("6226388000000095")] // a UnionPay card
    [InlineData("378282246310005")] // an Amex card
    public void From_HostileAccount_IsDropped_TheRestKept(string account)
    {
        var payer = ChannelPayers.From(account, "OTHERS", null, null);

        Assert.Equal(new ChannelPayer(null, "OTHERS", null, null), payer);
    }

    [Fact]
    public void From_AccountLongerThanAnyChannelsId_IsDropped()
    {
        Assert.Null(ChannelPayers.From(new string('a', ChannelPayers.MaxAccountLength + 1), null, null, null));
        Assert.Equal(new string('a', ChannelPayers.MaxAccountLength), ChannelPayers.From(new string('a', ChannelPayers.MaxAccountLength), null, null, null)!.Account);
    }

    [Theory]
    [InlineData("2088102146225135")]
    [InlineData("2088101122136242")]
    [InlineData("DE89370400440532013000")]
    public void From_AlipayUserIdsAndIbans_AreAccounts_EvenWhenLuhnValid(string account)
    {
        // 2088101122136242 passes Luhn's check; no card scheme issues under 20.
        Assert.Equal(account, ChannelPayers.From(account, null, null, null)!.Account);
    }

    [Theory]
    [InlineData("visa/4111111111111111")]
    [InlineData("1234567890128")]
    [InlineData("ICBC DEBIT")]
    [InlineData("CMC;DROP")]
    public void From_BankWithCardLengthDigitsOrForeignCharacters_IsDropped(string bank)
    {
        Assert.Null(ChannelPayers.From(null, bank, null, null));
    }

    [Theory]
    [InlineData("USA")]
    [InlineData("U")]
    [InlineData("1A")]
    [InlineData("ÜS")]
    public void From_CountryNotTwoAsciiLetters_IsDropped(string country)
    {
        Assert.Null(ChannelPayers.From(null, null, country, null));
    }

    [Theory]
    [InlineData("4242424242424242")]
    [InlineData("Xt5EWLLDS7FJjR1c-")]
    public void From_FingerprintThatIsACardNumberOrNotAlphanumeric_IsDropped(string fingerprint)
    {
        Assert.Null(ChannelPayers.From(null, null, null, fingerprint));
    }

    [Theory]
    [InlineData("Marie Dupont", "Marie Dupont")]
    [InlineData("  Иван Петров\t", "Иван Петров")]
    [InlineData("王芳", "王芳")]
    [InlineData("O'Brien-Smith 3rd", "O'Brien-Smith 3rd")]
    public void From_Name_IsKeptTrimmed_InAnyScript(string name, string expected)
    {
        Assert.Equal(new ChannelPayer(null, null, null, null) { Name = expected }, ChannelPayers.From(null, null, null, null, name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Marie\nDupont")]
    [InlineData("Marie\u0000Dupont")]
    [InlineData("Marie \u202EtnopuD")] // a right-to-left override, which would make a reviewer read another name
    [InlineData("4111111111111111")]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("Card 6226-3880-0000-0095")]
    public void From_NameThatIsBlankHasControlOrFormatCharactersOrHoldsACardNumber_IsDropped_TheRestKept(string name)
    {
        Assert.Equal(new ChannelPayer(null, null, "FR", null), ChannelPayers.From(null, null, "FR", null, name));
        Assert.Null(ChannelPayers.From(null, null, null, null, name));
    }

    [Fact]
    public void From_NameLongerThanIsoTwentyTwentyTwoCarries_IsDropped()
    {
        Assert.Null(ChannelPayers.From(null, null, null, null, new string('a', ChannelPayers.MaxNameLength + 1)));
        Assert.Equal(ChannelPayers.MaxNameLength, ChannelPayers.From(null, null, null, null, " " + new string('a', ChannelPayers.MaxNameLength) + " ")!.Name!.Length);
    }
}

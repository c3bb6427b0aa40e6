using PayFunctions.Domain.Screening;

namespace PayFunctions.Domain.Tests.Screening;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("  José   MÜLLER ", "jose muller")]
    [InlineData("O'Brien, Seán", "obrien sean")]
    [InlineData("AL-QAIDA IN THE ARABIAN PENINSULA", "al qaida in the arabian peninsula")]
    [InlineData("Mr. John Smith", "john smith")]
    [InlineData("Dr Jane Q. Public", "jane q public")]
    [InlineData("Sheikh Abdul", "sheikh abdul")]
    [InlineData("Straße Œuvre Łódź Ørsted", "strasse oeuvre lodz orsted")]
    [InlineData("Иванов Иван Юрьевич", "ivanov ivan iurevich")]
    [InlineData("Щукин Йорш Ёлкин", "shchukin iorsh elkin")]
    [InlineData("Lǐ Xiǎolóng", "li xiaolong")]
    [InlineData("ＡＢＣ　Ｔｒａｄｉｎｇ", "abc trading")]
    [InlineData("Vessel 123-A", "vessel 123 a")]
    [InlineData("李小龙", "李小龙")]
    [InlineData("!!! ...", "")]
    public void Normalises(string name, string expected) => Assert.Equal(expected, NameNormalizer.Normalize(name));

    [Fact]
    public void Zero_width_and_direction_marks_do_not_split_or_change_a_name() =>
        Assert.Equal("ivanov", NameNormalizer.Normalize("Iva\u200Bnov\u200F"));

    [Fact]
    public void Keeps_at_most_the_first_tokens()
    {
        var tokens = NameNormalizer.Tokens("a b c d e f g h i j k");
        Assert.Equal(NameNormalizer.MaxTokens, tokens.Count);
        Assert.Equal("a", tokens[0]);
        Assert.Equal("h", tokens[^1]);
    }

    [Fact]
    public void Refuses_a_name_longer_than_the_limit()
    {
        Assert.Throws<ArgumentException>(() => NameNormalizer.Tokens(new string('a', NameNormalizer.MaxLength + 1)));
        Assert.Single(NameNormalizer.Tokens(new string('a', NameNormalizer.MaxLength)));
    }
}

using System.Text;
using PayFunctions.Core.Fx;

namespace PayFunctions.Core.Tests.Fx;

public sealed class EcbRatesParserTests
{
    /// <summary>eurofxref-daily.xml of 2024-06-28 as the ECB published it, tabs and single quotes included.</summary>
    public const string Daily = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
        	<gesmes:subject>Reference rates</gesmes:subject>
        	<gesmes:Sender>
        		<gesmes:name>European Central Bank</gesmes:name>
        	</gesmes:Sender>
        	<Cube>
        		<Cube time='2024-06-28'>
        			<Cube currency='USD' rate='1.0705'/>
        			<Cube currency='JPY' rate='171.94'/>
        			<Cube currency='BGN' rate='1.9558'/>
        			<Cube currency='GBP' rate='0.84638'/>
        			<Cube currency='CNY' rate='7.774800'/>
        			<Cube currency='HKD' rate='8.3594'/>
        			<Cube currency='IDR' rate='17487.21'/>
        			<Cube currency='KRW' rate='1474.86'/>
        			<Cube currency='ZAR' rate='19.4970'/>
        		</Cube>
        	</Cube>
        </gesmes:Envelope>
        """;

    [Fact]
    public void The_daily_file_gives_the_day_and_the_supported_currencies_and_reports_the_rest()
    {
        var (parsed, error) = EcbRatesParser.Parse(Encoding.UTF8.GetBytes(Daily));

        Assert.Null(error);
        Assert.Equal(new DateOnly(2024, 6, 28), parsed!.Rates.Date);
        Assert.Equal(1.0705m, parsed.Rates.PerEuro["USD"]);
        Assert.Equal(17487.21m, parsed.Rates.PerEuro["IDR"]);
        Assert.Equal("7.7748", parsed.Rates.PerEuro["CNY"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["CNY", "GBP", "HKD", "IDR", "JPY", "KRW", "USD"], parsed.Rates.PerEuro.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["BGN", "ZAR"], parsed.Ignored);
    }

    [Fact]
    public void An_entity_expansion_bomb_is_refused_before_anything_expands()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube><Cube time="2024-06-28"><Cube currency="USD" rate="1.07"/></Cube></Cube><x>&lol3;</x></gesmes:Envelope>
            """;

        AssertRefused(bomb);
    }

    [Fact]
    public void An_external_entity_is_never_resolved()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "1.5");
        try
        {
            var xxe = $"""
                <?xml version="1.0"?>
                <!DOCTYPE e [<!ENTITY rate SYSTEM "file://{secret}">]>
                <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube><Cube time="2024-06-28"><Cube currency="USD" rate="&rate;"/></Cube></Cube></gesmes:Envelope>
                """;

            AssertRefused(xxe);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.0000")]
    [InlineData("-1.0705")]
    [InlineData("1,0705")]
    [InlineData("1.07e2")]
    [InlineData(" 1.0705")]
    [InlineData("NaN")]
    [InlineData("")]
    [InlineData("99999999")]
    [InlineData("1.23456789012")]
    public void A_rate_that_is_not_a_positive_decimal_in_range_is_refused(string rate) =>
        AssertRefused(Daily.Replace("rate='1.0705'", $"rate='{rate}'", StringComparison.Ordinal));

    [Theory]
    [InlineData("<Cube time='2024-06-28'>", "<Cube time='28.06.2024'>")]
    [InlineData("<Cube currency='JPY' rate='171.94'/>", "<Cube currency='USD' rate='171.94'/>")]
    [InlineData("<Cube currency='JPY' rate='171.94'/>", "<Cube currency='jpy' rate='171.94'/>")]
    [InlineData("</Cube>\n\t</Cube>", "</Cube><Cube time='2024-06-27'><Cube currency='USD' rate='1.07'/></Cube></Cube>")]
    [InlineData("xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\"", "xmlns:gesmes=\"http://example.com/other\"")]
    [InlineData("xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\"", "xmlns=\"http://example.com/other\"")]
    [InlineData("</gesmes:Envelope>", "")]
    public void A_file_not_in_the_ecb_format_is_refused(string part, string replacement)
    {
        var tampered = Daily.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(part, tampered, StringComparison.Ordinal);
        AssertRefused(tampered.Replace(part, replacement, StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_without_a_supported_currency_or_too_large_or_empty_is_refused()
    {
        AssertRefused(Daily.Replace("USD", "XAU", StringComparison.Ordinal).Replace("JPY", "XAG", StringComparison.Ordinal)
            .Replace("GBP", "XPT", StringComparison.Ordinal).Replace("CNY", "XPD", StringComparison.Ordinal).Replace("HKD", "XDR", StringComparison.Ordinal)
            .Replace("IDR", "XBA", StringComparison.Ordinal).Replace("KRW", "XBB", StringComparison.Ordinal));
        AssertRefused(Daily.Replace("<gesmes:subject>", "<gesmes:subject>" + new string('x', EcbRatesParser.MaxBytes), StringComparison.Ordinal));
        AssertRefused("");
        AssertRefused("not xml");
    }

    private static void AssertRefused(string xml)
    {
        var (parsed, error) = EcbRatesParser.Parse(Encoding.UTF8.GetBytes(xml));

        Assert.Null(parsed);
        Assert.Equal((400, "fx_rates_invalid"), (error!.Status, error.Code));
    }
}

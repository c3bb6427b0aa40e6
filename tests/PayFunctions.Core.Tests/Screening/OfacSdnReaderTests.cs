using PayFunctions.Core.Screening;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Tests.Screening;

public sealed class OfacSdnReaderTests
{
    private const string Head = """<?xml version="1.0"?><sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">""";

    private static List<SanctionsEntry> Read(string xml, long maxCharacters = ListLimits.MaxCharacters) =>
        [.. OfacSdnReader.Read(ListFiles.Bytes(xml), maxCharacters)];

    private static string Entry(string inner) => $"{Head}<sdnEntry>{inner}</sdnEntry></sdnList>";

    [Fact]
    public void Reads_the_sample_list()
    {
        var entries = Read(ListFiles.Sample("sdn.xml"));

        Assert.Equal(["900101", "900201", "900301", "900401"], entries.Select(e => e.Id));
        var testov = entries[0];
        Assert.Equal(SanctionsListSource.OfacSdn, testov.Source);
        Assert.Equal(SanctionedPartyType.Individual, testov.Type);
        Assert.Equal("Ivan Petrovich TESTOV", testov.PrimaryName);
        Assert.Equal(["SDGT", "RUSSIA-EO14024"], testov.Programmes);
        Assert.Equal([new SanctionsAlias("Iwan TESTOFF", NameQuality.Strong), new SanctionsAlias("VANYA THE TEST", NameQuality.Weak)], testov.Aliases);
        Assert.Null(testov.Reference);
        Assert.Equal((SanctionedPartyType.Entity, "EXAMPLE OCEAN SHIPPING LLC"), (entries[1].Type, entries[1].PrimaryName));
        Assert.Equal(new SanctionsAlias("EXAMPLE MARINE COMPANY", NameQuality.Strong), Assert.Single(entries[1].Aliases));
        Assert.Equal(SanctionedPartyType.Vessel, entries[2].Type);
        Assert.Empty(entries[3].Programmes);
        Assert.Equal("José MÜLLER-EJEMPLO", entries[3].PrimaryName);
    }

    [Fact]
    public void The_sample_list_screens()
    {
        var index = ScreeningIndex.Build(Read(ListFiles.Sample("sdn.xml")));

        Assert.Equal("900101", Assert.Single(index.Screen("Testov Ivan Petrovich").Hits).Entry.Id);
        Assert.Equal("900401", Assert.Single(index.Screen("Jose Muller Ejemplo").Hits).Entry.Id);
        Assert.Empty(index.Screen("John Smith").Hits);
    }

    [Fact]
    public void Reads_any_namespace_of_the_root_and_an_empty_list()
    {
        Assert.Single(Read("""<sdnList xmlns="http://tempuri.org/sdnList.xsd"><sdnEntry><uid>1</uid><lastName>A</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>"""));
        Assert.Empty(Read("<sdnList/>"));
    }

    [Fact]
    public void Yields_entries_as_it_reads_them()
    {
        var xml = Head + "<sdnEntry><uid>1</uid><lastName>A</lastName><sdnType>Entity</sdnType></sdnEntry><sdnEntry><uid>x</uid></sdnEntry></sdnList>";
        using var entries = OfacSdnReader.Read(ListFiles.Bytes(xml)).GetEnumerator();

        Assert.True(entries.MoveNext());
        Assert.Equal("1", entries.Current.Id);
        Assert.Throws<FormatException>(() => entries.MoveNext());
    }

    [Theory]
    [InlineData("not xml at all", "not well-formed")]
    [InlineData("<sdnList><sdnEntry><uid>1</uid>", "not well-formed")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE sdnList [<!ENTITY x "y">]><sdnList/>""", "not well-formed")]
    [InlineData("<sdnEntries/>", "root element must be sdnList")]
    [InlineData("<sdnList>loose text</sdnList>", "text where elements")]
    [InlineData("<sdnList><sdnEntry><lastName>A</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>", "uid must be")]
    [InlineData("<sdnList><sdnEntry><uid>-1</uid><lastName>A</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>", "uid must be")]
    [InlineData("<sdnList><sdnEntry><uid>0</uid><lastName>A</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>", "uid must be")]
    [InlineData("<sdnList><sdnEntry><uid>1</uid><uid>2</uid><lastName>A</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>", "uid is given twice")]
    [InlineData("<sdnList><sdnEntry><uid>1</uid><sdnType>Entity</sdnType></sdnEntry></sdnList>", "has no lastName")]
    [InlineData("<sdnList><sdnEntry><uid>1</uid><lastName>A</lastName><sdnType>Person</sdnType></sdnEntry></sdnList>", "sdnType")]
    [InlineData("<sdnList><sdnEntry><uid>1</uid><lastName>A<b/></lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>", "element where text")]
    [InlineData("<sdnList><sdnEntry><uid>1</uid><lastName>A</lastName><sdnType>Entity</sdnType><akaList><aka><category>strong</category></aka></akaList></sdnEntry></sdnList>", "aka has no lastName")]
    [InlineData("<sdnList><sdnEntry><uid>1</uid><lastName>A</lastName><sdnType>Entity</sdnType><akaList><aka><category>medium</category><lastName>B</lastName></aka></akaList></sdnEntry></sdnList>", "strong or weak")]
    public void Refuses_damage_with_a_format_exception_naming_the_line(string xml, string message)
    {
        var error = Assert.Throws<FormatException>(() => Read(xml));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_line_of_the_damage()
    {
        var xml = ListFiles.Sample("sdn.xml").Replace("<sdnType>Vessel</sdnType>", "<sdnType>Boat</sdnType>", StringComparison.Ordinal);
        var line = xml[..xml.LastIndexOf("<sdnEntry>", xml.IndexOf("Boat", StringComparison.Ordinal), StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        Assert.Contains($"line {line}:", Assert.Throws<FormatException>(() => Read(xml)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_name_longer_than_screening_reads() =>
        Assert.Throws<FormatException>(() => Read(Entry($"<uid>1</uid><lastName>{new string('A', NameNormalizer.MaxLength + 1)}</lastName><sdnType>Entity</sdnType>")));

    [Fact]
    public void Refuses_a_name_whose_parts_together_are_too_long() =>
        Assert.Throws<FormatException>(() => Read(Entry($"<uid>1</uid><firstName>{new string('A', 300)}</firstName><lastName>{new string('B', 300)}</lastName><sdnType>Individual</sdnType>")));

    [Fact]
    public void Refuses_nesting_deeper_than_the_lists_do()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 20)) + string.Concat(Enumerable.Repeat("</x>", 20));
        Assert.Contains("nest deeper", Assert.Throws<FormatException>(() => Read(Entry($"<uid>1</uid><lastName>A</lastName><sdnType>Entity</sdnType><remarks>{deep}</remarks>"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_file_larger_than_the_limit()
    {
        var xml = ListFiles.Sample("sdn.xml");
        Assert.Equal(4, Read(xml, xml.Length).Count);
        Assert.Throws<FormatException>(() => Read(xml, xml.Length / 2));
    }

    [Fact]
    public void Refuses_more_names_than_an_entry_may_have()
    {
        var aka = "<aka><lastName>B</lastName></aka>";
        string Aliases(int n) => Entry($"<uid>1</uid><lastName>A</lastName><sdnType>Entity</sdnType><akaList>{string.Concat(Enumerable.Repeat(aka, n))}</akaList>");

        Assert.Equal(ListLimits.MaxNamesPerEntry, Assert.Single(Read(Aliases(ListLimits.MaxNamesPerEntry))).Aliases.Count);
        Assert.Throws<FormatException>(() => Read(Aliases(ListLimits.MaxNamesPerEntry + 1)));
    }

    [Fact]
    public void Refuses_bytes_that_are_not_text()
    {
        var bytes = new MemoryStream([.. "<sdnList><sdnEntry><uid>1</uid><lastName>"u8, 0xFF, 0xFE, 0xC0, .. "</lastName></sdnEntry></sdnList>"u8]);
        Assert.Throws<FormatException>(() => OfacSdnReader.Read(bytes).ToList());
    }
}

using PayFunctions.Core.Screening;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Tests.Screening;

public sealed class UnConsolidatedListReaderTests
{
    private static List<SanctionsEntry> Read(string xml, long maxCharacters = ListLimits.MaxCharacters) =>
        [.. UnConsolidatedListReader.Read(ListFiles.Bytes(xml), maxCharacters)];

    private static string Individual(string inner) => $"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>{inner}</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";

    [Fact]
    public void Reads_the_sample_list()
    {
        var entries = Read(ListFiles.Sample("consolidated.xml"));

        Assert.Equal(2, entries.Count);
        var anna = entries[0];
        Assert.Equal((SanctionsListSource.UnConsolidated, "6990001", "KPi.901", SanctionedPartyType.Individual), (anna.Source, anna.Id, anna.Reference, anna.Type));
        Assert.Equal("ANNA SERGEEVNA PRIMEROVA", anna.PrimaryName);
        Assert.Equal(["DPRK"], anna.Programmes);
        Assert.Equal(
            [new SanctionsAlias("Анна Сергеевна Примерова", NameQuality.Strong), new SanctionsAlias("Anna Primerowa", NameQuality.Strong), new SanctionsAlias("Annushka", NameQuality.Weak)],
            anna.Aliases);
        var network = entries[1];
        Assert.Equal((SanctionedPartyType.Entity, "EXAMPLE TRADING NETWORK", "QDe.901"), (network.Type, network.PrimaryName, network.Reference));
        Assert.Equal(new SanctionsAlias("ETN Example Group", NameQuality.Strong), Assert.Single(network.Aliases));
    }

    [Fact]
    public void The_sample_list_screens_a_name_written_in_cyrillic()
    {
        var index = ScreeningIndex.Build(Read(ListFiles.Sample("consolidated.xml")));

        Assert.Equal("6990001", Assert.Single(index.Screen("Примерова Анна").Hits).Entry.Id);
        Assert.Equal("6990001", Assert.Single(index.Screen("Primerova Anna Sergeevna").Hits).Entry.Id);
        Assert.Empty(index.Screen("Anna Schmidt").Hits);
    }

    [Fact]
    public void Joins_up_to_four_name_parts()
    {
        var entry = Assert.Single(Read(Individual("<DATAID>7</DATAID><FIRST_NAME>A</FIRST_NAME><SECOND_NAME>B</SECOND_NAME><THIRD_NAME/><FOURTH_NAME>D</FOURTH_NAME>")));
        Assert.Equal("A B D", entry.PrimaryName);
        Assert.Empty(entry.Programmes);
        Assert.Null(entry.Reference);
    }

    [Fact]
    public void Yields_entries_as_it_reads_them()
    {
        var xml = "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL><INDIVIDUAL><DATAID>x</DATAID></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
        using var entries = UnConsolidatedListReader.Read(ListFiles.Bytes(xml)).GetEnumerator();

        Assert.True(entries.MoveNext());
        Assert.Throws<FormatException>(() => entries.MoveNext());
    }

    [Theory]
    [InlineData("{\"not\": \"xml\"}", "not well-formed")]
    [InlineData("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1", "not well-formed")]
    [InlineData("""<!DOCTYPE CONSOLIDATED_LIST SYSTEM "http://example.invalid/x.dtd"><CONSOLIDATED_LIST/>""", "not well-formed")]
    [InlineData("<CONSOLIDATED_LIST/><CONSOLIDATED_LIST/>", "not well-formed")]
    [InlineData("<sdnList/>", "root element must be CONSOLIDATED_LIST")]
    [InlineData("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>", "DATAID must be")]
    [InlineData("<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>12a</DATAID><FIRST_NAME>A</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>", "DATAID must be")]
    [InlineData("<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID></ENTITY></ENTITIES></CONSOLIDATED_LIST>", "has no name")]
    [InlineData("<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME><FIRST_NAME>B</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>", "FIRST_NAME is given twice")]
    [InlineData("<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME><ENTITY_ALIAS><ALIAS_NAME><X/></ALIAS_NAME></ENTITY_ALIAS></ENTITY></ENTITIES></CONSOLIDATED_LIST>", "element where text")]
    [InlineData("<CONSOLIDATED_LIST><INDIVIDUALS>text</INDIVIDUALS></CONSOLIDATED_LIST>", "text where elements")]
    public void Refuses_damage_with_a_format_exception_naming_the_line(string xml, string message)
    {
        var error = Assert.Throws<FormatException>(() => Read(xml));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_entity_expansion()
    {
        const string Bomb = """<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>&b;</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>""";
        Assert.Throws<FormatException>(() => Read(Bomb));
    }

    [Fact]
    public void Refuses_nesting_deeper_than_the_list_does()
    {
        var deep = string.Concat(Enumerable.Repeat("<VALUE>", 12)) + string.Concat(Enumerable.Repeat("</VALUE>", 12));
        Assert.Throws<FormatException>(() => Read(Individual($"<DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME><NATIONALITY>{deep}</NATIONALITY>")));
    }

    [Fact]
    public void Refuses_a_file_larger_than_the_limit()
    {
        var xml = ListFiles.Sample("consolidated.xml");
        Assert.Equal(2, Read(xml, xml.Length).Count);
        Assert.Throws<FormatException>(() => Read(xml, xml.Length - 100));
    }

    [Fact]
    public void Refuses_a_field_longer_than_its_limit() =>
        Assert.Throws<FormatException>(() => Read(Individual($"<DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME><UN_LIST_TYPE>{new string('x', ListLimits.MaxCodeLength + 1)}</UN_LIST_TYPE>")));
}

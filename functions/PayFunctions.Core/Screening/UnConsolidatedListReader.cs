using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Screening;

/// <summary>
/// Reads the UN Security Council's consolidated sanctions list as the UN publishes it (consolidated.xml):
/// <c>CONSOLIDATED_LIST</c> with <c>INDIVIDUALS/INDIVIDUAL</c> and <c>ENTITIES/ENTITY</c>, each with its
/// <c>DATAID</c>, the name in <c>FIRST_NAME</c> to <c>FOURTH_NAME</c> (an entity's whole name is its
/// <c>FIRST_NAME</c>), <c>UN_LIST_TYPE</c> (the sanctions regime, e.g. Al-Qaida, DPRK), <c>REFERENCE_NUMBER</c>
/// (QDi.001), <c>NAME_ORIGINAL_SCRIPT</c> (kept as a strong alias: a Cyrillic name is transliterated when screened)
/// and <c>INDIVIDUAL_ALIAS</c> / <c>ENTITY_ALIAS</c> with <c>QUALITY</c> (Good, Low; any other value is taken as strong, as a hit is better reviewed than missed) and <c>ALIAS_NAME</c>; an alias
/// whose name is empty, which the list has, is passed over. Entries are yielded one at a time as they are read; a
/// damaged, oversized or too deeply nested file is refused with a <see cref="FormatException"/> naming its line,
/// when the reading reaches it.
/// </summary>
public static class UnConsolidatedListReader
{
    private const string File = "consolidated.xml";

    public static IEnumerable<SanctionsEntry> Read(Stream stream, long maxCharacters = ListLimits.MaxCharacters) =>
        SanctionsListReader.Read(stream, File, "CONSOLIDATED_LIST", maxCharacters, Entries);

    /// <summary>Each <c>INDIVIDUAL</c> and <c>ENTITY</c> of their groups, as a step that reads it; everything else is passed over.</summary>
    private static IEnumerable<Func<SanctionsEntry>> Entries(ListXml xml, int? root)
    {
        while (xml.Guard(() => xml.Next(root)) is { } group)
        {
            var (member, type) = group switch
            {
                "INDIVIDUALS" => ("INDIVIDUAL", SanctionedPartyType.Individual),
                "ENTITIES" => ("ENTITY", SanctionedPartyType.Entity),
                _ => (null, SanctionedPartyType.Entity),
            };
            if (member is null)
            {
                xml.Guard(xml.Skip);
                continue;
            }

            var depth = xml.Guard(xml.Enter);
            while (xml.Guard(() => xml.Next(depth)) is { } child)
            {
                if (child != member)
                {
                    xml.Guard(xml.Skip);
                    continue;
                }

                yield return () => Entry(xml, type);
            }
        }
    }

    private static SanctionsEntry Entry(ListXml xml, SanctionedPartyType type)
    {
        var line = xml.Line;
        string? id = null, first = null, second = null, third = null, fourth = null, regime = null, reference = null;
        var aliases = new List<SanctionsAlias>();
        var depth = xml.Enter();
        while (xml.Next(depth) is { } field)
        {
            switch (field)
            {
                case "DATAID":
                    ListLimits.Once(xml, ref id, field, xml.Text(ListLimits.MaxCodeLength));
                    break;
                case "FIRST_NAME":
                    ListLimits.Once(xml, ref first, field, xml.Text(NameNormalizer.MaxLength));
                    break;
                case "SECOND_NAME":
                    ListLimits.Once(xml, ref second, field, xml.Text(NameNormalizer.MaxLength));
                    break;
                case "THIRD_NAME":
                    ListLimits.Once(xml, ref third, field, xml.Text(NameNormalizer.MaxLength));
                    break;
                case "FOURTH_NAME":
                    ListLimits.Once(xml, ref fourth, field, xml.Text(NameNormalizer.MaxLength));
                    break;
                case "UN_LIST_TYPE":
                    ListLimits.Once(xml, ref regime, field, xml.Text(ListLimits.MaxCodeLength));
                    break;
                case "REFERENCE_NUMBER":
                    ListLimits.Once(xml, ref reference, field, xml.Text(ListLimits.MaxCodeLength));
                    break;
                case "NAME_ORIGINAL_SCRIPT":
                    var original = xml.Text(NameNormalizer.MaxLength);
                    AddAlias(xml, aliases, original.Length > 0 ? new SanctionsAlias(original, NameQuality.Strong) : null);
                    break;
                case "INDIVIDUAL_ALIAS" or "ENTITY_ALIAS":
                    AddAlias(xml, aliases, Alias(xml));
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        var dataId = ListLimits.Id(xml, line, "DATAID", id);
        var name = ListLimits.Name(xml, line, "the name", first, second, third, fourth);
        if (name.Length == 0)
        {
            throw xml.Error($"entry {dataId} has no name", line);
        }

        return new SanctionsEntry(SanctionsListSource.UnConsolidated, dataId, string.IsNullOrEmpty(reference) ? null : reference, type, name,
            aliases, string.IsNullOrEmpty(regime) ? [] : [regime]);
    }

    private static void AddAlias(ListXml xml, List<SanctionsAlias> aliases, SanctionsAlias? alias)
    {
        if (alias is not null)
        {
            ListLimits.Add(xml, aliases, alias, ListLimits.MaxNamesPerEntry, "names");
        }
    }

    /// <summary>An alias, or null for the empty placeholder aliases the list has.</summary>
    private static SanctionsAlias? Alias(ListXml xml)
    {
        string? quality = null, name = null;
        var depth = xml.Enter();
        while (xml.Next(depth) is { } field)
        {
            switch (field)
            {
                case "QUALITY":
                    ListLimits.Once(xml, ref quality, field, xml.Text(ListLimits.MaxCodeLength));
                    break;
                case "ALIAS_NAME":
                    ListLimits.Once(xml, ref name, field, xml.Text(NameNormalizer.MaxLength));
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        return string.IsNullOrEmpty(name) ? null : new SanctionsAlias(name, string.Equals(quality, "Low", StringComparison.OrdinalIgnoreCase) ? NameQuality.Weak : NameQuality.Strong);
    }
}

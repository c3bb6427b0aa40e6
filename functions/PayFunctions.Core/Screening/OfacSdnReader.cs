using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Screening;

/// <summary>
/// Reads OFAC's Specially Designated Nationals list as OFAC publishes it (sdn.xml, from the Sanctions List Service;
/// the layout of OFAC's SDN data specification): <c>sdnList</c>, its <c>publshInformation</c> (sic) and one
/// <c>sdnEntry</c> per party with <c>uid</c>, <c>firstName</c>, <c>lastName</c>, <c>sdnType</c> (Individual, Entity,
/// Vessel, Aircraft), <c>programList/program</c> and <c>akaList/aka</c> (each with its <c>uid</c>, <c>type</c>,
/// <c>category</c> strong or weak, <c>lastName</c> and <c>firstName</c>). Elements are matched by local name, since
/// the root's namespace has changed between publications; addresses, dates of birth, ids and the rest are passed over.
/// Entries are yielded one at a time as they are read; a damaged, oversized or too deeply nested file is refused with
/// a <see cref="FormatException"/> naming its line, when the reading reaches it.
/// </summary>
public static class OfacSdnReader
{
    private const string File = "sdn.xml";

    public static IEnumerable<SanctionsEntry> Read(Stream stream, long maxCharacters = ListLimits.MaxCharacters) =>
        SanctionsListReader.Read(stream, File, "sdnList", maxCharacters, Entries);

    /// <summary>Each <c>sdnEntry</c> under the root, as a step that reads it; everything else at that level is passed over.</summary>
    private static IEnumerable<Func<SanctionsEntry>> Entries(ListXml xml, int? root)
    {
        while (xml.Guard(() => xml.Next(root)) is { } child)
        {
            if (child != "sdnEntry")
            {
                xml.Guard(xml.Skip);
                continue;
            }

            yield return () => Entry(xml);
        }
    }

    private static SanctionsEntry Entry(ListXml xml)
    {
        var line = xml.Line;
        string? uid = null, first = null, last = null, type = null;
        var aliases = new List<SanctionsAlias>();
        var programmes = new List<string>();
        var depth = xml.Enter();
        while (xml.Next(depth) is { } field)
        {
            switch (field)
            {
                case "uid":
                    ListLimits.Once(xml, ref uid, field, xml.Text(ListLimits.MaxCodeLength));
                    break;
                case "firstName":
                    ListLimits.Once(xml, ref first, field, xml.Text(NameNormalizer.MaxLength));
                    break;
                case "lastName":
                    ListLimits.Once(xml, ref last, field, xml.Text(NameNormalizer.MaxLength));
                    break;
                case "sdnType":
                    ListLimits.Once(xml, ref type, field, xml.Text(ListLimits.MaxCodeLength));
                    break;
                case "programList":
                    Programmes(xml, programmes);
                    break;
                case "akaList":
                    Aliases(xml, aliases);
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        var id = ListLimits.Id(xml, line, "sdnEntry uid", uid);
        var name = ListLimits.Name(xml, line, "sdnEntry name", first, last);
        if (string.IsNullOrEmpty(last))
        {
            throw xml.Error($"sdnEntry {id} has no lastName", line);
        }

        return new SanctionsEntry(SanctionsListSource.OfacSdn, id, null, PartyType(xml, line, id, type), name, aliases, programmes);
    }

    private static void Programmes(ListXml xml, List<string> programmes)
    {
        var depth = xml.Enter();
        while (xml.Next(depth) is { } child)
        {
            if (child != "program")
            {
                xml.Skip();
                continue;
            }

            var programme = xml.Text(ListLimits.MaxCodeLength);
            if (programme.Length > 0)
            {
                ListLimits.Add(xml, programmes, programme, ListLimits.MaxProgrammesPerEntry, "programmes");
            }
        }
    }

    private static void Aliases(ListXml xml, List<SanctionsAlias> aliases)
    {
        var depth = xml.Enter();
        while (xml.Next(depth) is { } child)
        {
            if (child != "aka")
            {
                xml.Skip();
                continue;
            }

            var line = xml.Line;
            string? first = null, last = null, category = null;
            var aka = xml.Enter();
            while (xml.Next(aka) is { } field)
            {
                switch (field)
                {
                    case "firstName":
                        ListLimits.Once(xml, ref first, field, xml.Text(NameNormalizer.MaxLength));
                        break;
                    case "lastName":
                        ListLimits.Once(xml, ref last, field, xml.Text(NameNormalizer.MaxLength));
                        break;
                    case "category":
                        ListLimits.Once(xml, ref category, field, xml.Text(ListLimits.MaxCodeLength));
                        break;
                    default:
                        xml.Skip();
                        break;
                }
            }

            if (string.IsNullOrEmpty(last))
            {
                throw xml.Error("an aka has no lastName", line);
            }

            var quality = category switch
            {
                null or "" or "strong" or "Strong" => NameQuality.Strong,
                "weak" or "Weak" => NameQuality.Weak,
                _ => throw xml.Error("an aka's category must be strong or weak", line),
            };
            ListLimits.Add(xml, aliases, new SanctionsAlias(ListLimits.Name(xml, line, "aka name", first, last), quality), ListLimits.MaxNamesPerEntry, "names");
        }
    }

    private static SanctionedPartyType PartyType(ListXml xml, int line, string id, string? type) => type switch
    {
        "Individual" => SanctionedPartyType.Individual,
        "Entity" => SanctionedPartyType.Entity,
        "Vessel" => SanctionedPartyType.Vessel,
        "Aircraft" => SanctionedPartyType.Aircraft,
        _ => throw xml.Error($"sdnEntry {id} has no sdnType of Individual, Entity, Vessel or Aircraft", line),
    };
}

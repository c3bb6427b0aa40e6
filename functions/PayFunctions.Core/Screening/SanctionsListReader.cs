using System.Globalization;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Screening;

/// <summary>
/// What both list readers share: the hardened XML reader, the root element and the bound on the number of entries; and
/// the reader for a list by its source, for the operator's upload and the screening index.
/// </summary>
public static class SanctionsListReader
{
    /// <summary>The entries of a list file in <paramref name="source"/>'s published format, read as <see cref="OfacSdnReader"/> and <see cref="UnConsolidatedListReader"/> do.</summary>
    /// <exception cref="FormatException">The file is damaged, oversized or nested too deeply; thrown when the enumeration reaches it.</exception>
    public static IEnumerable<SanctionsEntry> Read(SanctionsListSource source, Stream stream, long maxCharacters = ListLimits.MaxCharacters) => source switch
    {
        SanctionsListSource.OfacSdn => OfacSdnReader.Read(stream, maxCharacters),
        SanctionsListSource.UnConsolidated => UnConsolidatedListReader.Read(stream, maxCharacters),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a list the platform reads."),
    };

    /// <summary>
    /// Opens <paramref name="stream"/> as <paramref name="file"/>, enters its root element <paramref name="root"/> and
    /// yields what <paramref name="entries"/> reads inside it, refusing more than <see cref="ListLimits.MaxEntries"/>.
    /// </summary>
    internal static IEnumerable<SanctionsEntry> Read(
        Stream stream, string file, string root, long maxCharacters, Func<ListXml, int?, IEnumerable<Func<SanctionsEntry>>> entries)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var xml = new ListXml(stream, file, maxCharacters);
        var depth = xml.Guard(() => xml.Root(root));
        var count = 0;
        foreach (var entry in entries(xml, depth))
        {
            if (++count > ListLimits.MaxEntries)
            {
                throw xml.Error($"the list has more than {ListLimits.MaxEntries.ToString(CultureInfo.InvariantCulture)} entries");
            }

            yield return xml.Guard(entry);
        }
    }
}

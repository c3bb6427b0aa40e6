using PayFunctions.Core.Screening;
using PayFunctions.Domain.Screening;

namespace PayFunctions.FuzzTargets;

/// <summary>
/// The sanctions list files an operator uploads (OFAC's sdn.xml, the UN consolidated list): each is read to the end or
/// refused with the documented <see cref="FormatException"/>, whatever its bytes, and what was read is indexed and its
/// first name screened, so every name a reader lets through is one the screening can take. A file is read when it
/// lists a party.
/// </summary>
public static class ScreeningTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        List("sanctions_ofac_sdn", OfacSdnReader.Read),
        List("sanctions_un_consolidated", UnConsolidatedListReader.Read),
    ];

    private static FuzzTarget List(string name, Func<Stream, long, IEnumerable<SanctionsEntry>> read) => new(name, () => new FuzzCall(file =>
    {
        List<SanctionsEntry> entries;
        try
        {
            entries = [.. read(new MemoryStream(file), ListLimits.MaxCharacters)];
        }
        catch (FormatException)
        {
            return false;
        }

        var index = ScreeningIndex.Build(entries);
        if (entries.Count > 0)
        {
            index.Screen(entries[0].PrimaryName);
        }

        return entries.Count > 0;
    }));
}

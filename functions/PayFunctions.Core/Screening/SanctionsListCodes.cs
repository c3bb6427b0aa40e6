using System.Diagnostics.CodeAnalysis;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Screening;

/// <summary>
/// The names of the lists in the API, in blob names and in stored hits. A caller's <c>source</c> is looked up here
/// before it names anything, so only these two strings ever become a blob name.
/// </summary>
public static class SanctionsListCodes
{
    public const string OfacSdn = "ofac_sdn";
    public const string UnConsolidated = "un_consolidated";

    public static IReadOnlyList<SanctionsListSource> All { get; } = [SanctionsListSource.OfacSdn, SanctionsListSource.UnConsolidated];

    public static string Of(SanctionsListSource source) => source switch
    {
        SanctionsListSource.OfacSdn => OfacSdn,
        SanctionsListSource.UnConsolidated => UnConsolidated,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a list the platform reads."),
    };

    public static bool TryParse([NotNullWhen(true)] string? code, out SanctionsListSource source)
    {
        (var known, source) = code switch
        {
            OfacSdn => (true, SanctionsListSource.OfacSdn),
            UnConsolidated => (true, SanctionsListSource.UnConsolidated),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>The blob the list is stored as: <c>{code}.xml</c>.</summary>
    public static string BlobName(SanctionsListSource source) => Of(source) + ".xml";
}

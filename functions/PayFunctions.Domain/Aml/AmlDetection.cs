using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Domain.Aml;

/// <summary>What a detector found: the pattern, the party, the transactions and why.</summary>
/// <param name="Id">32 hex digits of SHA-256 over the pattern, party, day, standard and transactions: the same inputs always give the same id.</param>
/// <param name="Pattern">The pattern.</param>
/// <param name="Party">Whose transactions they are.</param>
/// <param name="Transactions">The payment (and, for rapid in-and-out, settlement) ids, sorted.</param>
/// <param name="Amount">The total that crossed the standard (credits for rapid in-and-out, the sum for the others).</param>
/// <param name="Reason">Why, in words an operator reads, with the figures.</param>
public sealed record AmlDetection(string Id, AmlPattern Pattern, AmlParty Party, IReadOnlyList<string> Transactions, Money Amount, string Reason)
{
    /// <summary>Builds a detection with its id; <paramref name="transactions"/> are sorted so that input order never changes it.</summary>
    public static AmlDetection Of(AmlPattern pattern, AmlParty party, DateOnly day, string standard, IEnumerable<string> transactions, Money amount, string reason)
    {
        ArgumentNullException.ThrowIfNull(party);
        var sorted = transactions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var key = string.Join(
            '\n',
            [AmlPatterns.Code(pattern), party.KindCode, party.Id, day.ToString("yyyyMMdd", CultureInfo.InvariantCulture), standard, .. sorted]);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16);
        return new AmlDetection(id, pattern, party, sorted, amount, reason);
    }

    /// <summary>Detections in a stable order: by pattern, party, then id.</summary>
    public static IReadOnlyList<AmlDetection> Sorted(IEnumerable<AmlDetection> detections) =>
        [.. detections.OrderBy(d => d.Pattern).ThenBy(d => d.Party.Kind).ThenBy(d => d.Party.Id, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal)];
}

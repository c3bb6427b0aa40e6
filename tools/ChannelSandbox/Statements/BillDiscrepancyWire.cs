using System.Globalization;

namespace ChannelSandbox.Statements;

/// <summary>What the statement control routes of every channel share: the kinds' names, the day's format and the bounds.</summary>
public static class BillDiscrepancyWire
{
    public const long MaxAmount = 10_000_000_000;
    public const long DefaultUnknownAmount = 100;

    public static IReadOnlyDictionary<string, BillDiscrepancyKind> Kinds { get; } = new Dictionary<string, BillDiscrepancyKind>(StringComparer.Ordinal)
    {
        ["unknown"] = BillDiscrepancyKind.Unknown,
        ["missing"] = BillDiscrepancyKind.Missing,
        ["amount"] = BillDiscrepancyKind.Amount,
        ["status"] = BillDiscrepancyKind.Status,
        ["fee"] = BillDiscrepancyKind.Fee,
        ["duplicate"] = BillDiscrepancyKind.Duplicate,
        ["date_shift"] = BillDiscrepancyKind.DateShift,
    };

    public static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}

using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PayFunctions.Core.Aml;

/// <summary>
/// Case ids say where their rows are: <c>amlc_{yyyyMMdd}_{32 hex}</c>, the day's partition and the row. A detection's case
/// takes the detection's id, so running a day again opens nothing twice; a case opened by hand takes a random one.
/// </summary>
public static class AmlIds
{
    public const string CasePrefix = "amlc_";
    private const string DayFormat = "yyyyMMdd";
    private const int HashLength = 32;
    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdef");

    public static string Case(DateOnly day, string hash) => $"{CasePrefix}{Format(day)}_{hash}";

    /// <summary>The partition of a day's rows: the days count down, so a scan of the table reads the newest day first.</summary>
    public static string DayPartition(DateOnly day) =>
        (99_999_999 - int.Parse(Format(day), CultureInfo.InvariantCulture)).ToString("D8", CultureInfo.InvariantCulture);

    public static DateOnly DayOfPartition(string partition) =>
        DateOnly.ParseExact((99_999_999 - int.Parse(partition, CultureInfo.InvariantCulture)).ToString("D8", CultureInfo.InvariantCulture), DayFormat, CultureInfo.InvariantCulture);

    public static bool TryParseCase(string? id, out DateOnly day, [NotNullWhen(true)] out string? hash)
    {
        day = default;
        hash = null;
        if (id is not { Length: 5 + 8 + 1 + HashLength } || !id.StartsWith(CasePrefix, StringComparison.Ordinal) || id[13] != '_'
            || !DateOnly.TryParseExact(id.AsSpan(5, 8), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            || id.AsSpan(14).ContainsAnyExcept(Hex))
        {
            return false;
        }

        hash = id[14..];
        return true;
    }

    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static string Format(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);
}

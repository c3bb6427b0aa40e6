using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PayFunctions.Core.Channels;

namespace PayFunctions.Core.Reconciliation;

/// <summary>
/// The ids of reconciliation runs and differences, which say where their rows are: a run is one channel account's
/// statement day (<c>recon_{yyyyMMdd}_{channel}_{account}</c>), a difference is the Domain's id of it within its day
/// (<c>rdif_{yyyyMMdd}_{32 hex}</c>). Rows are partitioned by day, newest day first.
/// </summary>
public static class ReconciliationIds
{
    public const string RunPrefix = "recon_";
    public const string DifferencePrefix = "rdif_";
    private const string DayFormat = "yyyyMMdd";
    private const int HashLength = 32;

    public static string Run(string channel, string account, DateOnly day) => $"{RunPrefix}{Format(day)}_{channel}_{account}";

    public static string Difference(DateOnly day, string hash) => $"{DifferencePrefix}{Format(day)}_{hash}";

    /// <summary>The partition of a day's rows: the days count down, so a scan of the table reads the newest day first.</summary>
    public static string DayPartition(DateOnly day) =>
        (99_999_999 - int.Parse(Format(day), CultureInfo.InvariantCulture)).ToString("D8", CultureInfo.InvariantCulture);

    public static string RunRow(string channel, string account) => channel + "_" + account;

    /// <summary>Splits a run id into a known channel and a valid account id of it, and its day.</summary>
    public static bool TryParseRun(string? id, out DateOnly day, [NotNullWhen(true)] out string? channel, [NotNullWhen(true)] out string? account)
    {
        (day, channel, account) = (default, null, null);
        if (id is null || !id.StartsWith(RunPrefix, StringComparison.Ordinal) || id.Length < RunPrefix.Length + DayFormat.Length + 4
            || !TryParseDay(id.AsSpan(RunPrefix.Length, DayFormat.Length), out day) || id[RunPrefix.Length + DayFormat.Length] != '_')
        {
            return false;
        }

        var rest = id[(RunPrefix.Length + DayFormat.Length + 1)..];
        foreach (var name in ChannelRegistry.ChannelNames)
        {
            // An account id has no underscore, so exactly one channel name can leave a valid account behind.
            if (rest.StartsWith(name + "_", StringComparison.Ordinal) && ChannelRegistry.IsValidAccountId(rest[(name.Length + 1)..]))
            {
                (channel, account) = (name, rest[(name.Length + 1)..]);
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits a difference id into its day and its hash within the day.</summary>
    public static bool TryParseDifference(string? id, out DateOnly day, [NotNullWhen(true)] out string? hash)
    {
        (day, hash) = (default, null);
        if (id is null || id.Length != DifferencePrefix.Length + DayFormat.Length + 1 + HashLength || !id.StartsWith(DifferencePrefix, StringComparison.Ordinal)
            || !TryParseDay(id.AsSpan(DifferencePrefix.Length, DayFormat.Length), out day) || id[DifferencePrefix.Length + DayFormat.Length] != '_')
        {
            return false;
        }

        var tail = id[^HashLength..];
        if (!tail.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            return false;
        }

        hash = tail;
        return true;
    }

    public static string Format(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static bool TryParseDay(ReadOnlySpan<char> text, out DateOnly day) =>
        DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && day.Year >= 2000;
}

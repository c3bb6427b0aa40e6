using System.Globalization;
using PayFunctions.Domain.Reports;

namespace PayFunctions.Core.Reports;

/// <summary>
/// How report counters are keyed. A partition is a scope and a local day (<c>mch_…|2026-11-30</c>), so a report is
/// one range query over its scope's days, and a completion's counters and marker are in one partition, written in
/// one transaction. The platform-wide scopes, one per mode, are split into <see cref="PlatformShards"/> partitions a
/// day by payment, so that completions of different merchants rarely contend for one row. Counter rows are
/// <c>method|{method}|CNY</c>; markers sort after them (<c>~payment|pay_…</c>) and a report reads below them.
/// </summary>
public static class ReportKeys
{
    public const int PlatformShards = 16;

    /// <summary>Sorts after every counter row.</summary>
    public const string MarkerPrefix = "~";

    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>The platform-wide scope of one mode: live and test money are never counted together.</summary>
    public static string Platform(bool testMode) => testMode ? "platform.test" : "platform.live";

    public static string Partition(string scope, DateOnly day) => scope + "|" + day.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>The partition of a platform-wide count: the shard is a stable hash of the payment id.</summary>
    public static string PlatformPartition(bool testMode, DateOnly day, string paymentId)
    {
        ArgumentNullException.ThrowIfNull(paymentId);
        var hash = 2166136261u;
        foreach (var c in paymentId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return Partition(Platform(testMode), day) + "|" + (hash % PlatformShards).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>The first and just-past-the-last partition key of a scope's days from <paramref name="from"/> to <paramref name="to"/>, shards included.</summary>
    public static (string From, string Before) Range(string scope, DateOnly from, DateOnly to) => (Partition(scope, from), Partition(scope, to) + "|~");

    /// <summary>The local day of a partition of <paramref name="scope"/>.</summary>
    /// <exception cref="FormatException">The key is not one of the scope's.</exception>
    public static DateOnly DayOf(string scope, string partitionKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        var text = partitionKey.AsSpan(scope.Length + 1, DayFormat.Length);
        return DateOnly.ParseExact(text, DayFormat, CultureInfo.InvariantCulture);
    }

    public static string Counter(ReportDimension dimension, string key, string currency) =>
        DimensionName(dimension) + "|" + Checked(key) + "|" + Checked(currency);

    public static string PaymentMarker(string paymentId) => MarkerPrefix + "payment|" + Checked(paymentId);

    public static string RefundMarker(string refundId) => MarkerPrefix + "refund|" + Checked(refundId);

    /// <summary>The cell a counter row holds.</summary>
    /// <exception cref="FormatException">The row key is not a counter's.</exception>
    public static (ReportDimension Dimension, string Key, string Currency) CellOf(string rowKey)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        var parts = rowKey.Split('|');
        var dimension = Enum.GetValues<ReportDimension>().Where(d => parts.Length == 3 && DimensionName(d) == parts[0]).Select(d => (ReportDimension?)d).FirstOrDefault();
        return dimension is { } d ? (d, parts[1], parts[2]) : throw new FormatException($"'{rowKey}' is not a report counter's key.");
    }

    private static string DimensionName(ReportDimension dimension) => dimension switch
    {
        ReportDimension.Method => "method",
        ReportDimension.Channel => "channel",
        ReportDimension.Hour => "hour",
        ReportDimension.Region => "region",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>
    /// Keys come from the platform's own catalogs and ids, never from a caller; still, a value that could break the
    /// key's layout or Azure Tables' rules is refused rather than stored.
    /// </summary>
    private static string Checked(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return value.Length <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            ? value
            : throw new ArgumentException($"'{value}' cannot be part of a report key.", nameof(value));
    }
}

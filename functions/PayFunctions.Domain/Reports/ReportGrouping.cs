namespace PayFunctions.Domain.Reports;

/// <summary>How a report's rows are keyed: the API's <c>group_by</c>.</summary>
public enum ReportGrouping
{
    /// <summary>By payment method.</summary>
    Method,

    /// <summary>By channel.</summary>
    Channel,

    /// <summary>By local hour of day.</summary>
    Hour,

    /// <summary>By local day of week.</summary>
    Weekday,

    /// <summary>By payer's region.</summary>
    Region,

    /// <summary>By local day.</summary>
    Day,
}

/// <summary>The <c>group_by</c> names and the weekday keys.</summary>
public static class ReportGroupings
{
    private static readonly string[] WeekdayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The API's name of a grouping.</summary>
    public static string Name(ReportGrouping grouping) => grouping switch
    {
        ReportGrouping.Method => "method",
        ReportGrouping.Channel => "channel",
        ReportGrouping.Hour => "hour",
        ReportGrouping.Weekday => "weekday",
        ReportGrouping.Region => "region",
        ReportGrouping.Day => "day",
        _ => throw new ArgumentOutOfRangeException(nameof(grouping)),
    };

    /// <summary>The grouping named <paramref name="name"/> exactly (lower case); false for anything else.</summary>
    public static bool TryParse(string? name, out ReportGrouping grouping)
    {
        foreach (var candidate in Enum.GetValues<ReportGrouping>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                grouping = candidate;
                return true;
            }
        }

        grouping = default;
        return false;
    }

    /// <summary>The weekday's key, "mon" to "sun".</summary>
    public static string WeekdayKey(DayOfWeek day) => WeekdayKeys[(int)day];

    /// <summary>Monday first, as ISO 8601 and the Chinese week count: the order weekday rows are listed in.</summary>
    public static int WeekdayOrder(string key) => (Array.IndexOf(WeekdayKeys, key) + 6) % 7;

    /// <summary>The hour's key, two digits.</summary>
    public static string HourKey(int hour) =>
        hour is >= 0 and < 24 ? hour.ToString("00", System.Globalization.CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(hour));
}

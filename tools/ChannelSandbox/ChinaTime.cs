using System.Globalization;

namespace ChannelSandbox;

/// <summary>
/// Beijing time, where the Chinese channels cut their days: WeChat Pay writes every time as RFC 3339 in it (e.g.
/// <c>2018-06-08T10:34:56+08:00</c>), and each channel's daily statement covers one of its days.
/// </summary>
public static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The day of Beijing time <paramref name="instant"/> falls on: the channels cut their statements at midnight there.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>Midnight of <paramref name="day"/> in Beijing time.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>A time as the trade bill writes it: Beijing time, <c>yyyy-MM-dd HH:mm:ss</c>, no offset.</summary>
    public static string BillFormat(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

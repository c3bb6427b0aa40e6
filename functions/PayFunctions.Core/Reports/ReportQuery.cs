using System.Globalization;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Domain.Reports;

namespace PayFunctions.Core.Reports;

/// <summary>
/// A report's query: <c>from</c> and <c>to</c> as local days, both included (the last 30 days to today by default, at
/// most <see cref="MaxDays"/>), <c>group_by</c> (<c>method</c> by default) and <c>format</c> (<c>json</c> or <c>csv</c>).
/// </summary>
public sealed record ReportQuery(DateOnly From, DateOnly To, ReportGrouping Grouping, bool Csv)
{
    public const int MaxDays = 366;
    public const int DefaultDays = 30;

    /// <summary>The query of <paramref name="request"/>, or the 400 problem naming the parameter that is wrong.</summary>
    public static (ReportQuery? Query, ApiError? Error) Parse(HttpRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (from, fromError) = Day(request, "from");
        var (to, toError) = Day(request, "to");
        if ((fromError ?? toError) is { } dayError)
        {
            return (null, dayError);
        }

        var last = to ?? (from is { } f && f.AddDays(DefaultDays - 1) < today ? f.AddDays(DefaultDays - 1) : today);
        var first = from ?? last.AddDays(1 - DefaultDays);
        if (first > last)
        {
            return (null, ApiError.InvalidRequest(from is null ? "to" : "from", "from must not be after to."));
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return (null, ApiError.InvalidRequest("to", $"A report covers at most {MaxDays} days."));
        }

        var groupBy = request.Query["group_by"].ToString();
        var grouping = ReportGrouping.Method;
        if (groupBy.Length > 0 && !ReportGroupings.TryParse(groupBy, out grouping))
        {
            return (null, ApiError.InvalidRequest("group_by", "group_by must be one of method, channel, hour, weekday, region, day."));
        }

        var format = request.Query["format"].ToString();
        return format is "" or "json" or "csv"
            ? (new ReportQuery(first, last, grouping, format == "csv"), null)
            : (null, ApiError.InvalidRequest("format", "format must be json or csv."));
    }

    private static (DateOnly? Day, ApiError? Error) Day(HttpRequest request, string name)
    {
        var values = request.Query[name];
        if (values.Count == 0)
        {
            return (null, null);
        }

        return values.Count == 1 && DateOnly.TryParseExact(values.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? (day, null)
            : (null, ApiError.InvalidRequest(name, $"{name} must be one day as YYYY-MM-DD."));
    }
}

using System.Globalization;

namespace PayFunctions.Domain.Reports;

/// <summary>
/// Sums stored day cells into a report's rows: one per key and currency, sorted by key then currency, with weekdays
/// from Monday to Sunday. Day and weekday rows are read off the method cells, under which each payment counts once.
/// </summary>
public static class ReportAggregator
{
    /// <exception cref="OverflowException">A sum exceeds 64 bits.</exception>
    public static IReadOnlyList<ReportRow> Rows(IEnumerable<(DateOnly Day, ReportCell Cell)> cells, ReportGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var source = SourceOf(grouping);
        var sums = new Dictionary<(string Key, string Currency), ReportCounters>();
        foreach (var (day, cell) in cells)
        {
            if (cell.Dimension != source)
            {
                continue;
            }

            var key = grouping switch
            {
                ReportGrouping.Day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ReportGrouping.Weekday => ReportGroupings.WeekdayKey(day.DayOfWeek),
                _ => cell.Key,
            };
            sums[(key, cell.Currency)] = sums.GetValueOrDefault((key, cell.Currency)).Add(cell.Counters);
        }

        var rows = sums.Select(s => new ReportRow(s.Key.Key, s.Key.Currency, s.Value));
        return grouping == ReportGrouping.Weekday
            ? [.. rows.OrderBy(r => ReportGroupings.WeekdayOrder(r.Key)).ThenBy(r => r.Currency, StringComparer.Ordinal)]
            : [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal)];
    }

    private static ReportDimension SourceOf(ReportGrouping grouping) => grouping switch
    {
        ReportGrouping.Channel => ReportDimension.Channel,
        ReportGrouping.Hour => ReportDimension.Hour,
        ReportGrouping.Region => ReportDimension.Region,
        _ => ReportDimension.Method,
    };
}

namespace PayFunctions.Domain.Reports;

/// <summary>Places an instant in the reporting time zone: the day it counts on and its hour there.</summary>
public sealed class ReportClock(TimeZoneInfo zone)
{
    /// <summary>The zone days, hours and weekdays are counted in.</summary>
    public TimeZoneInfo Zone { get; } = zone ?? throw new ArgumentNullException(nameof(zone));

    /// <summary>The local day and hour of <paramref name="at"/>.</summary>
    public (DateOnly Day, int Hour) Place(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        return (DateOnly.FromDateTime(local.DateTime), local.Hour);
    }

    /// <summary>The local day <paramref name="at"/> falls on.</summary>
    public DateOnly Today(DateTimeOffset at) => Place(at).Day;
}

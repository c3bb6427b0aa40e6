namespace PayFunctions.Core.Reconciliation;

/// <summary>Daily reconciliation against the channels' statements.</summary>
public sealed class ReconciliationOptions
{
    public const string SectionName = "Reconciliation";

    /// <summary>
    /// The zone of the statement days and of the platform's index of records by day. The channels whose statements the
    /// platform downloads today are domestic ones, which all cut their days at midnight in China Standard Time.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>How close to midnight a booking on the other side of it is a date-boundary shift rather than a missing record.</summary>
    public TimeSpan ShiftWindow { get; set; } = TimeSpan.FromMinutes(5);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public bool IsValid() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _)
        && ShiftWindow > TimeSpan.Zero && ShiftWindow <= Domain.Reconciliation.StatementDay.MaxShiftWindow;

    /// <summary>The calendar day of an instant in <see cref="TimeZone"/>.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The day whose statement should list a movement booked at <paramref name="bookedAt"/>, near one of <paramref name="day"/>'s midnights.</summary>
    public DateOnly NeighbourOf(DateTimeOffset bookedAt, DateOnly day) =>
        TimeZoneInfo.ConvertTime(bookedAt, Zone).Hour >= 12 ? day.AddDays(1) : day.AddDays(-1);
}

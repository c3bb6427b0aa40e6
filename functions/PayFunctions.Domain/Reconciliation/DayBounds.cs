namespace PayFunctions.Domain.Reconciliation;

/// <summary>Where a booking falls against the statement day.</summary>
internal enum BookingPosition
{
    /// <summary>Within the statement day, further than the shift window from either midnight.</summary>
    Inside,

    /// <summary>Within the statement day, less than the shift window after its start or before its end.</summary>
    InsideNearMidnight,

    /// <summary>On a neighbouring day, less than the shift window from the statement day's midnight.</summary>
    NeighbourNearMidnight,

    /// <summary>On another day, further than the shift window from the statement day.</summary>
    Outside,
}

/// <summary>The statement day's start and end as instants, computed once in the channel's time zone.</summary>
internal readonly struct DayBounds
{
    private readonly DateTimeOffset start;
    private readonly DateTimeOffset end;
    private readonly TimeSpan window;

    public DayBounds(StatementDay day)
    {
        start = Midnight(day.Day, day.TimeZone);
        end = Midnight(day.Day.AddDays(1), day.TimeZone);
        window = day.ShiftWindow;
    }

    public BookingPosition Position(DateTimeOffset bookedAt)
    {
        if (bookedAt >= start && bookedAt < end)
        {
            return bookedAt < start + window || bookedAt >= end - window ? BookingPosition.InsideNearMidnight : BookingPosition.Inside;
        }

        return bookedAt >= start - window && bookedAt < end + window ? BookingPosition.NeighbourNearMidnight : BookingPosition.Outside;
    }

    /// <summary>The instant the day starts in <paramref name="zone"/> (a midnight skipped by a clock change throws there).</summary>
    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
}

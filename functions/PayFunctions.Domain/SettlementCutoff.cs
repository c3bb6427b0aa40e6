namespace PayFunctions.Domain;

/// <summary>The instant that closes a T+1 settlement batch: everything posted strictly before it is settled on <paramref name="SettlementDate"/>.</summary>
/// <param name="SettlementDate">The business date the batch is paid out on.</param>
/// <param name="CutoffUtc">The start of that date in the platform's business time zone, in UTC.</param>
public sealed record SettlementCutoff(DateOnly SettlementDate, DateTimeOffset CutoffUtc)
{
    /// <summary>The cut-off for <paramref name="settlementDate"/>: the first instant of that date in <paramref name="zone"/>, e.g. China Standard Time.</summary>
    public static SettlementCutoff For(DateOnly settlementDate, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = settlementDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Where clocks jump forward over midnight, the day starts at the first local time that exists.
        for (var minutes = 0; minutes < 2 * 24 * 60 && zone.IsInvalidTime(local); minutes++)
        {
            local = local.AddMinutes(1);
        }

        // Where midnight happens twice, the day starts at the first of them, the one with the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new SettlementCutoff(settlementDate, new DateTimeOffset(local - offset, TimeSpan.Zero));
    }
}

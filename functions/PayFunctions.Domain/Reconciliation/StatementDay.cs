using PayFunctions.Domain.Routing;

namespace PayFunctions.Domain.Reconciliation;

/// <summary>What one reconciliation covers: one channel account's statement of one day.</summary>
/// <param name="Account">The channel account whose statement it is.</param>
/// <param name="Day">The statement day, in the channel's time zone.</param>
/// <param name="TimeZone">The channel's time zone, which decides where the day starts and ends (China Standard Time for the domestic channels).</param>
/// <param name="Currency">The statement's currency; every line and platform record must be in it.</param>
/// <param name="ShiftWindow">
/// How close to midnight a booking on the other side of it counts as a date-boundary shift rather than a missing
/// record (the two sides' clocks and booking delays differ by seconds to minutes). More than zero, at most 12 hours.
/// </param>
public sealed record StatementDay(ChannelAccountId Account, DateOnly Day, TimeZoneInfo TimeZone, Currency Currency, TimeSpan ShiftWindow)
{
    /// <summary>The largest <see cref="ShiftWindow"/>: beyond half a day, every booking would be near a midnight.</summary>
    public static readonly TimeSpan MaxShiftWindow = TimeSpan.FromHours(12);
}

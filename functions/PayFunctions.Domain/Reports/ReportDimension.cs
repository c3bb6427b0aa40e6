namespace PayFunctions.Domain.Reports;

/// <summary>
/// What a counter is kept by. Day and weekday are not kept: each payment counts once under <see cref="Method"/>, so a
/// day's method counters summed are the day, and the day names its weekday.
/// </summary>
public enum ReportDimension
{
    /// <summary>The payment method code, as the API names it.</summary>
    Method,

    /// <summary>The channel, as the channel catalog names it.</summary>
    Channel,

    /// <summary>The hour of day in the reporting time zone, "00" to "23".</summary>
    Hour,

    /// <summary>The payer's region (see <see cref="RegionCodes"/>).</summary>
    Region,
}

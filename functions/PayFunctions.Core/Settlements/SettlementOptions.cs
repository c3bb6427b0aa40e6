namespace PayFunctions.Core.Settlements;

/// <summary>T+1 settlement: the zone whose midnight is the cut-off (China Standard Time by default).</summary>
public sealed class SettlementOptions
{
    public const string SectionName = "Settlement";

    /// <summary>The daily run starts at 00:30 in the zone; a grace that long would push it to the day before.</summary>
    public static readonly TimeSpan MaxCutoffGrace = TimeSpan.FromMinutes(29);

    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// How long after a day's cut-off its batch may start. Captures are posted at the channel's payment time, so one
    /// paid at 23:59:59 may be written a little after midnight; waiting keeps it in its own day (a later one is
    /// paid by the next day's batch, never lost or paid twice).
    /// </summary>
    public TimeSpan CutoffGrace { get; set; } = TimeSpan.FromMinutes(10);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public bool IsValid() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _) && CutoffGrace >= TimeSpan.Zero && CutoffGrace <= MaxCutoffGrace;
}

namespace PayFunctions.Core.Reports;

/// <summary>Reports, under <c>Reports</c>: the zone whose days, hours and weekdays they count in (China Standard Time by default).</summary>
public sealed class ReportOptions
{
    public const string SectionName = "Reports";

    /// <summary>
    /// A completion is counted on its day and hour in this zone when it happens; changing it later places new
    /// completions by the new zone and leaves what was counted where it is.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public bool IsValid() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _);
}

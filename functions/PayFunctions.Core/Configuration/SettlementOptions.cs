namespace PayFunctions.Core.Configuration;

/// <summary>T+1 settlement: the zone whose midnight is the cut-off (China Standard Time by default).</summary>
public sealed class SettlementOptions
{
    public const string SectionName = "Settlement";

    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

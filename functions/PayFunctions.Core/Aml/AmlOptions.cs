using PayFunctions.Domain.Aml;

namespace PayFunctions.Core.Aml;

/// <summary>Anti-money-laundering monitoring: the zone of its days and the detectors' standards.</summary>
public sealed class AmlOptions
{
    public const string SectionName = "Aml";

    /// <summary>The zone of the report days: the PBoC's "当日" is a day in China Standard Time, as reconciliation's booking day is.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The standards and windows (<c>Aml:Rules:NaturalDomestic:Cny</c> and so on, amounts in minor units).</summary>
    public AmlRules Rules { get; set; } = new();

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public bool IsValid() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _) && Rules.IsValid();

    /// <summary>The calendar day of an instant in <see cref="TimeZone"/>.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The instant <paramref name="day"/> starts in <see cref="TimeZone"/>.</summary>
    public DateTimeOffset StartOf(DateOnly day) => new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone), TimeSpan.Zero);
}

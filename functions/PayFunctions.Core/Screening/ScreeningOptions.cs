using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Screening;

/// <summary>Section <c>Screening</c>: how often an instance looks for a new list, and the score a hit needs.</summary>
public sealed class ScreeningOptions
{
    public const string SectionName = "Screening";

    /// <summary>How long an instance screens with the lists it loaded before it compares their ETags again (default a minute).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The score at or above which a name is a hit.</summary>
    public double Threshold { get; set; } = ScreeningIndex.DefaultThreshold;

    public bool IsValid() =>
        RefreshInterval > TimeSpan.Zero && RefreshInterval <= TimeSpan.FromHours(1) && Threshold is >= 0.5 and <= 1;
}

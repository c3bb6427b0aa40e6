namespace PayFunctions.Domain.Routing;

/// <summary>
/// An account's recent successes and failures, each weighing less as it ages (exponential decay with
/// <see cref="HalfLife"/>), so the estimate follows the account's present and an account that stopped
/// getting traffic drifts back to the prior and is tried again. Constant size whatever the history.
/// </summary>
/// <param name="Successes">Decayed count of successes as of <paramref name="At"/>.</param>
/// <param name="Failures">Decayed count of failures as of <paramref name="At"/>.</param>
/// <param name="At">When the counts were last brought up to date.</param>
public readonly record struct SuccessEstimate(double Successes, double Failures, DateTimeOffset At)
{
    /// <summary>How long it takes an outcome to count half as much.</summary>
    public static readonly TimeSpan HalfLife = TimeSpan.FromMinutes(2);

    /// <summary>No outcome recorded: the estimate is the prior.</summary>
    public static SuccessEstimate Empty { get; } = new(0, 0, DateTimeOffset.MinValue);
}

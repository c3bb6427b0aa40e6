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

    /// <summary>
    /// Successes the prior is worth. Optimistic (9 in 10) so that an account whose failures have aged away is
    /// estimated as good again and gets traffic again, instead of being starved by a bad spell long past.
    /// </summary>
    public const double PriorSuccesses = 9;

    /// <summary>Failures the prior is worth.</summary>
    public const double PriorFailures = 1;

    /// <summary>No outcome recorded: the estimate is the prior.</summary>
    public static SuccessEstimate Empty { get; } = new(0, 0, DateTimeOffset.MinValue);

    /// <summary>
    /// This estimate with one more outcome. An outcome older than <see cref="At"/> (reported late) is aged to
    /// <see cref="At"/> before it is added, so the result does not depend on the order outcomes arrive in.
    /// </summary>
    public SuccessEstimate Record(bool success, DateTimeOffset at)
    {
        var now = at > At ? at : At;
        var kept = Decay(At, now);
        var added = Decay(at, now);
        return new SuccessEstimate(
            (Successes * kept) + (success ? added : 0),
            (Failures * kept) + (success ? 0 : added),
            now);
    }

    /// <summary>
    /// The posterior mean probability of success at <paramref name="now"/>:
    /// (s + <see cref="PriorSuccesses"/>) ÷ (s + f + <see cref="PriorSuccesses"/> + <see cref="PriorFailures"/>)
    /// with s and f the counts decayed to <paramref name="now"/>. With nothing recent it is the prior, 0.9.
    /// </summary>
    public double Mean(DateTimeOffset now)
    {
        var decay = Decay(At, now);
        var successes = Successes * decay;
        return (successes + PriorSuccesses) / (successes + (Failures * decay) + PriorSuccesses + PriorFailures);
    }

    /// <summary>How many outcomes the estimate rests on at <paramref name="now"/>, each weighed by its age.</summary>
    public double Samples(DateTimeOffset now) => (Successes + Failures) * Decay(At, now);

    /// <summary>Both estimates' outcomes together, as of the later of the two <see cref="At"/>s (e.g. two instances' views of one account).</summary>
    public SuccessEstimate Merge(SuccessEstimate other)
    {
        var now = other.At > At ? other.At : At;
        var mine = Decay(At, now);
        var theirs = Decay(other.At, now);
        return new SuccessEstimate(
            (Successes * mine) + (other.Successes * theirs),
            (Failures * mine) + (other.Failures * theirs),
            now);
    }

    /// <summary>What an outcome counted at <paramref name="from"/> still counts at <paramref name="to"/>; never more than 1.</summary>
    private static double Decay(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? 1 : Math.Pow(0.5, (to - from) / HalfLife);
}

namespace PayFunctions.Domain.Risk;

/// <summary>
/// The learned model's estimate that a payment is fraudulent, in [0, 1], with the features that moved it most from the
/// model's average, largest first (positive pushes towards fraud).
/// </summary>
public sealed record RiskScore(double Value, IReadOnlyList<RiskFactor> Factors);

/// <summary>One feature's contribution to a score, named as in <see cref="RiskFeatures.Names"/>.</summary>
public sealed record RiskFactor(string Feature, double Contribution);

/// <summary>Scores a payment's features. Implementations are thread-safe and do no I/O once loaded.</summary>
public interface IRiskScorer
{
    /// <summary>The score of one payment's features.</summary>
    RiskScore Score(RiskFeatures features);
}

using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Risk;

/// <summary>Decides on one payment at one stage, from the platform's and the merchant's rules, the learned score and the shared windows.</summary>
public interface IRiskAssessor
{
    /// <summary>
    /// At <see cref="RiskStage.BeforeChannel"/>: reads the history, scores, evaluates, records the payment in the windows
    /// (idempotently), returns the decision. At <see cref="RiskStage.OnResult"/>: reads the history (the payment itself
    /// already recorded, so not counted twice) and evaluates the rules for that stage.
    /// </summary>
    Task<RiskDecision> AssessAsync(RiskFacts facts, RiskStage stage, CancellationToken cancellationToken);
}

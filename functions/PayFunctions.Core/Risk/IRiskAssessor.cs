using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Risk;

/// <summary>Decides on a payment at one stage: the risk step of the payment orchestration calls it.</summary>
public interface IRiskAssessor
{
    /// At BeforeChannel: reads the history, scores, evaluates, records the payment in the windows (idempotently), returns the decision.
    /// At OnResult: reads the history (the payment itself already recorded; do not count it twice), evaluates the rules for that stage.
    Task<RiskDecision> AssessAsync(RiskFacts facts, RiskStage stage, CancellationToken cancellationToken);
}

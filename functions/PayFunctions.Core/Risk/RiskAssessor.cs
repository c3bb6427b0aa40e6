using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Risk;

/// <summary>
/// Reads the payment's windows and its merchant's rules together, scores, evaluates, and then records the payment,
/// whatever the decision: a blocked attempt is exactly what the next card tester's windows must count. At the result
/// the payment is already counted under the keys known before the channel, so recording adds it only under keys the
/// channel revealed (a card fingerprint, a payer account), which is how card windows fill at all; every key counts a
/// payment once, however often either stage runs.
/// </summary>
public sealed class RiskAssessor(RiskWindowStore windows, RiskRuleStore rules, IRiskScorer scorer, TimeProvider time) : IRiskAssessor
{
    public async Task<RiskDecision> AssessAsync(RiskFacts facts, RiskStage stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var reading = windows.ReadAsync(facts, cancellationToken);
        var ruleSet = await rules.RulesForAsync(facts.MerchantId, cancellationToken);
        var read = await reading;
        var features = RiskFeatures.From(facts, read.History);
        var score = scorer.Score(features);
        var decision = RiskEvaluator.Evaluate(facts, stage, read.History, features, score, ruleSet, time.GetUtcNow());
        await windows.RecordAsync(read, cancellationToken);
        return decision;
    }
}

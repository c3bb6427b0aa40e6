using PayFunctions.Domain.Risk;
using PayFunctions.RiskModel.Generation;
using PayFunctions.RiskModel.History;

namespace PayFunctions.RiskModel.Simulation;

/// <summary>
/// One generated stream decided three ways, payment by payment in time order, each with the history of the payments
/// before it (blocked ones included, as the windows count attempts): the platform's default rules without a score, the
/// learned score alone at the rules' thresholds, and both, as the platform decides before the channel.
/// </summary>
public static class RiskSimulation
{
    /// <summary>How each approach did against the stream's true patterns (not its noisy labels).</summary>
    public static IReadOnlyList<ApproachResult> Run(IReadOnlyList<GeneratedPayment> stream, IRiskScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(scorer);
        var recorder = new RiskHistoryRecorder();
        var tallies = new[] { new Tally("rules alone"), new Tally("score alone"), new Tally("rules and score") };
        foreach (var payment in stream)
        {
            var facts = payment.Facts;
            var history = recorder.Record(facts);
            var features = RiskFeatures.From(facts, history);
            var score = scorer.Score(features);
            tallies[0].Add(payment.Pattern, RiskEvaluator.Evaluate(facts, RiskStage.BeforeChannel, history, features, null, RiskDefaults.Rules, facts.At).Outcome);
            tallies[1].Add(payment.Pattern, ScoreAlone(score.Value));
            tallies[2].Add(payment.Pattern, RiskEvaluator.Evaluate(facts, RiskStage.BeforeChannel, history, features, score, RiskDefaults.Rules, facts.At).Outcome);
        }

        return [.. tallies.Select(t => t.Result())];
    }

    /// <summary>The score's own verdict at the default rules' thresholds.</summary>
    public static RiskOutcome ScoreAlone(double score) =>
        score >= RiskDefaults.BlockScore ? RiskOutcome.Block : score >= RiskDefaults.ReviewScore ? RiskOutcome.Review : RiskOutcome.Allow;

    private sealed class Tally(string name)
    {
        private readonly Dictionary<PaymentPattern, (int Payments, int Flagged, int Blocked)> byPattern = [];

        public void Add(PaymentPattern pattern, RiskOutcome outcome)
        {
            var (payments, flagged, blocked) = byPattern.GetValueOrDefault(pattern);
            byPattern[pattern] = (payments + 1, flagged + (outcome == RiskOutcome.Allow ? 0 : 1), blocked + (outcome == RiskOutcome.Block ? 1 : 0));
        }

        public ApproachResult Result()
        {
            var fraud = byPattern.Where(p => p.Key.IsFraud()).Select(p => p.Value).ToList();
            var legitimate = byPattern.Where(p => !p.Key.IsFraud()).Select(p => p.Value).ToList();
            return new ApproachResult(
                name,
                fraud.Sum(f => f.Payments),
                Rate(fraud.Sum(f => f.Flagged), fraud.Sum(f => f.Payments)),
                Rate(fraud.Sum(f => f.Blocked), fraud.Sum(f => f.Payments)),
                legitimate.Sum(l => l.Payments),
                Rate(legitimate.Sum(l => l.Flagged), legitimate.Sum(l => l.Payments)),
                Rate(legitimate.Sum(l => l.Blocked), legitimate.Sum(l => l.Payments)),
                [.. byPattern.OrderBy(p => p.Key).Select(p => new PatternResult(p.Key, p.Value.Payments, Rate(p.Value.Flagged, p.Value.Payments), Rate(p.Value.Blocked, p.Value.Payments)))]);
        }

        private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
    }
}

/// <summary>
/// One approach's result: of the fraudulent payments, the share it flagged (review or block) and blocked; of the
/// legitimate ones (legitimate bursts and travellers included), the same shares, which are its false positives.
/// </summary>
public sealed record ApproachResult(
    string Approach,
    int FraudPayments,
    double DetectionRate,
    double FraudBlockedRate,
    int LegitimatePayments,
    double FalsePositiveRate,
    double LegitimateBlockedRate,
    IReadOnlyList<PatternResult> ByPattern);

/// <summary>One pattern's payments and the share flagged and blocked.</summary>
public sealed record PatternResult(PaymentPattern Pattern, int Payments, double Flagged, double Blocked);

using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using PayFunctions.Domain;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Benchmarks;

/// <summary>
/// One risk evaluation in process, as the assessor makes it once the windows are read: the features from the facts and
/// history, a score, and the rules (the platform's defaults plus a merchant's twenty, among them lists of a thousand
/// values). The history is a busy payer's, so velocity rules have counts to compare. The scorer is a linear model
/// over the features with its three largest contributions, the shape of the learned one's answer.
/// </summary>
[MemoryDiagnoser]
public class RiskBenchmarks
{
    private readonly LinearScorer scorer = new();
    private IReadOnlyList<RiskRule> rules = null!;
    private RiskFacts quiet = null!;
    private RiskFacts probe = null!;
    private RiskHistory history = null!;

    [GlobalSetup]
    public void Setup()
    {
        var drafts = new List<RiskRuleDraft>();
        foreach (var key in new[] { "payer", "ip", "device", "merchant" })
        {
            drafts.Add(new("velocity", "review", Key: key, Window: "10m", MaxCount: 20));
            drafts.Add(new("velocity", "block", Key: key, Window: "24h", MaxCount: 500, MaxAmount: 10_000_000, Currency: "CNY"));
            drafts.Add(new("card_testing", "block", Key: key, MinCount: 4));
        }

        drafts.Add(new("amount_outlier", "review", MinZ: 3));
        drafts.Add(new("unusual_region", "review", MaxShare: 0.01));
        drafts.Add(new("ip_country_mismatch", "review"));
        drafts.Add(new("impossible_travel", "block", MinKmh: 2000));
        drafts.Add(new("list", "block", Field: "ip", Values: [.. Enumerable.Range(0, 1000).Select(i => (string?)$"198.51.{i / 256}.{i % 256}")]));
        drafts.Add(new("list", "allow", Field: "payer_id", Values: [.. Enumerable.Range(0, 1000).Select(i => (string?)$"vip-{i}")]));
        drafts.Add(new("list", "block", Field: "payer_country", Values: ["KP", "IR"]));
        drafts.Add(new("score", "review", MinScore: 0.7));
        rules = [.. RiskDefaults.Rules, .. drafts.Select((d, i) => RiskRuleValidator.Validate($"rule_{i:x24}", d).Rule!)];
        var at = new DateTimeOffset(2026, 11, 30, 2, 15, 0, TimeSpan.Zero);
        quiet = new RiskFacts("mch_bench", "pay_bench", new Money(12_800, Currency.Cny), "wechat_pay.native", at, "payer-8812", "203.0.113.7", "dev-1", null, "CN", "CN-GD");
        probe = quiet with { Amount = new Money(100, Currency.Cny), IpRegion = "US" };
        var counts = new WindowCounts(2, 6, 14, 40, 180_000, 520_000, 4);
        var amounts = Enumerable.Range(0, 500).Aggregate(AmountStats.None, (s, i) => s.With(5_000 + (i * 97 % 20_000)));
        history = new RiskHistory(counts, counts, counts, WindowCounts.None, counts, amounts, new RegionCounts(300, 1_000), new LastSeen("CN-GD", at.AddMinutes(-20)));
    }

    /// <summary>
    /// Times 200 000 single evaluations with a stopwatch each and prints the percentiles: BenchmarkDotNet's statistics
    /// are of iterations (many operations each), not of one operation, so the p99 of one evaluation is measured here.
    /// </summary>
    public void Describe()
    {
        Setup();
        foreach (var (what, evaluate) in new (string, Func<RiskDecision>)[] { ("no rule fires", Quiet), ("a small payment from abroad", Probe) })
        {
            for (var i = 0; i < 20_000; i++)
            {
                evaluate();
            }

            var samples = new double[200_000];
            for (var i = 0; i < samples.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                evaluate();
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }

            Array.Sort(samples);
            Console.WriteLine($"{what}: {evaluate().Rules.Count} hit(s), score {evaluate().Score!.Value:0.00}; p50 {samples[samples.Length / 2]:0.0} µs, p99 {samples[(int)(samples.Length * 0.99)]:0.0} µs, p99.9 {samples[(int)(samples.Length * 0.999)]:0.0} µs, max {samples[^1]:0.0} µs");
        }
    }

    [Benchmark(Description = "evaluate a payment no rule objects to")]
    public RiskDecision Quiet() => Evaluate(quiet);

    [Benchmark(Description = "evaluate a small payment from abroad (rules fire)")]
    public RiskDecision Probe() => Evaluate(probe);

    private RiskDecision Evaluate(RiskFacts facts)
    {
        var features = RiskFeatures.From(facts, history);
        return RiskEvaluator.Evaluate(facts, RiskStage.BeforeChannel, history, features, scorer.Score(features), rules, facts.At);
    }

    /// <summary>A logistic model with fixed weights, explaining itself by its three largest contributions.</summary>
    private sealed class LinearScorer : IRiskScorer
    {
        private static readonly float[] Weights = [.. Enumerable.Range(0, RiskFeatures.Names.Count).Select(i => ((i * 37 % 11) - 5) / 50f)];

        public RiskScore Score(RiskFeatures features)
        {
            var vector = features.ToVector();
            var (sum, first, second, third) = (-8.0, -1, -1, -1);
            for (var i = 0; i < vector.Length; i++)
            {
                var contribution = vector[i] * Weights[i];
                sum += contribution;
                if (first < 0 || Math.Abs(contribution) > Math.Abs(vector[first] * Weights[first]))
                {
                    (first, second, third) = (i, first, second);
                }
                else if (second < 0 || Math.Abs(contribution) > Math.Abs(vector[second] * Weights[second]))
                {
                    (second, third) = (i, second);
                }
                else if (third < 0 || Math.Abs(contribution) > Math.Abs(vector[third] * Weights[third]))
                {
                    third = i;
                }
            }

            RiskFactor Factor(int i) => new(RiskFeatures.Names[i], vector[i] * Weights[i]);
            return new RiskScore(1 / (1 + Math.Exp(-sum)), [Factor(first), Factor(second), Factor(third)]);
        }
    }
}

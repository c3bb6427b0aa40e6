using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using PayFunctions.Core.Risk.Model;
using PayFunctions.Domain;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Benchmarks;

/// <summary>
/// The learned score of one payment, from its facts and history as storage would return them: the features, then the
/// shipped model's score with its three factors. Two payments: a usual one and a card tester's twentieth probe.
/// BenchmarkDotNet gives the mean; <see cref="Describe"/> times single calls to give the tail.
/// </summary>
[MemoryDiagnoser]
public class RiskScoreBenchmarks
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 4, 0, 0, TimeSpan.Zero);

    private LearnedRiskScorer scorer = null!;

    private readonly RiskFacts usualFacts = new("mch_1", "pay_1", new Money(8_800, Currency.Cny), "alipay.qr", At, "payer_1", "10.0.0.1", "dev_1", null, "CN", "CN-GD");

    private readonly RiskHistory usualHistory = new(
        new WindowCounts(0, 0, 0, 1, 0, 6_500, 0), new WindowCounts(0, 0, 0, 1, 0, 6_500, 0), WindowCounts.None, WindowCounts.None,
        new WindowCounts(2, 9, 40, 700, 300_000, 5_000_000, 1), new AmountStats(5_000, 9.0, 2_000), new RegionCounts(2_800, 5_000),
        new LastSeen("CN-GD", At.AddHours(-20)));

    private readonly RiskFacts probeFacts = new("mch_1", "pay_2", new Money(200, Currency.Cny), "card", At, null, "10.0.0.2", "dev_2", "card_9", "CN", "RU");

    private readonly RiskHistory probeHistory = new(
        WindowCounts.None, new WindowCounts(3, 19, 19, 19, 4_000, 4_000, 19), new WindowCounts(3, 19, 19, 19, 4_000, 4_000, 19), WindowCounts.None,
        new WindowCounts(4, 25, 60, 700, 300_000, 5_000_000, 19), new AmountStats(5_000, 9.0, 2_000), new RegionCounts(20, 5_000), null);

    [GlobalSetup]
    public void Setup() => scorer = new LearnedRiskScorer();

    /// <summary>Loads the model, prints both scores, then times 200 000 single calls and prints their percentiles.</summary>
    public void Describe()
    {
        var loading = Stopwatch.StartNew();
        Setup();
        Console.WriteLine($"model loaded in {loading.Elapsed.TotalMilliseconds:F0} ms");
        foreach (var (what, score) in new[] { ("usual", Usual()), ("card-testing probe", Probe()) })
        {
            Console.WriteLine($"{what}: {score.Value:F4} ({string.Join(", ", score.Factors.Select(f => $"{f.Feature} {f.Contribution:+0.00;-0.00}"))})");
        }

        const int calls = 200_000;
        var ticks = new long[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            _ = i % 2 == 0 ? Usual() : Probe();
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(ticks);
        string Micro(double share) => $"{ticks[(int)(share * (calls - 1))] * 1e6 / Stopwatch.Frequency:F1} µs";
        Console.WriteLine($"{calls} single calls, features and score: p50 {Micro(0.5)}, p90 {Micro(0.9)}, p99 {Micro(0.99)}, p99.9 {Micro(0.999)}, max {Micro(1)}");
    }

    [Benchmark(Description = "features and score of a usual payment")]
    public RiskScore Usual() => scorer.Score(RiskFeatures.From(usualFacts, usualHistory));

    [Benchmark(Description = "features and score of a card-testing probe")]
    public RiskScore Probe() => scorer.Score(RiskFeatures.From(probeFacts, probeHistory));
}

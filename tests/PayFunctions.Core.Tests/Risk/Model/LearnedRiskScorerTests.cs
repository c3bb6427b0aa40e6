using PayFunctions.Core.Risk.Model;
using PayFunctions.Domain.Risk;
using PayFunctions.RiskModel.Generation;
using PayFunctions.RiskModel.History;

namespace PayFunctions.Core.Tests.Risk.Model;

public sealed class LearnedRiskScorerTests
{
    private static readonly Lazy<LearnedRiskScorer> Scorer = new(() => new LearnedRiskScorer());

    /// <summary>A fresh stream (a seed neither training nor its held-out stream used) and its features.</summary>
    private static readonly Lazy<(IReadOnlyList<GeneratedPayment> Stream, RiskFeatures[] Features)> Fresh = new(() =>
    {
        var stream = PaymentStreamGenerator.Generate(new GeneratorSettings { Payments = 5_000 }, 31);
        return (stream, StreamFeatures.Of(stream));
    });

    [Fact]
    public void The_shipped_model_scores_a_card_testing_burst_far_above_usual_payments()
    {
        var (stream, features) = Fresh.Value;

        // Probes after the fifth from one address: by then the burst is in the features.
        var probes = Scores(i => stream[i].Pattern == PaymentPattern.CardTesting && features[i].IpSmall10m >= 5);
        var usual = Scores(i => stream[i].Pattern == PaymentPattern.Legitimate);

        Assert.True(probes.Length >= 20, $"{probes.Length} probes");
        Assert.True(Percentile(probes, 0.1) > 0.5, $"a tenth of the probes score below {Percentile(probes, 0.1):F3}");
        Assert.True(Percentile(usual, 0.9) < 0.05, $"a tenth of the usual payments score above {Percentile(usual, 0.9):F3}");
    }

    [Fact]
    public void A_score_names_its_three_largest_factors_largest_first()
    {
        Assert.All(Fresh.Value.Features.Take(500).Select(Scorer.Value.Score), score =>
        {
            Assert.InRange(score.Value, 0, 1);
            Assert.Equal(LearnedRiskScorer.FactorCount, score.Factors.Count);
            Assert.All(score.Factors, f => Assert.Contains(f.Feature, RiskFeatures.Names));
            Assert.All(score.Factors, f => Assert.NotEqual(0, f.Contribution));
            Assert.Equal(score.Factors.Count, score.Factors.Select(f => f.Feature).Distinct().Count());
            Assert.Equal(score.Factors.OrderByDescending(f => Math.Abs(f.Contribution)).ToList(), score.Factors);
        });
    }

    [Fact]
    public void Scores_from_many_threads_at_once_agree_with_scores_one_at_a_time()
    {
        var features = Fresh.Value.Features;
        var scorer = new LearnedRiskScorer();
        var sequential = features.Select(scorer.Score).ToArray();

        var concurrent = new RiskScore[features.Length];
        Parallel.For(0, features.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, k =>
        {
            var i = (int)(k * 7_919L % features.Length);
            concurrent[i] = scorer.Score(features[i]);
        });

        for (var i = 0; i < features.Length; i++)
        {
            Assert.Equal(sequential[i].Value, concurrent[i].Value);
            Assert.Equal(sequential[i].Factors, concurrent[i].Factors);
        }
    }

    private static double[] Scores(Func<int, bool> which) =>
        Enumerable.Range(0, Fresh.Value.Stream.Count).Where(which).Select(i => Scorer.Value.Score(Fresh.Value.Features[i]).Value).ToArray();

    private static double Percentile(double[] values, double share) => values.Order().ElementAt((int)(share * (values.Length - 1)));
}

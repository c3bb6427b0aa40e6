using PayFunctions.Core.Risk.Model;
using PayFunctions.Domain.Aml;
using PayFunctions.RiskModel.Generation;
using PayFunctions.RiskModel.Simulation;

namespace PayFunctions.Core.Tests.Risk.Model;

/// <summary>The simulation documented in docs/architecture.md ("Risk and AML simulation"), on a smaller stream.</summary>
public sealed class SimulationTests
{
    private static readonly GeneratorSettings Settings = new() { Payments = 20_000 };

    private static readonly Lazy<IReadOnlyList<GeneratedPayment>> Stream = new(() => PaymentStreamGenerator.Generate(Settings, 41));

    [Fact]
    public void Every_injected_laundering_case_is_reported_and_no_near_miss_is()
    {
        var result = LaunderingDay.Run(Stream.Value, DateOnly.FromDateTime(Settings.Start.AddDays(3).DateTime), 41);

        Assert.True(result.BackgroundPayments > 500, $"{result.BackgroundPayments} payments of the stream on the day");
        Assert.All(result.ByPattern, p =>
        {
            // Structuring also crosses the standard by its sum, so each structurer is a large value too (Article 6).
            var expected = LaunderingDay.CasesPerKind * (p.Pattern == AmlPattern.LargeValue ? 2 : 1);
            Assert.Equal((p.Pattern, expected, expected, 0), (p.Pattern, p.Injected, p.Found, p.Unexplained));
        });
    }

    [Fact]
    public void Rules_and_score_together_catch_what_either_catches_alone_and_rarely_touch_a_legitimate_payment()
    {
        var results = RiskSimulation.Run(Stream.Value, new LearnedRiskScorer());

        var (rules, score, both) = (results[0], results[1], results[2]);
        Assert.True(both.DetectionRate >= Math.Max(rules.DetectionRate, score.DetectionRate), $"{both.DetectionRate} {rules.DetectionRate} {score.DetectionRate}");
        Assert.True(both.DetectionRate > 0.7, $"detected {both.DetectionRate:P1}");
        Assert.True(both.FalsePositiveRate < 0.01, $"flagged {both.FalsePositiveRate:P2} of legitimate payments");
        Assert.True(both.ByPattern.Single(p => p.Pattern == PaymentPattern.CardTesting).Blocked > 0.8);
    }
}

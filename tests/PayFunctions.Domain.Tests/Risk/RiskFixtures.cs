using PayFunctions.Domain.Risk;

namespace PayFunctions.Domain.Tests.Risk;

/// <summary>A payment, a history and rules made in one line each, for the evaluator's tests.</summary>
internal static class RiskFixtures
{
    public static readonly DateTimeOffset At = new(2026, 11, 30, 2, 15, 30, TimeSpan.Zero);

    public static RiskFacts Facts(
        long amount = 10_000,
        string? payer = "payer-000042",
        string? ip = "203.0.113.7",
        string? device = null,
        string? card = null,
        string? country = null,
        string? region = null,
        string currency = "CNY") =>
        new("mch_risk", "pay_1", new Money(amount, Currency.Parse(currency)), "wechat_pay.native", At, payer, ip, device, card, country, region);

    public static RiskHistory History(
        WindowCounts? payer = null,
        WindowCounts? ip = null,
        WindowCounts? card = null,
        WindowCounts? merchant = null,
        AmountStats? amounts = null,
        RegionCounts? regions = null,
        LastSeen? last = null) =>
        new(payer ?? WindowCounts.None, ip ?? WindowCounts.None, WindowCounts.None, card ?? WindowCounts.None, merchant ?? WindowCounts.None,
            amounts ?? AmountStats.None, regions ?? RegionCounts.None, last);

    public static RiskRule Rule(RiskRuleDraft draft, string id = "rule_test")
    {
        var (rule, error) = RiskRuleValidator.Validate(id, draft);
        Assert.True(rule is not null, error?.Param + ": " + error?.Message);
        return rule;
    }

    public static RiskDecision Decide(RiskFacts facts, RiskHistory history, RiskScore? score, params RiskRule[] rules) =>
        RiskEvaluator.Evaluate(facts, RiskStage.BeforeChannel, history, RiskFeatures.From(facts, history), score, rules, At);

    public static RiskDecision Decide(RiskFacts facts, RiskHistory history, params RiskRule[] rules) => Decide(facts, history, null, rules);

    /// <summary>Amount statistics of <paramref name="count"/> payments spread evenly around <paramref name="centre"/>.</summary>
    public static AmountStats Amounts(long centre, int count)
    {
        var stats = AmountStats.None;
        for (var i = 0; i < count; i++)
        {
            stats = stats.With(i % 2 == 0 ? centre / 2 : centre * 2);
        }

        return stats;
    }
}

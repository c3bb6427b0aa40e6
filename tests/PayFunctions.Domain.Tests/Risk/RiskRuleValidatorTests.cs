using PayFunctions.Domain.Risk;

namespace PayFunctions.Domain.Tests.Risk;

public sealed class RiskRuleValidatorTests
{
    public static TheoryData<RiskRuleDraft, string> Faults() => new()
    {
        { new(null, "block"), "kind" },
        { new("lottery", "block"), "kind" },
        { new("score", null, MinScore: 0.5), "action" },
        { new("score", "deny", MinScore: 0.5), "action" },
        { new("score", "allow", MinScore: 0.5), "action" },
        { new("score", "block", ["before_channel", "later"], MinScore: 0.5), "stages[1]" },
        { new("score", "block", [], MinScore: 0.5), "stages" },
        { new("score", "block", Description: new string('x', 201), MinScore: 0.5), "description" },
        { new("score", "block", Description: "tab\there", MinScore: 0.5), "description" },
        { new("score", "block"), "min_score" },
        { new("score", "block", MinScore: 0), "min_score" },
        { new("score", "block", MinScore: 1.01), "min_score" },
        { new("score", "block", MinScore: double.NaN), "min_score" },
        { new("score", "block", MinScore: 0.5, Key: "ip"), "key" },
        { new("velocity", "block", Window: "10m", MaxCount: 5), "key" },
        { new("velocity", "block", Key: "ip", MaxCount: 5), "window" },
        { new("velocity", "block", Key: "ip", Window: "2h", MaxCount: 5), "window" },
        { new("velocity", "block", Key: "ip", Window: "1h"), "max_count" },
        { new("velocity", "block", Key: "ip", Window: "1h", MaxCount: 0), "max_count" },
        { new("velocity", "block", Key: "ip", Window: "10m", MaxAmount: 100, Currency: "CNY"), "max_amount" },
        { new("velocity", "block", Key: "ip", Window: "1h", MaxAmount: 100), "currency" },
        { new("velocity", "block", Key: "ip", Window: "1h", MaxAmount: 100, Currency: "XXX"), "currency" },
        { new("velocity", "block", Key: "ip", Window: "1h", MaxCount: 3, Currency: "CNY"), "currency" },
        { new("velocity", "block", Key: "ip", Window: "1h", MaxAmount: RiskRuleValidator.MaxAmount + 1, Currency: "CNY"), "max_amount" },
        { new("velocity", "block", Key: "browser", Window: "1h", MaxCount: 3), "key" },
        { new("card_testing", "block", Key: "ip", MinCount: 1), "min_count" },
        { new("card_testing", "block", Key: "ip", MinCount: 5, Window: "10m"), "window" },
        { new("amount_outlier", "review", MinZ: -1), "min_z" },
        { new("unusual_region", "review", MaxShare: 1.5), "max_share" },
        { new("impossible_travel", "review", MinKmh: 0), "min_kmh" },
        { new("ip_country_mismatch", "review", MinScore: 0.5), "min_score" },
        { new("list", "block", Values: ["x"]), "field" },
        { new("list", "block", Field: "email", Values: ["x"]), "field" },
        { new("list", "block", Field: "ip"), "values" },
        { new("list", "block", Field: "ip", Values: []), "values" },
        { new("list", "block", Field: "ip", Values: ["203.0.113.1", "999.0.0.1"]), "values[1]" },
        { new("list", "block", Field: "payer_country", Values: ["ZZ"]), "values[0]" },
        { new("list", "block", Field: "ip_region", Values: ["CN-XX"]), "values[0]" },
        { new("list", "block", Field: "payer_id", Values: [new string('a', 129)]), "values[0]" },
        { new("list", "block", Field: "payer_id", Values: [null]), "values[0]" },
        { new("list", "block", Field: "payer_id", Values: [.. Enumerable.Range(0, 1001).Select(i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture))]), "values" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void A_fault_names_its_field(RiskRuleDraft draft, string param)
    {
        var (rule, error) = RiskRuleValidator.Validate("rule_x", draft);

        Assert.Null(rule);
        Assert.Equal(param, error!.Param);
    }

    public static TheoryData<RiskRuleDraft> Valid() => new()
    {
        new("velocity", "block", Key: "ip", Window: "10m", MaxCount: 5),
        new("velocity", "review", ["on_result"], "Big spenders", Key: "payer", Window: "24h", MaxCount: 20, MaxAmount: 1_000_000, Currency: "CNY"),
        new("card_testing", "block", Key: "card", MinCount: 3),
        new("amount_outlier", "review", MinZ: 4),
        new("unusual_region", "review", MaxShare: 0.01),
        new("ip_country_mismatch", "review"),
        new("impossible_travel", "review", MinKmh: 1000),
        new("list", "allow", Field: "payer_id", Values: ["vip-1"]),
        new("score", "block", MinScore: 0.9),
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_rule_round_trips_through_its_draft(RiskRuleDraft draft)
    {
        var rule = RiskFixtures.Rule(draft);

        var again = RiskFixtures.Rule(RiskRuleNames.DraftOf(rule));

        Assert.Equal(rule with { Values = null }, again with { Values = null });
        Assert.Equal(rule.Values?.Order(StringComparer.Ordinal), again.Values?.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Stages_default_to_both()
    {
        var rule = RiskFixtures.Rule(new("ip_country_mismatch", "review"));

        Assert.True(rule.AppliesAt(RiskStage.BeforeChannel));
        Assert.True(rule.AppliesAt(RiskStage.OnResult));
    }

    [Fact]
    public void Every_default_rule_is_one_a_draft_could_make()
    {
        foreach (var rule in RiskDefaults.Rules)
        {
            Assert.StartsWith("rule_default_", rule.Id, StringComparison.Ordinal);
            Assert.Equal(rule, RiskFixtures.Rule(RiskRuleNames.DraftOf(rule), rule.Id));
        }
    }
}

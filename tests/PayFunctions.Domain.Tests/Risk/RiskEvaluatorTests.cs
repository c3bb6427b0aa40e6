using System.Collections.Frozen;
using PayFunctions.Domain.Risk;
using static PayFunctions.Domain.Tests.Risk.RiskFixtures;

namespace PayFunctions.Domain.Tests.Risk;

public sealed class RiskEvaluatorTests
{
    private static readonly RiskRule IpVelocity = Rule(new("velocity", "block", Key: "ip", Window: "10m", MaxCount: 5));

    [Theory]
    [InlineData(4, RiskOutcome.Allow)]
    [InlineData(5, RiskOutcome.Block)]
    public void Velocity_counts_this_payment_with_the_earlier_ones(int earlier, RiskOutcome outcome)
    {
        var history = History(ip: WindowCounts.None with { Count10m = earlier });

        Assert.Equal(outcome, Decide(Facts(), history, IpVelocity).Outcome);
    }

    [Theory]
    [InlineData("1m", 3, 0, 0, 0, RiskOutcome.Review)]
    [InlineData("10m", 0, 3, 0, 0, RiskOutcome.Review)]
    [InlineData("1h", 0, 0, 3, 0, RiskOutcome.Review)]
    [InlineData("24h", 0, 0, 0, 3, RiskOutcome.Review)]
    [InlineData("24h", 3, 3, 3, 2, RiskOutcome.Allow)]
    public void Velocity_reads_its_own_window(string window, int m1, int m10, int h1, int h24, RiskOutcome outcome)
    {
        var rule = Rule(new("velocity", "review", Key: "payer", Window: window, MaxCount: 3));
        var history = History(payer: new WindowCounts(m1, m10, h1, h24, 0, 0, 0));

        Assert.Equal(outcome, Decide(Facts(), history, rule).Outcome);
    }

    [Theory]
    [InlineData(40_000, RiskOutcome.Allow)]
    [InlineData(40_001, RiskOutcome.Block)]
    public void A_velocity_sum_includes_this_payment(long earlier, RiskOutcome outcome)
    {
        var rule = Rule(new("velocity", "block", Key: "payer", Window: "24h", MaxAmount: 50_000, Currency: "CNY"));
        var history = History(payer: WindowCounts.None with { Sum24h = earlier });

        var decision = Decide(Facts(amount: 10_000), history, rule);

        Assert.Equal(outcome, decision.Outcome);
        if (outcome == RiskOutcome.Block)
        {
            Assert.Equal("500.01 CNY from payer …0042 in 24 hours (limit 500.00 CNY)", Assert.Single(decision.Rules).Reason);
        }
    }

    [Fact]
    public void A_velocity_sum_of_another_currency_does_not_fire()
    {
        var rule = Rule(new("velocity", "block", Key: "payer", Window: "24h", MaxAmount: 1, Currency: "USD"));

        Assert.Empty(Decide(Facts(), History(payer: WindowCounts.None with { Sum24h = 1_000_000 }), rule).Rules);
    }

    [Fact]
    public void A_rule_about_a_key_the_payment_lacks_does_not_fire()
    {
        var rule = Rule(new("velocity", "block", Key: "card", Window: "1m", MaxCount: 1));

        Assert.Empty(Decide(Facts(card: null), History(card: WindowCounts.None with { Count1m = 50 }), rule).Rules);
    }

    [Theory]
    [InlineData(3, 500, RiskOutcome.Allow)]
    [InlineData(4, 500, RiskOutcome.Block)]
    [InlineData(4, 501, RiskOutcome.Allow)]
    public void Card_testing_counts_small_payments_including_this_small_one(int earlierSmall, long amount, RiskOutcome outcome)
    {
        var rule = Rule(new("card_testing", "block", Key: "ip", MinCount: 5));

        var decision = Decide(Facts(amount: amount), History(ip: WindowCounts.None with { Small10m = earlierSmall }), rule);

        Assert.Equal(outcome, decision.Outcome);
        if (outcome == RiskOutcome.Block)
        {
            Assert.Equal("5 payments of at most 5.00 CNY from IP 203.0.113.* in 10 minutes (limit 5)", Assert.Single(decision.Rules).Reason);
        }
    }

    [Theory]
    [InlineData(2_000, false)]
    [InlineData(1_000_000, true)]
    public void Amount_outlier_compares_the_z_score_with_its_limit(long amount, bool fires)
    {
        var rule = Rule(new("amount_outlier", "review", MinZ: 3));
        var history = History(amounts: Amounts(2_000, 100));
        var z = RiskFeatures.From(Facts(amount: amount), history).AmountZ;

        var decision = Decide(Facts(amount: amount), history, rule);

        Assert.Equal(fires, decision.Outcome == RiskOutcome.Review);
        Assert.Equal(fires, Math.Abs(z) >= 3);
    }

    [Fact]
    public void Amount_outlier_fires_exactly_at_its_limit()
    {
        var history = History(amounts: Amounts(2_000, 100));
        var z = Math.Abs(RiskFeatures.From(Facts(amount: 100_000), history).AmountZ);

        Assert.NotEmpty(Decide(Facts(amount: 100_000), history, Rule(new("amount_outlier", "review", MinZ: z))).Rules);
        Assert.Empty(Decide(Facts(amount: 100_000), history, Rule(new("amount_outlier", "review", MinZ: z + 0.01))).Rules);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(3, true)]
    public void Unusual_region_fires_below_the_share(long fromRegion, bool fires)
    {
        var rule = Rule(new("unusual_region", "review", MaxShare: 0.04));
        var history = History(regions: new RegionCounts(fromRegion, 100));

        var decision = Decide(Facts(region: "CN-XZ"), history, rule);

        Assert.Equal(fires, decision.Rules.Count == 1);
        if (fires)
        {
            Assert.Equal("3% of the merchant's located payments come from CN-XZ (limit 4%)", decision.Rules[0].Reason);
        }
    }

    [Fact]
    public void Unusual_region_needs_the_merchants_history()
    {
        var rule = Rule(new("unusual_region", "review", MaxShare: 0.5));

        Assert.Empty(Decide(Facts(region: "CN-XZ"), History(regions: new RegionCounts(0, RiskFeatures.RegionHistoryMinimum - 1)), rule).Rules);
    }

    [Theory]
    [InlineData("US", "CN", true)]
    [InlineData("CN-GD", "CN", false)]
    [InlineData("CN-HK", "HK", false)]
    [InlineData("US", null, false)]
    public void Ip_country_mismatch_compares_the_ip_country_with_the_payers(string region, string? country, bool fires)
    {
        var rule = Rule(new("ip_country_mismatch", "review"));

        var decision = Decide(Facts(region: region, country: country), History(), rule);

        Assert.Equal(fires, decision.Rules.Count == 1);
        if (fires)
        {
            Assert.Equal("The IP address is located in US, the payer's country is CN", decision.Rules[0].Reason);
        }
    }

    [Fact]
    public void Impossible_travel_fires_at_its_speed()
    {
        var km = RegionCentroids.DistanceKm("CN-BJ", "US")!.Value;
        var last = new LastSeen("CN-BJ", At.AddHours(-2));
        var kmh = km / 2;

        Assert.NotEmpty(Decide(Facts(region: "US"), History(last: last), Rule(new("impossible_travel", "review", MinKmh: kmh - 1))).Rules);
        Assert.Empty(Decide(Facts(region: "US"), History(last: last), Rule(new("impossible_travel", "review", MinKmh: kmh + 1))).Rules);
        Assert.StartsWith("The payer's IP moved from CN-BJ to US at ", Decide(Facts(region: "US"), History(last: last), Rule(new("impossible_travel", "review", MinKmh: 100))).Rules[0].Reason);
    }

    [Theory]
    [InlineData("ip", "203.0.113.7", "IP 203.0.113.* is on a block list")]
    [InlineData("ip", "::ffff:203.0.113.7", "IP 203.0.113.* is on a block list")]
    [InlineData("payer_id", "payer-000042", "payer …0042 is on a block list")]
    [InlineData("payer_country", "cn", "payer country CN is on a block list")]
    [InlineData("ip_region", "cn-gd", "IP region CN-GD is on a block list")]
    public void A_list_matches_normalised_facts_and_masks_them(string field, string value, string reason)
    {
        var rule = Rule(new("list", "block", Field: field, Values: [value]));

        var decision = Decide(Facts(country: "CN", region: "CN-GD"), History(), rule);

        Assert.Equal(reason, Assert.Single(decision.Rules).Reason);
    }

    [Fact]
    public void A_list_without_the_fact_does_not_fire()
    {
        var rule = Rule(new("list", "block", Field: "device_id", Values: ["dev-1"]));

        Assert.Empty(Decide(Facts(device: "dev-2"), History(), rule).Rules);
        Assert.Empty(Decide(Facts(device: null), History(), rule).Rules);
    }

    [Theory]
    [InlineData(0.59, RiskOutcome.Allow)]
    [InlineData(0.6, RiskOutcome.Review)]
    [InlineData(0.9, RiskOutcome.Block)]
    public void The_default_score_rules_review_then_block(double value, RiskOutcome outcome)
    {
        var score = new RiskScore(value, [new RiskFactor("ip_small_10m", 0.41), new RiskFactor("amount_z", -0.125)]);

        var decision = RiskEvaluator.Evaluate(Facts(), RiskStage.BeforeChannel, History(), RiskFeatures.From(Facts(), History()), score, RiskDefaults.Rules, At);

        Assert.Equal(outcome, decision.Outcome);
        Assert.Same(score, decision.Score);
        if (outcome == RiskOutcome.Block)
        {
            Assert.Equal("Risk score 0.9 (limit 0.9); main factors: ip_small_10m +0.41, amount_z -0.13", decision.Rules[0].Reason);
        }
    }

    [Fact]
    public void The_strictest_action_wins_and_every_hit_is_listed()
    {
        var review = Rule(new("velocity", "review", Key: "ip", Window: "10m", MaxCount: 1), "rule_review");
        var block = Rule(new("velocity", "block", Key: "ip", Window: "10m", MaxCount: 2), "rule_block");

        var decision = Decide(Facts(), History(ip: WindowCounts.None with { Count10m = 5 }), review, block);

        Assert.Equal(RiskOutcome.Block, decision.Outcome);
        Assert.Equal(["rule_review", "rule_block"], decision.Rules.Select(r => r.RuleId));
    }

    [Fact]
    public void An_allow_list_hit_wins_over_a_block()
    {
        var block = Rule(new("velocity", "block", Key: "ip", Window: "10m", MaxCount: 1), "rule_block");
        var allow = Rule(new("list", "allow", Field: "payer_id", Values: ["payer-000042"]), "rule_allow");

        var decision = Decide(Facts(), History(ip: WindowCounts.None with { Count10m = 5 }), block, allow);

        Assert.Equal(RiskOutcome.Allow, decision.Outcome);
        Assert.Equal(2, decision.Rules.Count);
        Assert.Equal("payer …0042 is on an allow list", decision.Rules[1].Reason);
    }

    [Fact]
    public void A_rule_of_the_other_stage_is_not_evaluated()
    {
        var rule = Rule(new("velocity", "block", ["on_result"], Key: "ip", Window: "10m", MaxCount: 1));
        var history = History(ip: WindowCounts.None with { Count10m = 5 });

        Assert.Empty(Decide(Facts(), history, rule).Rules);
        var onResult = RiskEvaluator.Evaluate(Facts(), RiskStage.OnResult, history, RiskFeatures.From(Facts(), history), null, [rule], At);
        Assert.Equal(RiskOutcome.Block, onResult.Outcome);
        Assert.Equal(RiskStage.OnResult, onResult.Stage);
    }

    [Fact]
    public void No_rule_firing_allows_with_no_hits()
    {
        var decision = Decide(Facts(), History(), RiskDefaults.Rules.ToArray());

        Assert.Equal(RiskOutcome.Allow, decision.Outcome);
        Assert.Empty(decision.Rules);
        Assert.Equal(At, decision.DecidedAt);
    }

    [Fact]
    public void List_values_are_kept_as_a_frozen_set()
    {
        var rule = Rule(new("list", "block", Field: "ip", Values: ["2001:DB8::1", "2001:db8::1"]));

        Assert.IsAssignableFrom<FrozenSet<string>>(rule.Values);
        Assert.Equal(["2001:db8::1"], rule.Values!);
    }
}

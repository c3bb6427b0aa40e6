using PayFunctions.Domain.Risk;

namespace PayFunctions.Domain.Tests.Risk;

public sealed class RiskExplanationsTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.*")]
    [InlineData("::ffff:198.51.100.200", "198.51.100.*")]
    [InlineData("2001:db8:85a3:1:2:3:4:5", "2001:db8:85a3::*")]
    [InlineData("not an address", "…")]
    public void An_ip_address_keeps_its_network_only(string ip, string masked) => Assert.Equal(masked, RiskExplanations.MaskIp(ip));

    [Theory]
    [InlineData("wx-openid-1234567890ab", "…90ab")]
    [InlineData("payer7", "…r7")]
    [InlineData("u1", "…")]
    public void An_id_keeps_its_last_characters_only(string id, string masked) => Assert.Equal(masked, RiskExplanations.MaskId(id));

    [Fact]
    public void No_hit_repeats_a_full_payer_id_or_ip()
    {
        var facts = RiskFixtures.Facts(payer: "payer-secret-9876", ip: "203.0.113.77", device: "device-secret-1234", card: "card-fp-secret-5678");
        var history = RiskFixtures.History(
            payer: new WindowCounts(9, 9, 9, 9, 9, 9, 9), ip: new WindowCounts(9, 9, 9, 9, 9, 9, 9), card: new WindowCounts(9, 9, 9, 9, 9, 9, 9));
        var rules = new[]
        {
            RiskFixtures.Rule(new("velocity", "block", Key: "payer", Window: "1m", MaxCount: 1), "rule_a"),
            RiskFixtures.Rule(new("velocity", "block", Key: "ip", Window: "1m", MaxCount: 1), "rule_b"),
            RiskFixtures.Rule(new("list", "block", Field: "device_id", Values: ["device-secret-1234"]), "rule_c"),
            RiskFixtures.Rule(new("velocity", "block", Key: "card", Window: "1m", MaxCount: 1), "rule_d"),
        };

        var decision = RiskFixtures.Decide(facts, history, rules);

        Assert.Equal(4, decision.Rules.Count);
        Assert.All(decision.Rules, hit =>
        {
            Assert.DoesNotContain("payer-secret", hit.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("203.0.113.77", hit.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("device-secret", hit.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("card-fp-secret", hit.Reason, StringComparison.Ordinal);
        });
    }
}

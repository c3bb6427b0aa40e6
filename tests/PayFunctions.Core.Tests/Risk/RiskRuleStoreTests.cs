using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Tests.Risk;

[Collection(AzuriteCollection.Name)]
public sealed class RiskRuleStoreTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider time = new(TestRisk.At);
    private readonly string merchant = TestRisk.NewMerchant();

    [Fact]
    public async Task A_rule_is_created_listed_replaced_and_deleted_in_its_own_scope()
    {
        var store = Store();
        var rule = Rule(new("velocity", "block", Key: "ip", Window: "10m", MaxCount: 5));

        var created = await store.CreateAsync(merchant, rule, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        var updated = await store.UpdateAsync(merchant, Rule(new("velocity", "review", Key: "ip", Window: "10m", MaxCount: 7), rule.Id), CancellationToken.None);

        Assert.Equal(rule, created!.Rule);
        Assert.Equal((TestRisk.At, TestRisk.At.AddMinutes(1)), (updated!.CreatedAt, updated.UpdatedAt));
        var listed = Assert.Single(await store.ListAsync(merchant, CancellationToken.None));
        Assert.Equal((RiskOutcome.Review, 7), (listed.Rule.Action, listed.Rule.MaxCount));
        Assert.Empty(await store.ListAsync(TestRisk.NewMerchant(), CancellationToken.None));
        Assert.Null(await store.UpdateAsync(TestRisk.NewMerchant(), rule, CancellationToken.None));
        Assert.Null(await store.DeleteAsync(TestRisk.NewMerchant(), rule.Id, CancellationToken.None));
        Assert.Equal(rule.Id, (await store.DeleteAsync(merchant, rule.Id, CancellationToken.None))!.Rule.Id);
        Assert.Empty(await store.ListAsync(merchant, CancellationToken.None));
    }

    [Fact]
    public async Task A_payment_is_evaluated_against_the_defaults_then_the_platforms_then_the_merchants()
    {
        var store = Store();
        var own = Rule(new("list", "allow", Field: "payer_id", Values: ["vip"]));
        await store.CreateAsync(merchant, own, CancellationToken.None);

        var rules = await store.RulesForAsync(merchant, CancellationToken.None);

        Assert.Equal(RiskDefaults.Rules, rules.Take(RiskDefaults.Rules.Count));
        Assert.Equal(own.Id, rules[^1].Id);
        Assert.All(await store.ListAsync(RiskRuleStore.PlatformScope, CancellationToken.None), p => Assert.Contains(rules, r => r.Id == p.Rule.Id));
    }

    [Fact]
    public async Task A_change_through_another_instance_applies_once_the_cached_set_expires()
    {
        var store = Store();
        Assert.Equal(RiskDefaults.Rules.Count, (await store.RulesForAsync(merchant, CancellationToken.None)).Count(r => r.Id.StartsWith("rule_default_", StringComparison.Ordinal)));
        var before = (await store.RulesForAsync(merchant, CancellationToken.None)).Count;

        await Store().CreateAsync(merchant, Rule(new("score", "review", MinScore: 0.5)), CancellationToken.None);
        time.Advance(RiskRuleStore.CacheLifetime - TimeSpan.FromMilliseconds(1));
        Assert.Equal(before, (await store.RulesForAsync(merchant, CancellationToken.None)).Count);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(before + 1, (await store.RulesForAsync(merchant, CancellationToken.None)).Count);

        await store.CreateAsync(merchant, Rule(new("score", "block", MinScore: 0.95)), CancellationToken.None);
        Assert.Equal(before + 2, (await store.RulesForAsync(merchant, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_scope_holds_a_bounded_number_of_rules()
    {
        var store = Store();
        for (var i = 0; i < RiskRuleStore.MaxRules; i++)
        {
            Assert.NotNull(await store.CreateAsync(merchant, Rule(new("ip_country_mismatch", "review")), CancellationToken.None));
        }

        Assert.Null(await store.CreateAsync(merchant, Rule(new("ip_country_mismatch", "review")), CancellationToken.None));
    }

    [Theory]
    [InlineData("rule_0123456789abcdef01234567", true)]
    [InlineData("rule_default_score_block", false)]
    [InlineData("rule_0123456789ABCDEF01234567", false)]
    [InlineData("rule_0123456789abcdef0123456", false)]
    public void Ids_are_rule_and_24_hex_digits(string id, bool valid)
    {
        Assert.Equal(valid, RiskRuleStore.IsRuleId(id));
        Assert.True(RiskRuleStore.IsRuleId(RiskRuleStore.NewId()));
    }

    private RiskRuleStore Store() => new(azurite.Storage, time, NullLogger<RiskRuleStore>.Instance);

    private static RiskRule Rule(RiskRuleDraft draft, string? id = null) => RiskRuleValidator.Validate(id ?? RiskRuleStore.NewId(), draft).Rule!;
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain.Risk;
using static PayFunctions.Core.Tests.Risk.TestRisk;

namespace PayFunctions.Core.Tests.Risk;

[Collection(AzuriteCollection.Name)]
public sealed class RiskAssessorTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider time = new(At);
    private readonly string merchant = NewMerchant();
    private readonly string ip = NewIp();

    [Fact]
    public async Task A_card_testing_burst_is_blocked_from_its_fifth_probe_and_blocked_attempts_count()
    {
        var assessor = Assessor(0.1);
        var outcomes = new List<RiskOutcome>();
        for (var i = 0; i < 6; i++)
        {
            outcomes.Add((await assessor.AssessAsync(Facts(merchant, At.AddSeconds(i), 100, ip: ip), RiskStage.BeforeChannel, CancellationToken.None)).Outcome);
        }

        Assert.Equal([RiskOutcome.Allow, RiskOutcome.Allow, RiskOutcome.Allow, RiskOutcome.Allow, RiskOutcome.Block, RiskOutcome.Block], outcomes);
        var last = await assessor.AssessAsync(Facts(merchant, At.AddSeconds(10), 100, ip: ip), RiskStage.BeforeChannel, CancellationToken.None);
        var hit = Assert.Single(last.Rules);
        Assert.Equal("rule_default_card_testing_ip", hit.RuleId);
        Assert.Equal($"7 payments of at most 5.00 CNY from IP {RiskExplanations.MaskIp(ip)} in 10 minutes (limit 5)", hit.Reason);
        Assert.Equal(0.1, last.Score!.Value);
    }

    [Fact]
    public async Task Both_stages_and_a_retry_decide_on_one_count()
    {
        var assessor = Assessor(0.1);
        var rule = RiskRuleValidator.Validate(RiskRuleStore.NewId(), new RiskRuleDraft("velocity", "block", Key: "ip", Window: "10m", MaxCount: 1)).Rule!;
        await Rules().CreateAsync(merchant, rule, CancellationToken.None);
        var facts = Facts(merchant, ip: ip);

        var before = await assessor.AssessAsync(facts, RiskStage.BeforeChannel, CancellationToken.None);
        var retried = await assessor.AssessAsync(facts, RiskStage.BeforeChannel, CancellationToken.None);
        var result = await assessor.AssessAsync(facts with { CardFingerprint = "fp" }, RiskStage.OnResult, CancellationToken.None);

        Assert.All([before, retried, result], d => Assert.Equal(RiskOutcome.Allow, d.Outcome));
        Assert.Equal(RiskStage.OnResult, result.Stage);
        var next = await assessor.AssessAsync(Facts(merchant, At.AddSeconds(1), ip: ip), RiskStage.BeforeChannel, CancellationToken.None);
        Assert.Equal(RiskOutcome.Block, next.Outcome);
        Assert.Equal($"2 payments from IP {RiskExplanations.MaskIp(ip)} in 10 minutes (limit 1)", Assert.Single(next.Rules).Reason);
    }

    [Fact]
    public async Task The_score_decides_through_the_default_rules()
    {
        var decision = await Assessor(0.95).AssessAsync(Facts(merchant, ip: ip), RiskStage.BeforeChannel, CancellationToken.None);

        Assert.Equal(RiskOutcome.Block, decision.Outcome);
        Assert.Equal(["rule_default_score_block", "rule_default_score_review"], decision.Rules.Select(r => r.RuleId));
        Assert.Equal(At, decision.DecidedAt);
    }

    private RiskAssessor Assessor(double score) => new(WindowStore(azurite.Storage), Rules(), new TestScorer(score), time);

    private RiskRuleStore Rules() => new(azurite.Storage, time, NullLogger<RiskRuleStore>.Instance);
}

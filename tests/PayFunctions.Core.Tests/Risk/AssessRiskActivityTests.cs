using PayFunctions.Channels;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Tests.Payments;
using PayFunctions.Core.Tests.Secrets;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Tests.Risk;

/// <summary>The risk step's activity on the emulator: what it asks, what it keeps on the payment, and that a stage is decided once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AssessRiskActivityTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private readonly PayerSealing sealing = new(new SecretEnvelope(VersionedSecrets.WithKeyEncryptionKey()));

    [Fact]
    public async Task AReview_IsKeptOnThePayment_ListedForOperators_AndARerunAnswersTheKeptDecision()
    {
        var payment = await SeedAsync();
        var assessor = new ScriptedAssessor(RiskOutcome.Review, RiskOutcome.Block);
        var activity = Activity(assessor);
        var input = new AssessRiskInput(payment.MerchantId, payment.Id, RiskStage.BeforeChannel, await SealedPayerAsync(payment), CanRefuse: true);

        var first = await activity.ExecuteAsync(input, CancellationToken.None);
        var again = await activity.ExecuteAsync(input, CancellationToken.None);

        Assert.Equal(RiskOutcome.Review, first.Outcome);
        Assert.Equal(RiskOutcome.Review, again.Outcome);
        var asked = Assert.Single(assessor.Asked);
        Assert.Equal(("payer_1", "203.0.113.7", "device_1", "CN-GD"), (asked.PayerId, asked.PayerIp, asked.DeviceId, asked.IpRegion));
        var stored = (await new PaymentStore(azurite.Storage).GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!;
        Assert.Equal(RiskReviews.Pending, stored.RiskReview);
        var risk = RiskBody.From(stored.RiskJson, stored.RiskReview)!;
        Assert.Equal(("review", "pending"), (risk.Outcome, risk.Review));
        Assert.Equal("before_channel", Assert.Single(risk.Decisions).Stage);
        Assert.Equal(RiskReviews.Pending, (await new RiskReviewStore(azurite.Storage).GetAsync(payment.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ABlockOnAResultTheChannelAlreadyTook_StandsAsAReview_AndReadsWhatTheChannelReported()
    {
        var payment = await SeedAsync();
        var assessor = new ScriptedAssessor(RiskOutcome.Block);
        var input = new AssessRiskInput(payment.MerchantId, payment.Id, RiskStage.OnResult, await SealedPayerAsync(payment), CanRefuse: false)
        {
            Reported = new ChannelPayer("hashed_account", "visa/credit", "US", "fp_1"),
        };

        var verdict = await Activity(assessor).ExecuteAsync(input, CancellationToken.None);

        Assert.Equal(RiskOutcome.Review, verdict.Outcome);
        var asked = Assert.Single(assessor.Asked);
        Assert.Equal(("hashed_account", "fp_1", "US"), (asked.PayerId, asked.CardFingerprint, asked.PayerCountry));
        var stored = (await new PaymentStore(azurite.Storage).GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!;
        var decision = Assert.Single(RiskBody.From(stored.RiskJson, stored.RiskReview)!.Decisions);
        Assert.Equal(("on_result", "review"), (decision.Stage, decision.Outcome));
        Assert.Equal("block", Assert.Single(decision.Rules).Action);
    }

    [Theory]
    [InlineData(RiskOutcome.Allow, true)]
    [InlineData(RiskOutcome.Block, true)]
    [InlineData(RiskOutcome.Block, false)]
    public async Task APayersSanctionsHit_MakesTheDecisionAReview_WhateverTheRulesSaid_NamingTheRule(RiskOutcome ruled, bool canRefuse)
    {
        var payment = await SeedAsync();
        var input = new AssessRiskInput(payment.MerchantId, payment.Id, RiskStage.OnResult, await SealedPayerAsync(payment), canRefuse) { PayerSanctionsHit = true };

        var verdict = await Activity(new ScriptedAssessor(ruled)).ExecuteAsync(input, CancellationToken.None);

        Assert.Equal(RiskOutcome.Review, verdict.Outcome);
        var stored = (await new PaymentStore(azurite.Storage).GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!;
        Assert.Equal(RiskReviews.Pending, stored.RiskReview);
        var decision = Assert.Single(RiskBody.From(stored.RiskJson, stored.RiskReview)!.Decisions);
        Assert.Equal(("on_result", "review"), (decision.Stage, decision.Outcome));
        var rule = Assert.Single(decision.Rules, r => r.Id == AssessRiskActivity.SanctionsPayerRule);
        Assert.Equal(("review", AssessRiskActivity.SanctionsPayerReason), (rule.Action, rule.Reason));
        Assert.Equal(RiskReviews.Pending, (await new RiskReviewStore(azurite.Storage).GetAsync(payment.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AReviewReleasedBeforeTheMoneyCame_IsOpenedAgain_WhenTheMoneyComesFromAListedPayer()
    {
        var payment = await SeedAsync();
        var payer = await SealedPayerAsync(payment);
        var activity = Activity(new ScriptedAssessor(RiskOutcome.Review, RiskOutcome.Allow));
        await activity.ExecuteAsync(new AssessRiskInput(payment.MerchantId, payment.Id, RiskStage.BeforeChannel, payer, CanRefuse: true), CancellationToken.None);
        var reviews = new RiskReviewStore(azurite.Storage);
        Assert.True(await reviews.ReleaseAsync((await reviews.GetAsync(payment.Id, CancellationToken.None))!, "operator:op_a", "Known customer", At, CancellationToken.None));
        var payments = new PaymentStore(azurite.Storage);
        await payments.UpdateAsync((await payments.GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!, p =>
        {
            p.RiskReview = RiskReviews.Released;
            return true;
        }, CancellationToken.None);

        var verdict = await activity.ExecuteAsync(
            new AssessRiskInput(payment.MerchantId, payment.Id, RiskStage.OnResult, payer, CanRefuse: false) { PayerSanctionsHit = true }, CancellationToken.None);

        Assert.Equal(RiskOutcome.Review, verdict.Outcome);
        Assert.Equal(RiskReviews.Pending, (await payments.GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!.RiskReview);
        var review = (await reviews.GetAsync(payment.Id, CancellationToken.None))!;
        Assert.Equal((RiskReviews.Pending, (string?)null), (review.Status, review.ReleasedBy));
    }

    private AssessRiskActivity Activity(IRiskAssessor assessor) =>
        new(new PaymentStore(azurite.Storage), sealing, assessor, new RiskReviewStore(azurite.Storage));

    private Task<PayerInput?> SealedPayerAsync(PaymentEntity payment) =>
        sealing.SealAsync(new PayerInput("payer_1", null, null, "203.0.113.7") { DeviceId = "device_1" }, payment.MerchantId, payment.Id, CancellationToken.None);

    private Task<PaymentEntity> SeedAsync() => TestPayments.SeedAsync(azurite.Storage, At, p => p.PayerRegion = "CN-GD");

    /// <summary>Decides each call with the next outcome of its script, one rule asking for it.</summary>
    private sealed class ScriptedAssessor(params RiskOutcome[] outcomes) : IRiskAssessor
    {
        public List<RiskFacts> Asked { get; } = [];

        public Task<RiskDecision> AssessAsync(RiskFacts facts, RiskStage stage, CancellationToken cancellationToken)
        {
            var outcome = outcomes[Math.Min(Asked.Count, outcomes.Length - 1)];
            Asked.Add(facts);
            return Task.FromResult(new RiskDecision(
                outcome, stage, [new RiskRuleHit("rule_test", outcome, "A rule of the test.")], new RiskScore(0.5, []), At));
        }
    }
}

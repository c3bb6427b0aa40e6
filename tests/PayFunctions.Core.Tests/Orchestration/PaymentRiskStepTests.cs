using PayFunctions.Channels;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Tests.Orchestration;

/// <summary>Risk's two decisions in the payment orchestration: before the order is placed, and on the channel's result.</summary>
public sealed class PaymentRiskStepTests
{
    private static readonly TimeSpan LongExpiry = TimeSpan.FromHours(1);

    [Fact]
    public async Task ABlockBeforeTheChannel_FailsThePaymentAsBlocked_WithoutAnyChannelCall()
    {
        await using var harness = await new PaymentHarness
        {
            PlacesAtOnce = true,
            Risk = i => i.Stage == RiskStage.BeforeChannel ? new RiskVerdict(RiskOutcome.Block, "9 payments of at most 5.00 from one IP address in 10 minutes (limit 5).") : Allow,
        }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_riskblocked", LongExpiry));

        Assert.Equal(PaymentStatus.Failed, await harness.WaitForStatusAsync(id));
        var completion = harness.SingleCompletion();
        Assert.Equal("payment_blocked", completion.FailureCode);
        Assert.Contains("9 payments of at most 5.00", completion.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(0, harness.Log.CountOf(nameof(PrepayActivity)));
        Assert.Equal(0, harness.Log.CountOf(nameof(CloseAtChannelActivity)));
        Assert.Equal(PaymentEvents.Failed, harness.SingleWebhook().EventType);
        var assessed = Assert.Single(harness.RiskAssessments);
        Assert.True(assessed.CanRefuse);
    }

    [Fact]
    public async Task AnAllowedPayment_IsAssessedBeforeTheChannelAndAgainOnItsResult_WhichCanNoLongerRefuse()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_riskallowed", LongExpiry));
        await harness.PayAsync(id, "4200000101");

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal(
            [(RiskStage.BeforeChannel, true), (RiskStage.OnResult, false)],
            harness.RiskAssessments.Select(a => (a.Stage, a.CanRefuse)).ToList());
        Assert.Equal([nameof(PrepayActivity), nameof(CompletePaymentActivity), nameof(SendWebhookActivity)], harness.Log.Names);
    }

    [Fact]
    public async Task ABlockOnTheResultOfAHeldAuthorization_GivesTheMoneyBackAndFailsAsBlocked()
    {
        await using var harness = await new PaymentHarness
        {
            Risk = i => i.Stage == RiskStage.OnResult ? new RiskVerdict(RiskOutcome.Block, "A card on the platform's block list.") : Allow,
        }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_riskauthblocked", LongExpiry));
        await harness.WaitForActivityAsync(nameof(PrepayActivity));

        await harness.Client.RaiseEventAsync(
            id,
            PaymentEvents.ChannelNotification,
            new ChannelPaymentEvent("ch_auth", ChannelTradeState.Authorized, null, 1999, "CNY") { Payer = new ChannelPayer(null, "visa/credit", "US", "fp_card_1") },
            harness.Cancellation);

        Assert.Equal(PaymentStatus.Failed, await harness.WaitForStatusAsync(id));
        Assert.Equal("fp_card_1", harness.RiskAssessments.Single(a => a.Stage == RiskStage.OnResult).Reported?.CardFingerprint);
        Assert.Equal("payment_blocked", harness.SingleCompletion().FailureCode);
        Assert.Equal(1, harness.Log.CountOf(nameof(CancelAtChannelActivity)));
        Assert.Equal(0, harness.Log.CountOf(nameof(CaptureAtChannelActivity)));
    }

    [Fact]
    public async Task APayersSanctionsHit_ReachesTheDecisionOnTheResult_AndNothingBeforeIt()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_risksanctioned", LongExpiry));
        await harness.WaitForActivityAsync(nameof(PrepayActivity));

        await harness.Client.RaiseEventAsync(
            id,
            PaymentEvents.ChannelNotification,
            new ChannelPaymentEvent("4200000103", ChannelTradeState.Succeeded, DateTimeOffset.UtcNow, 1999, "CNY") { PayerSanctionsHit = true },
            harness.Cancellation);

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal(
            [(RiskStage.BeforeChannel, false), (RiskStage.OnResult, true)],
            harness.RiskAssessments.Select(a => (a.Stage, a.PayerSanctionsHit)).ToList());
    }

    [Fact]
    public async Task APaymentStartedBeforeRiskDecided_ReplaysWithoutAssessments()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var id = await harness.ScheduleUnversionedAsync(PaymentHarness.Input("pay_riskunversioned", LongExpiry));
        await harness.PayAsync(id, "4200000102");

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Empty(harness.RiskAssessments);
    }

    [Fact]
    public async Task AReviewBeforeThePaymentFails_IsAnnouncedOpened_AndClosedAfterThePaymentsEnd()
    {
        await using var harness = await new PaymentHarness
        {
            PlacesAtOnce = true,
            Prepay = _ => new PrepayOutcome(false, null, "channel_declined", "The channel declined the order.", OrderAtChannel: false),
            Risk = i => i.Stage == RiskStage.BeforeChannel ? new RiskVerdict(RiskOutcome.Review, null) { OpensReview = true } : Allow,
        }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_riskreviewfailed", LongExpiry));

        Assert.Equal(PaymentStatus.Failed, await harness.WaitForStatusAsync(id));

        var sent = harness.Log.InputsOf<WebhookInput>(nameof(SendWebhookActivity));
        Assert.All(sent, w => Assert.Equal(w.EventId, w.EventType.StartsWith("review.", StringComparison.Ordinal) ? ReviewEvents.EventId(id, w.EventType) : PaymentEvents.EventId(id, w.EventType)));
        Assert.Equal([ReviewEvents.Opened, PaymentEvents.Failed, ReviewEvents.Closed], sent.Select(w => w.EventType).Distinct().ToList());
        Assert.Equal(ReviewEvents.Closed, sent[^1].EventType);
        Assert.Single(sent, w => w.EventType == ReviewEvents.Closed);
    }

    [Fact]
    public async Task AReviewOfAPaidPayment_IsAnnouncedOpened_AndNotClosed()
    {
        await using var harness = await new PaymentHarness
        {
            Risk = i => i.Stage == RiskStage.OnResult ? new RiskVerdict(RiskOutcome.Review, null) { OpensReview = true } : Allow,
        }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_riskreviewpaid", LongExpiry));
        await harness.PayAsync(id, "4200000103");

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));

        var sent = harness.Log.InputsOf<WebhookInput>(nameof(SendWebhookActivity));
        Assert.Equal(new HashSet<string> { ReviewEvents.Opened, PaymentEvents.Succeeded }, sent.Select(w => w.EventType).ToHashSet());
        Assert.DoesNotContain(sent, w => w.EventType == ReviewEvents.Closed);
    }

    [Fact]
    public async Task AReviewOfAPaymentStartedBeforeReviewEvents_IsNotAnnounced()
    {
        await using var harness = await new PaymentHarness
        {
            Risk = i => i.Stage == RiskStage.BeforeChannel ? new RiskVerdict(RiskOutcome.Review, null) { OpensReview = true } : Allow,
        }.StartAsync();
        var id = await harness.ScheduleAtVersionAsync(PaymentHarness.Input("pay_riskreviewolder", LongExpiry), "1.4");
        await harness.Client.RaiseEventAsync(id, PaymentEvents.CloseRequested, new CloseRequest("merchant"), harness.Cancellation);

        Assert.Equal(PaymentStatus.Closed, await harness.WaitForStatusAsync(id));
        Assert.Equal([PaymentEvents.Closed], harness.Log.InputsOf<WebhookInput>(nameof(SendWebhookActivity)).Select(w => w.EventType).ToList());
    }

    private static RiskVerdict Allow => new(RiskOutcome.Allow, null);
}

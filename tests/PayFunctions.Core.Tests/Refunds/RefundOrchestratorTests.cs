using PayFunctions.Channels;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Webhooks;

namespace PayFunctions.Core.Tests.Refunds;

public sealed class RefundOrchestratorTests
{
    [Fact]
    public async Task Refund_WhenChannelAnswersSucceeded_CompletesAtOnceAndSendsOneWebhook()
    {
        var completedAt = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await using var harness = await new RefundHarness { Answer = new(ChannelRefundState.Succeeded, "50300002", completedAt) }.StartAsync();
        var id = await harness.ScheduleAsync(RefundHarness.Input("re_synchronous"));

        Assert.Equal(RefundStatuses.Succeeded, await harness.WaitForStatusAsync(id));
        var completion = harness.SingleCompletion();
        Assert.True(completion.Succeeded);
        Assert.Equal("50300002", completion.ChannelRefundNo);
        Assert.Equal(completedAt, completion.SucceededAt);
        var webhook = harness.SingleWebhook();
        Assert.Equal(RefundEvents.Succeeded, webhook.EventType);
        Assert.Equal(id, webhook.PaymentId);
        Assert.Equal(RefundEvents.EventId(id, RefundEvents.Succeeded), webhook.EventId);
        Assert.Equal([nameof(RefundAtChannelActivity), nameof(CompleteRefundActivity), nameof(SendWebhookActivity)], harness.Log.Names);
    }

    [Fact]
    public async Task Refund_WhenProcessing_TakesTheFirstNotificationAndIgnoresDuplicates()
    {
        await using var harness = await new RefundHarness().StartAsync();
        var id = await harness.ScheduleAsync(RefundHarness.Input("re_notified"));

        await harness.Client.RaiseEventAsync(id, RefundEvents.ChannelNotification, new ChannelRefundEvent(ChannelRefundState.Succeeded, "50300003", null), harness.Cancellation);
        await harness.Client.RaiseEventAsync(id, RefundEvents.ChannelNotification, new ChannelRefundEvent(ChannelRefundState.Failed, "50300003", null), harness.Cancellation);

        Assert.Equal(RefundStatuses.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.True(harness.SingleCompletion().Succeeded);
        Assert.Equal(0, harness.Log.CountOf(nameof(QueryRefundActivity)));
    }

    [Fact]
    public async Task Refund_WhenChannelDeclines_FailsWithItsReasonAndSendsRefundFailed()
    {
        await using var harness = await new RefundHarness
        {
            Answer = new(ChannelRefundState.Failed, null, null, "channel_declined", "The channel refused the refund: NOT_ENOUGH"),
        }.StartAsync();
        var id = await harness.ScheduleAsync(RefundHarness.Input("re_declined"));

        Assert.Equal(RefundStatuses.Failed, await harness.WaitForStatusAsync(id));
        var completion = harness.SingleCompletion();
        Assert.False(completion.Succeeded);
        Assert.Equal("channel_declined", completion.FailureCode);
        Assert.Null(completion.SucceededAt);
        Assert.Equal(RefundEvents.EventId(id, RefundEvents.Failed), harness.SingleWebhook().EventId);
    }

    [Fact]
    public async Task Refund_WhenNotifiedFailed_FailsWithRefundFailed()
    {
        await using var harness = await new RefundHarness().StartAsync();
        var id = await harness.ScheduleAsync(RefundHarness.Input("re_abnormal"));

        await harness.Client.RaiseEventAsync(id, RefundEvents.ChannelNotification, new ChannelRefundEvent(ChannelRefundState.Failed, "50300004", null), harness.Cancellation);

        Assert.Equal(RefundStatuses.Failed, await harness.WaitForStatusAsync(id));
        Assert.Equal("refund_failed", harness.SingleCompletion().FailureCode);
    }

    [Fact]
    public void Webhook_event_ids_are_stable_and_distinct_from_payment_events() =>
        Assert.Equal("evt_zzzz_refund_succeeded", RefundEvents.EventId("re_zzzz", RefundEvents.Succeeded));
}

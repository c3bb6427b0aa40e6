using PayFunctions.Channels;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Orchestration;

public sealed class PaymentOrchestratorTests
{
    private static readonly TimeSpan LongExpiry = TimeSpan.FromHours(1);
    private static readonly TimeSpan ShortExpiry = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Payment_WhenChannelConfirms_CompletesSucceededAndSendsOneWebhook()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var paidAt = new DateTimeOffset(2025, 3, 1, 8, 30, 0, TimeSpan.Zero);
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_confirmed", LongExpiry));

        await harness.Client.RaiseEventAsync(
            id, PaymentEvents.ChannelNotification, new ChannelPaymentEvent("4200000001", ChannelTradeState.Succeeded, paidAt, 1999, "CNY"), harness.Cancellation);

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        var completion = harness.SingleCompletion();
        Assert.Equal(PaymentStatus.Succeeded, completion.Status);
        Assert.Equal("4200000001", completion.ChannelTradeNo);
        Assert.Equal(paidAt, completion.PaidAt);
        Assert.Equal("mch_test", completion.MerchantId);
        Assert.Null(completion.FailureCode);
        var webhook = harness.SingleWebhook();
        Assert.Equal(PaymentEvents.Succeeded, webhook.EventType);
        Assert.Equal(PaymentEvents.EventId(id, PaymentEvents.Succeeded), webhook.EventId);
        Assert.Equal(0, harness.Log.CountOf(nameof(CloseAtChannelActivity)));
        Assert.Equal(0, harness.Log.CountOf(nameof(QueryChannelActivity)));
        Assert.Equal(
            [nameof(PrepayActivity), nameof(CompletePaymentActivity), nameof(SendWebhookActivity)],
            harness.Log.Names);
    }

    [Fact]
    public async Task Payment_WaitingForPayer_KeepsTheExpiryTimerSetBeforeThePrepay()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var input = PaymentHarness.Input("pay_onetimer", LongExpiry);
        var id = await harness.ScheduleAsync(input);
        await harness.PayAsync(id, "4200000009");

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal([input.ExpiresAt.UtcDateTime], harness.Timers[id]);
    }

    [Fact]
    public async Task Payment_StartedWithoutVersion_ReplaysWithItsSecondExpiryTimer()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var input = PaymentHarness.Input("pay_twotimers", LongExpiry);
        var id = await harness.ScheduleUnversionedAsync(input);
        await harness.PayAsync(id, "4200000010");

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal([input.ExpiresAt.UtcDateTime, input.ExpiresAt.UtcDateTime], harness.Timers[id]);
        Assert.Equal(1, harness.RetriedDeliveries);
    }

    [Fact]
    public async Task Payment_PlacedAtOnce_WaitsForThePayerWithoutAQueuedPrepay()
    {
        await using var harness = await new PaymentHarness { PlacesAtOnce = true, HoldPrepay = true }.StartAsync();
        var input = PaymentHarness.Input("pay_placedatonce", LongExpiry);
        var id = await harness.ScheduleAsync(input);
        await harness.PayAsync(id, "4200000013");

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal([nameof(PrepayActivity), nameof(CompletePaymentActivity), nameof(SendWebhookActivity)], harness.Log.Names);
        Assert.Equal([input.ExpiresAt.UtcDateTime], harness.Timers[id]);
    }

    [Fact]
    public async Task Payment_DeclinedAtOnce_FailsWithoutWaitingForAWorker()
    {
        await using var harness = await new PaymentHarness
        {
            PlacesAtOnce = true,
            HoldPrepay = true,
            Prepay = _ => new PrepayOutcome(false, null, "channel_declined", "The channel refused the payment: NO_AUTH", OrderAtChannel: false),
        }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_declinedatonce", LongExpiry));

        Assert.Equal(PaymentStatus.Failed, await harness.WaitForStatusAsync(id));
        Assert.Equal("channel_declined", harness.SingleCompletion().FailureCode);
    }

    [Fact]
    public async Task Close_WhilePlacedAtOnce_ClosesTheOrderItHolds()
    {
        var placing = new TaskCompletionSource();
        await using var harness = await new PaymentHarness
        {
            PlacesAtOnce = true,
            HoldPrepay = true,
            Prepay = _ =>
            {
                placing.Task.Wait(PaymentHarness.Timeout);
                return new PrepayOutcome(true, null, null, null, OrderAtChannel: false) { ChannelAccount = "backup" };
            },
        }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_closedwhileplaced", LongExpiry));
        await harness.WaitForActivityAsync(nameof(PrepayActivity));

        await harness.Client.RaiseEventAsync(id, PaymentEvents.CloseRequested, new CloseRequest("customer left"), harness.Cancellation);
        placing.SetResult();

        Assert.Equal(PaymentStatus.Closed, await harness.WaitForStatusAsync(id));
        Assert.Equal(new ChannelOrderInput("wechat_pay", "backup", id) { MerchantId = "mch_test" }, Assert.Single(harness.Log.InputsOf<ChannelOrderInput>(nameof(CloseAtChannelActivity))));
    }

    [Fact]
    public async Task Payment_WhenMerchantTakesTheEvent_DeliversItWithTheCompletion()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_deliveredonce", LongExpiry));
        await harness.PayAsync(id, "4200000011");

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal(PaymentEvents.EventId(id, PaymentEvents.Succeeded), harness.SingleWebhook().EventId);
        Assert.Equal(0, harness.RetriedDeliveries);
    }

    [Fact]
    public async Task Payment_WhenFirstDeliveryFails_RetriesTheSameEvent()
    {
        await using var harness = await new PaymentHarness { FirstDeliveryFails = true }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_deliveredlater", LongExpiry));
        await harness.PayAsync(id, "4200000012");

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal([nameof(PrepayActivity), nameof(CompletePaymentActivity), nameof(SendWebhookActivity)], harness.Log.Names);
        Assert.Equal(PaymentEvents.EventId(id, PaymentEvents.Succeeded), harness.SingleWebhook().EventId);
        Assert.Equal(1, harness.RetriedDeliveries);
    }

    [Fact]
    public async Task Expiry_AfterOrderPlaced_FiresTheTimerSetBeforeThePrepay()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var input = PaymentHarness.Input("pay_expiredonce", ShortExpiry);
        var id = await harness.ScheduleAsync(input);

        Assert.Equal(PaymentStatus.Expired, await harness.WaitForStatusAsync(id));
        Assert.Single(harness.Timers[id], due => due == input.ExpiresAt.UtcDateTime);
    }

    [Fact]
    public async Task Payment_WhenChannelReportsFailure_FailsWithPaymentFailed()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_declinedcard", LongExpiry));

        await harness.Client.RaiseEventAsync(
            id, PaymentEvents.ChannelNotification, new ChannelPaymentEvent("4200000002", ChannelTradeState.Failed, null, null, null), harness.Cancellation);

        Assert.Equal(PaymentStatus.Failed, await harness.WaitForStatusAsync(id));
        var completion = harness.SingleCompletion();
        Assert.Equal(PaymentStatus.Failed, completion.Status);
        Assert.Equal("payment_failed", completion.FailureCode);
        Assert.Equal(PaymentEvents.EventId(id, PaymentEvents.Failed), harness.SingleWebhook().EventId);
        Assert.Equal(0, harness.Log.CountOf(nameof(CloseAtChannelActivity)));
    }

    [Fact]
    public async Task Expiry_WhenNoCallback_ClosesAtChannelThenExpires()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var input = PaymentHarness.Input("pay_expired", ShortExpiry);
        var id = await harness.ScheduleAsync(input);

        Assert.Equal(PaymentStatus.Expired, await harness.WaitForStatusAsync(id));
        Assert.Equal(
            [nameof(PrepayActivity), nameof(CloseAtChannelActivity), nameof(CompletePaymentActivity), nameof(SendWebhookActivity)],
            harness.Log.Names);
        Assert.Equal(new ChannelOrderInput("wechat_pay", "main", id) { MerchantId = "mch_test" }, Assert.Single(harness.Log.InputsOf<ChannelOrderInput>(nameof(CloseAtChannelActivity))));
        var completion = harness.SingleCompletion();
        Assert.Equal(PaymentStatus.Expired, completion.Status);
        Assert.Equal("payment_expired", completion.FailureCode);
        Assert.Null(completion.ChannelTradeNo);
        Assert.True(completion.CompletedAt >= input.ExpiresAt, $"Completed at {completion.CompletedAt:O}, before the expiry {input.ExpiresAt:O}.");
        var webhook = harness.SingleWebhook();
        Assert.Equal(PaymentEvents.Expired, webhook.EventType);
        Assert.Equal(PaymentEvents.EventId(id, PaymentEvents.Expired), webhook.EventId);
    }

    [Fact]
    public async Task Expiry_WhenChannelSaysAlreadyPaid_QueriesAndSucceeds()
    {
        var paidAt = DateTimeOffset.UtcNow + ShortExpiry;
        await using var harness = await new PaymentHarness
        {
            CloseOutcome = CloseOutcome.AlreadyPaid,
            QueryAnswer = new ChannelPaymentEvent("4200000003", ChannelTradeState.Succeeded, paidAt, 1999, "CNY"),
        }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_latepaid", ShortExpiry));

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal(
            [nameof(PrepayActivity), nameof(CloseAtChannelActivity), nameof(QueryChannelActivity), nameof(CompletePaymentActivity), nameof(SendWebhookActivity)],
            harness.Log.Names);
        Assert.Equal(new ChannelOrderInput("wechat_pay", "main", id) { MerchantId = "mch_test" }, Assert.Single(harness.Log.InputsOf<ChannelOrderInput>(nameof(QueryChannelActivity))));
        var completion = harness.SingleCompletion();
        Assert.Equal(PaymentStatus.Succeeded, completion.Status);
        Assert.Equal("4200000003", completion.ChannelTradeNo);
        Assert.Equal(paidAt, completion.PaidAt);
        Assert.Null(completion.FailureCode);
        Assert.Equal(PaymentEvents.EventId(id, PaymentEvents.Succeeded), harness.SingleWebhook().EventId);
    }

    [Fact]
    public async Task Close_WhenMerchantRequests_ClosesAtChannelAndEndsClosed()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_closed", LongExpiry));

        await harness.WaitForActivityAsync(nameof(PrepayActivity));
        await harness.Client.RaiseEventAsync(id, PaymentEvents.CloseRequested, new CloseRequest("customer left"), harness.Cancellation);

        Assert.Equal(PaymentStatus.Closed, await harness.WaitForStatusAsync(id));
        Assert.Equal(
            [nameof(PrepayActivity), nameof(CloseAtChannelActivity), nameof(CompletePaymentActivity), nameof(SendWebhookActivity)],
            harness.Log.Names);
        var completion = harness.SingleCompletion();
        Assert.Equal(PaymentStatus.Closed, completion.Status);
        Assert.Null(completion.FailureCode);
        var webhook = harness.SingleWebhook();
        Assert.Equal(PaymentEvents.Closed, webhook.EventType);
        Assert.Equal(PaymentEvents.EventId(id, PaymentEvents.Closed), webhook.EventId);
    }

    [Fact]
    public async Task Close_WhenChannelSaysAlreadyPaid_Succeeds()
    {
        await using var harness = await new PaymentHarness
        {
            CloseOutcome = CloseOutcome.AlreadyPaid,
            QueryAnswer = new ChannelPaymentEvent("4200000004", ChannelTradeState.Succeeded, DateTimeOffset.UtcNow, 1999, "CNY"),
        }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_closedlate", LongExpiry));

        await harness.WaitForActivityAsync(nameof(PrepayActivity));
        await harness.Client.RaiseEventAsync(id, PaymentEvents.CloseRequested, new CloseRequest("customer left"), harness.Cancellation);

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal("4200000004", harness.SingleCompletion().ChannelTradeNo);
        Assert.Equal(PaymentEvents.Succeeded, harness.SingleWebhook().EventType);
    }

    [Fact]
    public async Task DuplicateNotifications_AreConsumedOnce()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_duplicates", LongExpiry));
        var notification = new ChannelPaymentEvent("4200000005", ChannelTradeState.Succeeded, DateTimeOffset.UtcNow, 1999, "CNY");

        for (var i = 0; i < 5; i++)
        {
            await harness.Client.RaiseEventAsync(id, PaymentEvents.ChannelNotification, notification, harness.Cancellation);
        }

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal(PaymentStatus.Succeeded, harness.SingleCompletion().Status);
        Assert.Equal(PaymentEvents.EventId(id, PaymentEvents.Succeeded), harness.SingleWebhook().EventId);
        Assert.Equal(1, harness.Log.CountOf(nameof(PrepayActivity)));
    }

    [Fact]
    public async Task Prepay_WhenChannelDeclines_FailsWithoutWaiting()
    {
        await using var harness = await new PaymentHarness
        {
            Prepay = _ => new PrepayOutcome(false, null, "channel_declined", "The channel refused the payment: PARAM_ERROR", OrderAtChannel: false),
        }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_refused", LongExpiry));

        Assert.Equal(PaymentStatus.Failed, await harness.WaitForStatusAsync(id));
        Assert.Equal([nameof(PrepayActivity), nameof(CompletePaymentActivity), nameof(SendWebhookActivity)], harness.Log.Names);
        var completion = harness.SingleCompletion();
        Assert.Equal(PaymentStatus.Failed, completion.Status);
        Assert.Equal("channel_declined", completion.FailureCode);
        Assert.Equal("The channel refused the payment: PARAM_ERROR", completion.FailureMessage);
        Assert.Equal(PaymentEvents.EventId(id, PaymentEvents.Failed), harness.SingleWebhook().EventId);
    }

    [Fact]
    public async Task Prepay_RepeatedAfterThePayerPaid_RecordsTheVerifiedSuccessInsteadOfADecline()
    {
        // A host died after the order was placed and paid but before the prepay result was committed:
        // the repeated prepay hears "already paid". Before, this became a failed payment and a payment.failed webhook.
        var paidAt = DateTimeOffset.UtcNow;
        await using var harness = await new PaymentHarness
        {
            Prepay = _ => new PrepayOutcome(false, null, null, null, OrderAtChannel: true),
            CloseOutcome = CloseOutcome.AlreadyPaid,
            QueryAnswer = new ChannelPaymentEvent("4200000006", ChannelTradeState.Succeeded, paidAt, 1999, "CNY"),
        }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_repeatedprepay", LongExpiry));

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal(
            [nameof(PrepayActivity), nameof(CloseAtChannelActivity), nameof(QueryChannelActivity), nameof(CompletePaymentActivity), nameof(SendWebhookActivity)],
            harness.Log.Names);
        var completion = harness.SingleCompletion();
        Assert.Equal("4200000006", completion.ChannelTradeNo);
        Assert.Equal(paidAt, completion.PaidAt);
        Assert.Equal(PaymentEvents.Succeeded, harness.SingleWebhook().EventType);
    }

    [Fact]
    public async Task Prepay_FindingAnUnpaidOrderAtTheChannel_ClosesItBeforeFailing()
    {
        await using var harness = await new PaymentHarness
        {
            Prepay = _ => new PrepayOutcome(false, null, null, null, OrderAtChannel: true),
        }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_orderconflict", LongExpiry));

        Assert.Equal(PaymentStatus.Failed, await harness.WaitForStatusAsync(id));
        Assert.Equal(
            [nameof(PrepayActivity), nameof(CloseAtChannelActivity), nameof(CompletePaymentActivity), nameof(SendWebhookActivity)],
            harness.Log.Names);
        Assert.Equal("channel_order_conflict", harness.SingleCompletion().FailureCode);
    }

    [Theory]
    [InlineData(1L, "CNY")]
    [InlineData(1999L, "USD")]
    [InlineData(null, null)]
    public async Task Close_WhenTheChannelWasPaidAnotherAmount_DoesNotRecordASuccess(long? amount, string? currency)
    {
        // The notify path rejects a mismatched amount; the close path used to record any "SUCCESS" the query reported.
        await using var harness = await new PaymentHarness
        {
            CloseOutcome = CloseOutcome.AlreadyPaid,
            QueryAnswer = new ChannelPaymentEvent("4200000007", ChannelTradeState.Succeeded, DateTimeOffset.UtcNow, amount, currency),
        }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_wrongamount", LongExpiry));

        await harness.WaitForActivityAsync(nameof(PrepayActivity));
        await harness.Client.RaiseEventAsync(id, PaymentEvents.CloseRequested, new CloseRequest("customer left"), harness.Cancellation);

        Assert.Equal(PaymentStatus.Failed, await harness.WaitForStatusAsync(id));
        var completion = harness.SingleCompletion();
        Assert.Equal("amount_mismatch", completion.FailureCode);
        Assert.Null(completion.PaidAt);
        Assert.Equal(new ReconcileOrderInput("wechat_pay", "main", "mch_test", id), Assert.Single(harness.Log.InputsOf<ReconcileOrderInput>(nameof(ReconcileOrderActivity))));
        Assert.Equal(PaymentEvents.Failed, harness.SingleWebhook().EventType);
    }

    [Fact]
    public async Task Prepay_WhenChannelKeepsFailing_FailsAfterRetries()
    {
        await using var harness = await new PaymentHarness
        {
            Prepay = _ => throw new HttpRequestException("channel unreachable"),
        }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_unreachable", LongExpiry));

        Assert.Equal(PaymentStatus.Failed, await harness.WaitForStatusAsync(id));
        Assert.Equal(4, harness.Log.CountOf(nameof(PrepayActivity)));
        Assert.Equal(0, harness.Log.CountOf(nameof(CloseAtChannelActivity)));
        var completion = harness.SingleCompletion();
        Assert.Equal(PaymentStatus.Failed, completion.Status);
        Assert.Equal("channel_unavailable", completion.FailureCode);
        Assert.Equal(PaymentEvents.EventId(id, PaymentEvents.Failed), harness.SingleWebhook().EventId);
    }

    [Fact]
    public async Task Close_WhileTheOrderIsQueued_WaitsForTheWorker_AndClosesThePlacedOrderBeforeTheEnd()
    {
        await using var harness = await new PaymentHarness { HoldPrepay = true }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_queued_close", LongExpiry));

        // The worker may have written the order's QR code already: nothing ends before its answer.
        await harness.Client.RaiseEventAsync(id, PaymentEvents.CloseRequested, new CloseRequest("merchant"), harness.Cancellation);
        await harness.Client.RaiseEventAsync(
            id, PaymentEvents.PrepayResult, new PrepayOutcome(true, null, null, null, OrderAtChannel: false) { ChannelOrderId = "ord_1" }, harness.Cancellation);

        Assert.Equal(PaymentStatus.Closed, await harness.WaitForStatusAsync(id));
        Assert.Equal([nameof(CloseAtChannelActivity), nameof(CompletePaymentActivity), nameof(SendWebhookActivity)], harness.Log.Names);
        Assert.Equal("ord_1", Assert.Single(harness.Log.InputsOf<ChannelOrderInput>(nameof(CloseAtChannelActivity))).ChannelOrderId);
        Assert.Equal(PaymentStatus.Closed, harness.SingleCompletion().Status);
    }

    [Fact]
    public async Task Close_WhileTheOrderIsQueued_AndNeverPlaced_ClosesNothingAtTheChannel()
    {
        await using var harness = await new PaymentHarness { HoldPrepay = true }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_queued_unplaced", LongExpiry));

        await harness.Client.RaiseEventAsync(id, PaymentEvents.CloseRequested, new CloseRequest("merchant"), harness.Cancellation);
        await harness.Client.RaiseEventAsync(id, PaymentEvents.PrepayResult, PrepayWorker.NotPlaced, harness.Cancellation);

        Assert.Equal(PaymentStatus.Closed, await harness.WaitForStatusAsync(id));
        Assert.Equal([nameof(CompletePaymentActivity), nameof(SendWebhookActivity)], harness.Log.Names);
    }

    [Fact]
    public async Task Close_AndTheWorkersAnswer_BothInBeforeTheEnqueueReturns_EndTheClosedPayment_NotAFailedOne()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await new PaymentHarness { HoldPrepay = true, EnqueueGate = gate }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_queued_both_in", LongExpiry));

        await harness.Client.RaiseEventAsync(id, PaymentEvents.CloseRequested, new CloseRequest("merchant"), harness.Cancellation);
        await harness.Client.RaiseEventAsync(id, PaymentEvents.PrepayResult, PrepayWorker.NotPlaced, harness.Cancellation);
        gate.SetResult();

        Assert.Equal(PaymentStatus.Closed, await harness.WaitForStatusAsync(id));
        Assert.Equal(PaymentStatus.Closed, harness.SingleCompletion().Status);
    }

    [Fact]
    public async Task Close_WhileTheOrderIsQueued_OfAnOrderThePayerAlreadyPaid_IsASuccess_NotALatePayment()
    {
        var paid = new ChannelPaymentEvent("4200000000000000001", ChannelTradeState.Succeeded, DateTimeOffset.UnixEpoch, 1999, "CNY");
        await using var harness = await new PaymentHarness { HoldPrepay = true, CloseOutcome = CloseOutcome.AlreadyPaid, QueryAnswer = paid }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_queued_paid", LongExpiry));

        await harness.Client.RaiseEventAsync(id, PaymentEvents.CloseRequested, new CloseRequest("merchant"), harness.Cancellation);
        await harness.Client.RaiseEventAsync(id, PaymentEvents.PrepayResult, new PrepayOutcome(true, null, null, null, OrderAtChannel: false), harness.Cancellation);

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal(PaymentStatus.Succeeded, harness.SingleCompletion().Status);
        Assert.Empty(harness.Log.InputsOf<ReconcileOrderInput>(nameof(ReconcileOrderActivity)));
    }

    [Fact]
    public async Task ASuccessRaisedFromAnAccountThePaymentIsNotPlacedAt_IsRefundedThere_AndThePaymentWaitsForItsOwn()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var input = PaymentHarness.Input("pay_otheraccount", LongExpiry);
        var id = await harness.ScheduleAsync(input);
        await harness.WaitForActivityAsync(nameof(PrepayActivity));

        await harness.Client.RaiseEventAsync(
            id,
            PaymentEvents.ChannelNotification,
            new ChannelPaymentEvent("4200000201", ChannelTradeState.Succeeded, DateTimeOffset.UtcNow, 1999, "CNY") { ChannelAccount = "backup" },
            harness.Cancellation);
        await harness.WaitForActivityAsync(nameof(ReconcileOrderActivity));
        await harness.Client.RaiseEventAsync(
            id,
            PaymentEvents.ChannelNotification,
            new ChannelPaymentEvent("4200000202", ChannelTradeState.Succeeded, DateTimeOffset.UtcNow, 1999, "CNY") { ChannelAccount = input.ChannelAccount },
            harness.Cancellation);

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        var handedOn = Assert.Single(harness.Log.InputsOf<ReconcileOrderInput>(nameof(ReconcileOrderActivity)));
        Assert.Equal(("backup", id), (handedOn.ChannelAccount, handedOn.PaymentId));
        Assert.Equal("4200000202", harness.SingleCompletion().ChannelTradeNo);
    }
}

using PayFunctions.Channels;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Orchestration;

/// <summary>Money the channel holds for a payment: captured at once, or held for the merchant's capture or release.</summary>
public sealed class AuthorizedPaymentTests
{
    private static readonly TimeSpan LongExpiry = TimeSpan.FromHours(1);
    private static readonly ChannelPaymentEvent Authorized = new("ch_auth", ChannelTradeState.Authorized, null, 1999, "CNY");

    [Fact]
    public async Task Authorized_WithAutomaticCapture_IsCapturedOnceForTheFullAmountAndSucceeds()
    {
        await using var harness = await new PaymentHarness { Prepay = _ => new PrepayOutcome(true, null, null, null, false) { ChannelOrderId = "ord_1" } }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_autocapture", LongExpiry));

        await harness.Client.RaiseEventAsync(id, PaymentEvents.ChannelNotification, Authorized, harness.Cancellation);

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        var capture = Assert.Single(harness.Log.InputsOf<CaptureInput>(nameof(CaptureAtChannelActivity)));
        Assert.Equal((1999L, "CNY", "ord_1"), (capture.Amount, capture.Currency, capture.Order.ChannelOrderId));
        Assert.Equal("ch_captured", harness.SingleCompletion().ChannelTradeNo);
        Assert.Equal(0, harness.Log.CountOf(nameof(RequireCaptureActivity)));
        Assert.Equal(PaymentEvents.Succeeded, harness.SingleWebhook().EventType);
    }

    [Fact]
    public async Task Authorized_WithManualCapture_WaitsForTheMerchantsCapture()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_manualcapture", LongExpiry) with { CaptureLater = true });

        await harness.Client.RaiseEventAsync(id, PaymentEvents.ChannelNotification, Authorized, harness.Cancellation);
        await WaitUntilAsync(harness, () => harness.Log.CountOf(nameof(RequireCaptureActivity)) == 1);
        Assert.Equal(0, harness.Log.CountOf(nameof(CaptureAtChannelActivity)));
        var required = Assert.Single(harness.Log.InputsOf<RequireCaptureInput>(nameof(RequireCaptureActivity)));
        Assert.True(required.CaptureBefore > DateTimeOffset.UtcNow + TimeSpan.FromDays(6), "a channel without a declared hold keeps it a week");

        await harness.Client.RaiseEventAsync(id, PaymentEvents.CaptureRequested, new CaptureRequest("merchant"), harness.Cancellation);

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal(1, harness.Log.CountOf(nameof(CaptureAtChannelActivity)));
        Assert.Equal(
            [PaymentEvents.RequiresCapture, PaymentEvents.Succeeded],
            harness.Log.InputsOf<WebhookInput>(nameof(SendWebhookActivity)).Select(w => w.EventType).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Authorized_WithManualCapture_ClosedByTheMerchant_ReleasesTheHold()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_released", LongExpiry) with { CaptureLater = true });

        await harness.Client.RaiseEventAsync(id, PaymentEvents.ChannelNotification, Authorized, harness.Cancellation);
        await WaitUntilAsync(harness, () => harness.Log.CountOf(nameof(RequireCaptureActivity)) == 1);
        await harness.Client.RaiseEventAsync(id, PaymentEvents.CloseRequested, new CloseRequest("merchant"), harness.Cancellation);

        Assert.Equal(PaymentStatus.Closed, await harness.WaitForStatusAsync(id));
        Assert.Equal(1, harness.Log.CountOf(nameof(CancelAtChannelActivity)));
        Assert.Equal(0, harness.Log.CountOf(nameof(CaptureAtChannelActivity)));
    }

    [Fact]
    public async Task Authorized_ForAnotherAmount_IsReleasedNotCaptured()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_wrongauth", LongExpiry));

        await harness.Client.RaiseEventAsync(id, PaymentEvents.ChannelNotification, Authorized with { Amount = 1 }, harness.Cancellation);

        Assert.Equal(PaymentStatus.Failed, await harness.WaitForStatusAsync(id));
        Assert.Equal("amount_mismatch", harness.SingleCompletion().FailureCode);
        Assert.Equal(1, harness.Log.CountOf(nameof(CancelAtChannelActivity)));
        Assert.Equal(0, harness.Log.CountOf(nameof(CaptureAtChannelActivity)));
    }

    [Fact]
    public async Task Capture_RefusedByTheChannel_ReleasesTheHoldAndFails()
    {
        await using var harness = await new PaymentHarness { CaptureAnswer = new("", ChannelTradeState.Failed, null, null, null) }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_capturerefused", LongExpiry));

        await harness.Client.RaiseEventAsync(id, PaymentEvents.ChannelNotification, Authorized, harness.Cancellation);

        Assert.Equal(PaymentStatus.Failed, await harness.WaitForStatusAsync(id));
        Assert.Equal("capture_failed", harness.SingleCompletion().FailureCode);
        Assert.Equal(1, harness.Log.CountOf(nameof(CancelAtChannelActivity)));
    }

    [Fact]
    public async Task Capture_PendingAtTheChannel_WaitsForItsCompletionInsteadOfFailing()
    {
        await using var harness = await new PaymentHarness { CaptureAnswer = new("cap_1", ChannelTradeState.Paying, null, 1999, "CNY") }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_pendingcapture", LongExpiry));

        await harness.Client.RaiseEventAsync(id, PaymentEvents.ChannelNotification, Authorized, harness.Cancellation);
        await WaitUntilAsync(harness, () => harness.Log.CountOf(nameof(CaptureAtChannelActivity)) == 1);
        await harness.Client.RaiseEventAsync(
            id, PaymentEvents.ChannelNotification, new ChannelPaymentEvent("cap_1", ChannelTradeState.Succeeded, DateTimeOffset.UnixEpoch, 1999, "CNY"), harness.Cancellation);

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal("cap_1", harness.SingleCompletion().ChannelTradeNo);
        Assert.Equal(0, harness.Log.CountOf(nameof(CancelAtChannelActivity)));
    }

    [Fact]
    public async Task Expiry_FindingAnAuthorizationWhoseNotificationWasLost_CapturesIt()
    {
        await using var harness = await new PaymentHarness { CloseOutcome = CloseOutcome.AlreadyPaid, QueryAnswer = Authorized }.StartAsync();
        var id = await harness.ScheduleAsync(PaymentHarness.Input("pay_lostauth", TimeSpan.FromSeconds(2)));

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal(1, harness.Log.CountOf(nameof(CaptureAtChannelActivity)));
        Assert.Equal(0, harness.Log.CountOf(nameof(CancelAtChannelActivity)));
    }

    private static async Task WaitUntilAsync(PaymentHarness harness, Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(50, harness.Cancellation);
        }
    }
}

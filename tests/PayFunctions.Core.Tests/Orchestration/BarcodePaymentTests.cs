using PayFunctions.Channels;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Orchestration;

/// <summary>A payment code scanned at the till: answered at once, or polled while the payer confirms, and reversed if they never do.</summary>
public sealed class BarcodePaymentTests
{
    private static readonly TimeSpan ShortWindow = TimeSpan.FromSeconds(2);
    private static readonly ChannelPaymentEvent Paying = new("", ChannelTradeState.Paying, null, null, null);
    private static readonly ChannelPaymentEvent Paid = new("4200000009", ChannelTradeState.Succeeded, DateTimeOffset.UnixEpoch, 1999, "CNY");

    [Fact]
    public async Task Paid_at_once_succeeds_without_polling()
    {
        await using var harness = await new PaymentHarness { Prepay = _ => Answered(Paid) }.StartAsync();
        var id = await harness.ScheduleAsync(Input("pay_barcodeatonce"));

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal("4200000009", harness.SingleCompletion().ChannelTradeNo);
        Assert.Equal(0, harness.Log.CountOf(nameof(QueryChannelActivity)));
    }

    [Fact]
    public async Task A_payer_confirming_is_polled_until_the_channel_says_paid()
    {
        await using var harness = await new PaymentHarness { Prepay = _ => Answered(Paying), QueryAnswers = [Paying, Paid] }.StartAsync();
        var id = await harness.ScheduleAsync(Input("pay_barcodepolled"));

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal(2, harness.Log.CountOf(nameof(QueryChannelActivity)));
        Assert.Equal(0, harness.Log.CountOf(nameof(CancelAtChannelActivity)));
    }

    [Fact]
    public async Task A_paid_answer_in_another_amount_is_not_a_success()
    {
        await using var harness = await new PaymentHarness { Prepay = _ => Answered(Paid with { Amount = 1 }) }.StartAsync();
        var id = await harness.ScheduleAsync(Input("pay_barcodemismatch"));

        Assert.Equal(PaymentStatus.Failed, await harness.WaitForStatusAsync(id));
        Assert.Equal("amount_mismatch", harness.SingleCompletion().FailureCode);
    }

    [Fact]
    public async Task A_payer_who_never_confirms_is_reversed_and_the_payment_fails()
    {
        await using var harness = await new PaymentHarness { Prepay = _ => Answered(Paying), QueryAnswer = Paying, CancelOutcome = CloseOutcome.Reversed }.StartAsync();
        var id = await harness.ScheduleAsync(Input("pay_barcodetimeout"));

        Assert.Equal(PaymentStatus.Failed, await harness.WaitForStatusAsync(id));
        Assert.Equal(new ChannelOrderInput("wechat_pay", "main", id) { MerchantId = "mch_test" }, Assert.Single(harness.Log.InputsOf<ChannelOrderInput>(nameof(CancelAtChannelActivity))));
        var completion = harness.SingleCompletion();
        Assert.Equal("payment_not_confirmed", completion.FailureCode);
        Assert.Contains("reversed", completion.FailureMessage, StringComparison.Ordinal);
        Assert.True(harness.Log.CountOf(nameof(QueryChannelActivity)) >= 2);
    }

    [Fact]
    public async Task A_confirmation_that_beats_the_reversal_is_a_sale()
    {
        await using var harness = await new PaymentHarness
        {
            Prepay = _ => Answered(Paying),
            QueryAnswer = Paying,
            QueryAnswerAfterCancel = Paid,
            CancelOutcome = CloseOutcome.AlreadyPaid,
        }.StartAsync();
        var id = await harness.ScheduleAsync(Input("pay_barcodelastsecond"));

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal(1, harness.Log.CountOf(nameof(CancelAtChannelActivity)));
    }

    [Fact]
    public async Task A_notification_during_polling_ends_the_wait()
    {
        await using var harness = await new PaymentHarness { Prepay = _ => Answered(Paying), QueryAnswer = Paying }.StartAsync();
        var id = await harness.ScheduleAsync(Input("pay_barcodenotified") with { ConfirmWindow = TimeSpan.FromSeconds(30) });

        await harness.Client.RaiseEventAsync(id, PaymentEvents.ChannelNotification, Paid, harness.Cancellation);

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        Assert.Equal(0, harness.Log.CountOf(nameof(CancelAtChannelActivity)));
    }

    private static PrepayOutcome Answered(ChannelPaymentEvent answer) => new(true, answer, null, null, OrderAtChannel: false);

    private static PaymentOrchestrationInput Input(string id) =>
        PaymentHarness.Input(id, TimeSpan.FromHours(1)) with { Method = "wechat_pay.payment_code", ConfirmWindow = ShortWindow };
}

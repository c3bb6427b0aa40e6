using PayFunctions.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Tests.Orchestration;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Checkout;

public sealed class CheckoutPaymentTests
{
    private static PaymentOrchestrationInput CheckoutInput(string id, TimeSpan expiresIn) =>
        PaymentHarness.Input(id, expiresIn) with { Method = CheckoutMethods.Name, Channel = "", ChannelAccount = "" };

    [Fact]
    public async Task Pick_RecordsTheChoice_ThenPlacesTheOrderAtThatChannelAndFollowsItToSuccess()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var id = await harness.ScheduleAsync(CheckoutInput("pay_checkoutpicked", TimeSpan.FromHours(1)));
        var payer = new PayerInput(null, null, "https://pay.example/api/checkout/x", null);

        await harness.Client.RaiseEventAsync(id, CheckoutEvents.MethodChosen, new MethodChoice("wechat_pay.native", "wechat_pay", "main", payer), harness.Cancellation);
        await harness.WaitForActivityAsync(nameof(PrepayActivity));
        await harness.Client.RaiseEventAsync(
            id, PaymentEvents.ChannelNotification, new ChannelPaymentEvent("4200000009", ChannelTradeState.Succeeded, DateTimeOffset.UtcNow, 1999, "CNY"), harness.Cancellation);

        Assert.Equal(PaymentStatus.Succeeded, await harness.WaitForStatusAsync(id));
        var chosen = Assert.Single(harness.Log.InputsOf<ChooseMethodInput>(nameof(ChooseMethodActivity)));
        Assert.Equal("wechat_pay.native", chosen.Choice.Method);
        var prepay = Assert.Single(harness.Log.InputsOf<PaymentOrchestrationInput>(nameof(PrepayActivity)));
        Assert.Equal(("wechat_pay.native", "wechat_pay", "main"), (prepay.Method, prepay.Channel, prepay.ChannelAccount));
        Assert.Equal(payer, prepay.Payer);

        // The next phase keeps the version the payment started with: its event went out with the completion.
        Assert.Equal(0, harness.RetriedDeliveries);

        // The notify endpoint checks callbacks against the orchestration's input: it names the channel now.
        var instance = await harness.Client.GetInstanceAsync(id, getInputsAndOutputs: true, harness.Cancellation);
        Assert.Equal("wechat_pay", instance!.ReadInputAs<PaymentOrchestrationInput>()!.Channel);
    }

    [Fact]
    public async Task NoPick_BeforeExpiry_ExpiresWithoutTouchingAnyChannel()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var id = await harness.ScheduleAsync(CheckoutInput("pay_checkoutexpired", TimeSpan.FromSeconds(2)));

        Assert.Equal(PaymentStatus.Expired, await harness.WaitForStatusAsync(id));
        Assert.Equal("payment_expired", harness.SingleCompletion().FailureCode);
        Assert.Equal([nameof(CompletePaymentActivity), nameof(SendWebhookActivity)], harness.Log.Names);
    }

    [Fact]
    public async Task MerchantClose_WhileThePickIsRecorded_ClosesThePayment_InsteadOfBeingLostToTheNextPhase()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await new PaymentHarness { ChooseGate = gate }.StartAsync();
        var id = await harness.ScheduleAsync(CheckoutInput("pay_checkoutboth", TimeSpan.FromHours(1)));

        await harness.Client.RaiseEventAsync(
            id, CheckoutEvents.MethodChosen, new MethodChoice("wechat_pay.native", "wechat_pay", "main", new PayerInput(null, null, null, null)), harness.Cancellation);
        await harness.WaitForActivityAsync(nameof(ChooseMethodActivity));
        await harness.Client.RaiseEventAsync(id, PaymentEvents.CloseRequested, new CloseRequest("merchant"), harness.Cancellation);
        gate.SetResult();

        Assert.Equal(PaymentStatus.Closed, await harness.WaitForStatusAsync(id));
        Assert.Equal(PaymentStatus.Closed, harness.SingleCompletion().Status);
        Assert.Equal(0, harness.Log.CountOf(nameof(PrepayActivity)));
    }

    [Fact]
    public async Task MerchantClose_BeforeAPick_ClosesWithoutTouchingAnyChannel()
    {
        await using var harness = await new PaymentHarness().StartAsync();
        var id = await harness.ScheduleAsync(CheckoutInput("pay_checkoutclosed", TimeSpan.FromHours(1)));

        await harness.Client.RaiseEventAsync(id, PaymentEvents.CloseRequested, new CloseRequest("merchant"), harness.Cancellation);

        Assert.Equal(PaymentStatus.Closed, await harness.WaitForStatusAsync(id));
        Assert.Equal(0, harness.Log.CountOf(nameof(PrepayActivity)));
        Assert.Equal(0, harness.Log.CountOf(nameof(CloseAtChannelActivity)));
    }
}

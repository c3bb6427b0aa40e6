using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Routing;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Captures an authorized order at its channel. Capturing again what was captured is the same capture at every channel
/// that declares it, so a retried call cannot take the money twice. A refusal is an answer (the capture failed); an
/// unreachable channel throws, for the orchestration to retry.
/// </summary>
public sealed class CaptureAtChannelActivity(ChannelAccountCalls calls, ChannelPayerIntake payers)
{
    public async Task<ChannelPaymentEvent> ExecuteAsync(CaptureInput input, CancellationToken cancellationToken)
    {
        var amount = new Money(input.Amount, Currency.Parse(input.Currency));
        try
        {
            var order = await calls.CallAsync(
                input.Order.Channel, input.Order.ChannelAccount, ChannelCallOperations.Capture, (channel, c) => channel.CaptureAsync(input.Order.Order, amount, c), cancellationToken);
            return await payers.EventOfAsync(order, input.Order.MerchantId, input.Order.PaymentId, cancellationToken);
        }
        catch (ChannelException e) when (!e.IsTransient)
        {
            return new ChannelPaymentEvent("", ChannelTradeState.Failed, null, null, null);
        }
    }
}

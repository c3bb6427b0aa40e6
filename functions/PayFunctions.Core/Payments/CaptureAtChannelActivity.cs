using Microsoft.DurableTask;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Captures an authorized order at its channel. Capturing again what was captured is the same capture at every channel
/// that declares it, so a retried activity cannot take the money twice. A refusal is an answer (the capture failed); an
/// unreachable channel throws, for the orchestration to retry.
/// </summary>
public sealed class CaptureAtChannelActivity(ChannelRegistry channels) : TaskActivity<CaptureInput, ChannelPaymentEvent>
{
    public override Task<ChannelPaymentEvent> RunAsync(TaskActivityContext context, CaptureInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<ChannelPaymentEvent> ExecuteAsync(CaptureInput input, CancellationToken cancellationToken)
    {
        var channel = await channels.GetAsync(input.Order.Channel, input.Order.ChannelAccount, cancellationToken);
        try
        {
            var order = await channel.CaptureAsync(input.Order.Order, new Money(input.Amount, Currency.Parse(input.Currency)), cancellationToken);
            return new ChannelPaymentEvent(order.ChannelTradeNo ?? "", order.State, order.PaidAt, order.Amount?.MinorUnits, order.Amount?.Currency.Code);
        }
        catch (ChannelException e) when (!e.IsTransient)
        {
            return new ChannelPaymentEvent("", ChannelTradeState.Failed, null, null, null);
        }
    }
}

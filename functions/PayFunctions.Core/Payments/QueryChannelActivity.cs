using Microsoft.DurableTask;
using PayFunctions.Core.Channels;

namespace PayFunctions.Core.Payments;

public sealed class QueryChannelActivity(ChannelRegistry channels) : TaskActivity<ChannelOrderInput, ChannelPaymentEvent>
{
    public override Task<ChannelPaymentEvent> RunAsync(TaskActivityContext context, ChannelOrderInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<ChannelPaymentEvent> ExecuteAsync(ChannelOrderInput input, CancellationToken cancellationToken)
    {
        var channel = await channels.GetAsync(input.Channel, input.ChannelAccount, cancellationToken);
        var order = await channel.QueryAsync(input.Order, cancellationToken);
        return new ChannelPaymentEvent(order.ChannelTradeNo ?? "", order.State, order.PaidAt, order.Amount?.MinorUnits, order.Amount?.Currency.Code);
    }
}

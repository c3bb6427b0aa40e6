using Microsoft.DurableTask;
using PayFunctions.Core.Routing;

namespace PayFunctions.Core.Payments;

public sealed class QueryChannelActivity(ChannelAccountCalls calls) : TaskActivity<ChannelOrderInput, ChannelPaymentEvent>
{
    public override Task<ChannelPaymentEvent> RunAsync(TaskActivityContext context, ChannelOrderInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<ChannelPaymentEvent> ExecuteAsync(ChannelOrderInput input, CancellationToken cancellationToken)
    {
        var order = await calls.CallAsync(input.Channel, input.ChannelAccount, "query", (channel, c) => channel.QueryAsync(input.Order, c), cancellationToken);
        return new ChannelPaymentEvent(order.ChannelTradeNo ?? "", order.State, order.PaidAt, order.Amount?.MinorUnits, order.Amount?.Currency.Code);
    }
}

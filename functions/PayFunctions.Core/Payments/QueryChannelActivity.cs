using PayFunctions.Core.Channels;
using PayFunctions.Core.Routing;

namespace PayFunctions.Core.Payments;

/// <summary>Asks the channel what became of an order, as a statement the orchestration can act on.</summary>
public sealed class QueryChannelActivity(ChannelAccountCalls calls, ChannelPayerIntake payers)
{
    public async Task<ChannelPaymentEvent> ExecuteAsync(ChannelOrderInput input, CancellationToken cancellationToken)
    {
        var order = await calls.CallAsync(input.Channel, input.ChannelAccount, ChannelCallOperations.Query, (channel, c) => channel.QueryAsync(input.Order, c), cancellationToken);
        return await payers.EventOfAsync(order, input.MerchantId, input.PaymentId, cancellationToken);
    }
}

using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Routing;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Ends an unpaid order at its channel. A channel that cannot close (its orders lapse at the expiry the
/// order was placed with) is asked instead what became of the order, so that expiry still settles it: money
/// it holds for a capture counts as paid, so the payment follows the authorization rather than letting it lapse.
/// </summary>
public sealed class CloseAtChannelActivity(ChannelAccountCalls calls)
{
    public async Task<CloseOutcome> ExecuteAsync(ChannelOrderInput input, CancellationToken cancellationToken)
    {
        if (ChannelRegistry.Module(input.Channel).Capabilities.Supports(ChannelOperations.Close))
        {
            return await calls.CallAsync(input.Channel, input.ChannelAccount, ChannelCallOperations.Close, (channel, c) => channel.CloseAsync(input.Order, c), cancellationToken);
        }

        // The payer still paying is no failure of the account: it is told apart only after the pipeline answered.
        var order = await calls.CallAsync(input.Channel, input.ChannelAccount, ChannelCallOperations.Query, (channel, c) => channel.QueryAsync(input.Order, c), cancellationToken);
        return order.State switch
        {
            ChannelTradeState.Succeeded or ChannelTradeState.Refunded or ChannelTradeState.Authorized => CloseOutcome.AlreadyPaid,
            ChannelTradeState.Paying => throw new ChannelException(
                "The payer is still completing the payment; ask again once it has an outcome.", "USER_PAYING", null, isTransient: true),
            _ => CloseOutcome.Closed,
        };
    }
}

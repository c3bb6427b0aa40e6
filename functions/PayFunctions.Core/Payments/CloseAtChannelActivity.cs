using Microsoft.DurableTask;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Ends an unpaid order at its channel. A channel that cannot close (its orders lapse at the expiry the
/// order was placed with) is asked instead what became of the order, so that expiry still settles it: money
/// it holds for a capture counts as paid, so the payment follows the authorization rather than letting it lapse.
/// </summary>
public sealed class CloseAtChannelActivity(ChannelRegistry channels) : TaskActivity<ChannelOrderInput, CloseOutcome>
{
    public override Task<CloseOutcome> RunAsync(TaskActivityContext context, ChannelOrderInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<CloseOutcome> ExecuteAsync(ChannelOrderInput input, CancellationToken cancellationToken)
    {
        var channel = await channels.GetAsync(input.Channel, input.ChannelAccount, cancellationToken);
        if (ChannelRegistry.Module(input.Channel).Capabilities.Supports(ChannelOperations.Close))
        {
            return await channel.CloseAsync(input.Order, cancellationToken);
        }

        var order = await channel.QueryAsync(input.Order, cancellationToken);
        return order.State switch
        {
            ChannelTradeState.Succeeded or ChannelTradeState.Refunded or ChannelTradeState.Authorized => CloseOutcome.AlreadyPaid,
            ChannelTradeState.Paying => throw new ChannelException(
                "The payer is still completing the payment; ask again once it has an outcome.", "USER_PAYING", null, isTransient: true),
            _ => CloseOutcome.Closed,
        };
    }
}

using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Routing;

namespace PayFunctions.Core.Payments;

/// <summary>Cancels (reverses) an order at the channel whatever its state: closed if unpaid, refunded if paid.</summary>
public sealed class CancelAtChannelActivity(ChannelAccountCalls calls)
{
    public async Task<CloseOutcome> ExecuteAsync(ChannelOrderInput input, CancellationToken cancellationToken)
    {
        return await calls.CallAsync(input.Channel, input.ChannelAccount, ChannelCallOperations.Cancel, (channel, c) => channel.CancelAsync(input.Order, c), cancellationToken);
    }
}

using Microsoft.DurableTask;
using PayFunctions.Channels;
using PayFunctions.Core.Routing;

namespace PayFunctions.Core.Payments;

/// <summary>Cancels (reverses) an order at the channel whatever its state: closed if unpaid, refunded if paid.</summary>
public sealed class CancelAtChannelActivity(ChannelAccountCalls calls) : TaskActivity<ChannelOrderInput, CloseOutcome>
{
    public override Task<CloseOutcome> RunAsync(TaskActivityContext context, ChannelOrderInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<CloseOutcome> ExecuteAsync(ChannelOrderInput input, CancellationToken cancellationToken)
    {
        return await calls.CallAsync(input.Channel, input.ChannelAccount, "cancel", (channel, c) => channel.CancelAsync(input.Order, c), cancellationToken);
    }
}

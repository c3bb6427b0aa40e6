using Microsoft.DurableTask;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;

namespace PayFunctions.Core.Payments;

/// <summary>Cancels (reverses) an order at the channel whatever its state: closed if unpaid, refunded if paid.</summary>
public sealed class CancelAtChannelActivity(ChannelRegistry channels) : TaskActivity<ChannelOrderInput, CloseOutcome>
{
    public override Task<CloseOutcome> RunAsync(TaskActivityContext context, ChannelOrderInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<CloseOutcome> ExecuteAsync(ChannelOrderInput input, CancellationToken cancellationToken)
    {
        var channel = await channels.GetAsync(input.Channel, input.ChannelAccount, cancellationToken);
        return await channel.CancelAsync(input.Order, cancellationToken);
    }
}

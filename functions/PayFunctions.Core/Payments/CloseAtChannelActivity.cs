using Microsoft.DurableTask;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;

namespace PayFunctions.Core.Payments;

public sealed class CloseAtChannelActivity(ChannelRegistry channels) : TaskActivity<ChannelOrderInput, CloseOutcome>
{
    public override Task<CloseOutcome> RunAsync(TaskActivityContext context, ChannelOrderInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<CloseOutcome> ExecuteAsync(ChannelOrderInput input, CancellationToken cancellationToken)
    {
        var channel = await channels.GetAsync(input.Channel, input.ChannelAccount, cancellationToken);
        return await channel.CloseAsync(input.PaymentId, cancellationToken);
    }
}

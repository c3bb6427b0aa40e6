using Microsoft.DurableTask;

namespace PayFunctions.Core.Channels;

/// <summary>
/// Puts an orchestration's channel call on its channel's queue. The message id comes from the call id, which is
/// deterministic, so a replayed enqueue is a duplicate Service Bus drops; on Storage queues a repeated call is the
/// same request at the channel (the same order or refund number) and its second answer is never waited for.
/// </summary>
public sealed class EnqueueChannelCallActivity(IChannelWorkQueue work) : TaskActivity<ChannelCallRequest, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, ChannelCallRequest input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(ChannelCallRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await work.EnqueueAsync(
            new ChannelWorkItem(ChannelWorkItem.CallChannel, input.Channel, input.ChannelAccount, "", "") { Call = input }, cancellationToken);
        return true;
    }
}

namespace PayFunctions.Core.Channels;

public interface IChannelWorkQueue
{
    Task EnqueueAsync(ChannelWorkItem item, CancellationToken cancellationToken);
}

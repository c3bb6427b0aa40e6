namespace PayFunctions.Core.ChannelWork;

public interface IChannelWorkQueue
{
    Task EnqueueAsync(ChannelWorkItem item, CancellationToken cancellationToken);
}

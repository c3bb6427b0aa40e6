namespace PayFunctions.Core.Channels;

public interface IChannelWorkQueue
{
    Task EnqueueAsync(ChannelWorkItem item, CancellationToken cancellationToken);

    /// <summary>Puts <paramref name="item"/> on its queue to be seen only after <paramref name="delay"/>: a retry's backoff.</summary>
    Task EnqueueAsync(ChannelWorkItem item, TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>What became of one message of channel work.</summary>
public enum ChannelWorkVerdict
{
    /// <summary>Done, or handed on as a new message: the message is removed.</summary>
    Done,

    /// <summary>It can never succeed (malformed, or naming what does not exist): set aside for an operator, not retried.</summary>
    Rejected,
}

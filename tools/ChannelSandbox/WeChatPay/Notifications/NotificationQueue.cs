using System.Threading.Channels;

namespace ChannelSandbox.WeChatPay.Notifications;

/// <summary>Hands deliveries to the background worker so no API call ever waits on the merchant's server.</summary>
public sealed class NotificationQueue
{
    private readonly Channel<NotificationJob> _jobs = Channel.CreateUnbounded<NotificationJob>();

    public ChannelReader<NotificationJob> Reader => _jobs.Reader;

    public void Enqueue(NotificationJob job)
    {
        if (!_jobs.Writer.TryWrite(job))
        {
            throw new InvalidOperationException("The notification queue is closed.");
        }
    }
}

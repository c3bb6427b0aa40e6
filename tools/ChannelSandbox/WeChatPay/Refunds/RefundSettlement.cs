using System.Threading.Channels;
using ChannelSandbox.WeChatPay.Notifications;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.WeChatPay.Refunds;

/// <summary>
/// Ends refunds when they are due and queues their result notification. A query of a due refund ends it too, so
/// what the API answers never depends on when the background loop ran.
/// </summary>
public sealed class RefundSettlement(
    NotificationFactory notifications,
    NotificationQueue queue,
    IOptions<WeChatPayIdentity> identity,
    TimeProvider time)
{
    private readonly Channel<Refund> _pending = Channel.CreateUnbounded<Refund>();

    public ChannelReader<Refund> Pending => _pending.Reader;

    public void Schedule(Refund refund) => _pending.Writer.TryWrite(refund);

    /// <summary>Ends the refund if it is due (or at once as ABNORMAL when <paramref name="failNow"/>), notifying the merchant.</summary>
    public void Settle(Refund refund, bool failNow = false)
    {
        var now = time.GetUtcNow();
        if (refund.TryEnd(now, failNow, identity.Value.MchId, notifications.CreateRefund) && refund.Notification is { } message)
        {
            queue.Enqueue(new NotificationJob(refund, message, now, "refund", RetriesDone: 0));
        }
    }
}

/// <summary>Waits for each scheduled refund to fall due and settles it.</summary>
public sealed class RefundSettlementWorker(RefundSettlement settlement, TimeProvider time, ILogger<RefundSettlementWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var refund in settlement.Pending.ReadAllAsync(stoppingToken))
        {
            _ = SettleWhenDueAsync(refund, stoppingToken);
        }
    }

    private async Task SettleWhenDueAsync(Refund refund, CancellationToken stoppingToken)
    {
        try
        {
            // A timer may fire a little before the wall clock reaches the due time; the refund only ends once it has.
            TimeSpan wait;
            while ((wait = refund.DueAt - time.GetUtcNow()) > TimeSpan.Zero)
            {
                await Task.Delay(wait + TimeSpan.FromMilliseconds(1), time, stoppingToken);
            }

            settlement.Settle(refund);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Refund {OutRefundNo}: stopped with the sandbox", refund.Request.OutRefundNo);
        }
    }
}

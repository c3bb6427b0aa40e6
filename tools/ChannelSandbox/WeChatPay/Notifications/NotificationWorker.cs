using Microsoft.Extensions.Options;

namespace ChannelSandbox.WeChatPay.Notifications;

/// <summary>
/// Delivers queued notifications, each job on its own task so that a slow or dead merchant endpoint
/// delays nothing else, and re-queues an unacknowledged payment or refund notification after the next configured delay.
/// </summary>
public sealed class NotificationWorker(
    NotificationQueue queue,
    NotificationSender sender,
    IOptions<SandboxOptions> options,
    TimeProvider time,
    ILogger<NotificationWorker> logger) : BackgroundService
{
    private readonly IReadOnlyList<TimeSpan> _retryDelays = options.Value.RetryDelays();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            _ = RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(NotificationJob job, CancellationToken stoppingToken)
    {
        try
        {
            var wait = job.NotBefore - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            var acknowledged = false;
            for (var i = 0; i < job.Repeat; i++)
            {
                acknowledged = await sender.SendAsync(job.Target, job.Message, job.Reason, stoppingToken);
            }

            if (!acknowledged && job.RetriesDone is { } done && done < _retryDelays.Count)
            {
                queue.Enqueue(job with
                {
                    NotBefore = time.GetUtcNow() + _retryDelays[done],
                    Reason = $"retry {done + 1}",
                    RetriesDone = done + 1,
                });
            }
            else if (!acknowledged && job.RetriesDone is not null)
            {
                logger.LogWarning("Notify {OutTradeNo}: gave up after {Retries} retries", job.Target.Label, job.RetriesDone);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Notify {OutTradeNo}: stopped with the sandbox", job.Target.Label);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Notify {OutTradeNo}: delivery failed unexpectedly", job.Target.Label);
        }
    }
}

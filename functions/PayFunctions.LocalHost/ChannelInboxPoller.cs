using Microsoft.DurableTask.Client;
using PayFunctions.Core.Channels;

namespace PayFunctions.LocalHost;

/// <summary>
/// LocalHost's stand-in for the Functions timer that sweeps the channel inbox: every two seconds, reads the files
/// channels dropped there. A sweep that fails is logged and the next one reads the files again.
/// </summary>
public sealed partial class ChannelInboxPoller(ChannelInbox inbox, DurableTaskClient durable, TimeProvider time, ILogger<ChannelInboxPoller> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await inbox.SweepAsync(durable, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 9257, Level = LogLevel.Error, Message = "Channel inbox sweep failed; the next sweep reads the files again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}

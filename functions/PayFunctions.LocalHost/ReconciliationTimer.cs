using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Reconciliation;

namespace PayFunctions.LocalHost;

/// <summary>LocalHost's stand-in for the Functions timer trigger: at 11:00 in the reconciliation zone, reconciles yesterday's statements.</summary>
public sealed partial class ReconciliationTimer(
    DurableTaskClient durable, ReconciliationScheduler scheduler, IOptions<ReconciliationOptions> options, TimeProvider time, ILogger<ReconciliationTimer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.Zone);
            var next = now.Date + ReconciliationScheduler.DailyRunAt;
            if (next <= now.DateTime)
            {
                next = next.AddDays(1);
            }

            await Task.Delay(next - now.DateTime, time, stoppingToken);
            LogStarted(logger, (await scheduler.RunDailyAsync(durable, stoppingToken)).Count);
        }
    }

    [LoggerMessage(EventId = 9602, Level = LogLevel.Information, Message = "Daily reconciliation started for {Accounts} channel accounts")]
    private static partial void LogStarted(ILogger logger, int accounts);
}

using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Settlements;

namespace PayFunctions.LocalHost;

/// <summary>LocalHost's stand-in for the Functions timer trigger: at 00:30 in the settlement zone, settles every day not yet settled.</summary>
public sealed class SettlementTimer(DurableTaskClient durable, SettlementScheduler scheduler, IOptions<SettlementOptions> options, TimeProvider time, ILogger<SettlementTimer> logger)
    : BackgroundService
{
    private static readonly TimeSpan RunAt = new(0, 30, 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.Zone);
            var next = now.Date + RunAt;
            if (next <= now.DateTime)
            {
                next = next.AddDays(1);
            }

            await Task.Delay(next - now.DateTime, time, stoppingToken);
            var instanceId = await scheduler.CatchUpAsync(durable, stoppingToken);
            logger.LogInformation("Daily settlement {InstanceId} started", instanceId ?? "(nothing to settle)");
        }
    }
}

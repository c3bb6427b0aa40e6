using Microsoft.Extensions.Options;
using PayFunctions.Core.Aml;

namespace PayFunctions.LocalHost;

/// <summary>LocalHost's stand-in for the Functions timer trigger: at 02:00 in the monitoring zone, reports yesterday.</summary>
public sealed partial class AmlReportTimer(AmlScheduler scheduler, IOptions<AmlOptions> options, TimeProvider time, ILogger<AmlReportTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.Zone);
            var next = now.Date + AmlScheduler.DailyRunAt;
            if (next <= now.DateTime)
            {
                next = next.AddDays(1);
            }

            await Task.Delay(next - now.DateTime, time, stoppingToken);
            LogReported(logger, (await scheduler.RunDailyAsync(stoppingToken)).Day);
        }
    }

    [LoggerMessage(EventId = 9603, Level = LogLevel.Information, Message = "Anti-money-laundering reports written for {Day}")]
    private static partial void LogReported(ILogger logger, string day);
}

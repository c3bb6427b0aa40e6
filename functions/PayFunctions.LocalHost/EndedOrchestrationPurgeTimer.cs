using Grpc.Core;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Orchestration;

namespace PayFunctions.LocalHost;

/// <summary>LocalHost's stand-in for the Functions timer trigger: every hour, purges the orchestrations that ended past their retention.</summary>
public sealed partial class EndedOrchestrationPurgeTimer(
    DurableTaskClient durable, EndedOrchestrationPurge purge, TimeProvider time, ILogger<EndedOrchestrationPurgeTimer> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Every, time, stoppingToken);
            try
            {
                await purge.PurgeAsync(durable, stoppingToken);
            }
            catch (RpcException e) when (!stoppingToken.IsCancellationRequested)
            {
                // A failed sweep deletes nothing it should not; the next hour's sweep covers the same instances.
                LogPurgeFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 9302, Level = LogLevel.Warning, Message = "Purging ended orchestrations failed; the next sweep retries")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}

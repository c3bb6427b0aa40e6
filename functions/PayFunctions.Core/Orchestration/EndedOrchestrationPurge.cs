using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PayFunctions.Core.Orchestration;

/// <summary>
/// Deletes the instance and history rows of orchestrations that ended more than the retention after
/// they were created. Without it every payment leaves its history in the task hub for ever, and the
/// engine's storage grows with every payment ever made instead of with the payments in flight.
/// Running orchestrations are never touched, whatever their age.
/// </summary>
public sealed partial class EndedOrchestrationPurge(IOptions<DurableOptions> options, TimeProvider time, ILogger<EndedOrchestrationPurge> logger)
{
    public static IReadOnlyList<OrchestrationRuntimeStatus> Ended { get; } =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <returns>How many instances were purged.</returns>
    public async Task<int> PurgeAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var createdBefore = time.GetUtcNow() - options.Value.EndedRetention;

        // The gRPC sidecar LocalHost runs fails on a filter without a start, so the start is explicit.
        var filter = new PurgeInstancesFilter(CreatedFrom: DateTimeOffset.UnixEpoch, CreatedTo: createdBefore, Statuses: Ended);
        var result = await durable.PurgeAllInstancesAsync(filter, cancellationToken);
        LogPurged(logger, result.PurgedInstanceCount, createdBefore);
        return result.PurgedInstanceCount;
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Purged {Count} ended orchestrations created before {CreatedBefore}")]
    private static partial void LogPurged(ILogger logger, int count, DateTimeOffset createdBefore);
}

using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Channels;

namespace PayFunctions.Core.Reconciliation;

/// <summary>Starts reconciliation runs: the daily run of yesterday for every account that serves statements, and an operator's run of one day.</summary>
public sealed class ReconciliationScheduler(ChannelRegistry registry, IOptions<ReconciliationOptions> options, TimeProvider time, AuditLog audit)
{
    /// <summary>The daily run starts at 11:00 in the reconciliation zone: the latest of the channels publishes a day's statement from 10:00 the next day.</summary>
    public static readonly TimeSpan DailyRunAt = TimeSpan.FromHours(11);

    /// <summary>No run is asked for before this: nothing was booked then, and it keeps date arithmetic far from its limits.</summary>
    public static readonly DateOnly EarliestDay = new(2000, 1, 1);

    /// <summary>Today in the reconciliation zone: the latest day a run may be asked for (the channel says whether its statement is ready).</summary>
    public DateOnly Today => options.Value.DayOf(time.GetUtcNow());

    /// <summary>Whether the platform downloads the channel's statements, its module reads them, and the account is configured.</summary>
    public bool ServesStatements(string channel, string account) =>
        ChannelRegistry.IsKnown(channel) && ChannelRegistry.Module(channel) is IChannelStatementFormat
        && ChannelRegistry.Module(channel).Capabilities.Supports(ChannelOperations.StatementDownload) && registry.AccountsOf(channel).Contains(account);

    /// <summary>Runs one account's day as a new orchestration instance and waits for it; a day can always be run again.</summary>
    public async Task<ReconciliationRunEntity> RunAsync(DurableTaskClient durable, string channel, string account, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var instanceId = ReconciliationIds.Run(channel, account, day) + "_" + Guid.NewGuid().ToString("N")[..12];
        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(ReconciliationOrchestrator), Input(channel, account, day), new StartOrchestrationOptions(instanceId), cancellationToken);
        var done = await durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return done.RuntimeStatus == OrchestrationRuntimeStatus.Completed && done.ReadOutputAs<ReconciliationRunEntity>() is { } run
            ? run
            : throw new InvalidOperationException($"Reconciliation {instanceId} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
    }

    /// <summary>
    /// The daily run: yesterday's statement of every account that serves one, each its own orchestration under an id
    /// of its day, so a second trigger on the same day starts nothing twice. Returns the instances started.
    /// </summary>
    public async Task<IReadOnlyList<string>> RunDailyAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var day = Today.AddDays(-1);
        var started = new List<string>();
        foreach (var channel in ChannelRegistry.ChannelNames)
        {
            foreach (var account in registry.AccountsOf(channel).Where(a => ServesStatements(channel, a)))
            {
                var instanceId = ReconciliationIds.Run(channel, account, day) + "_daily";
                if (await durable.GetInstanceAsync(instanceId, cancellationToken) is null)
                {
                    await durable.ScheduleNewOrchestrationInstanceAsync(
                        nameof(ReconciliationOrchestrator), Input(channel, account, day), new StartOrchestrationOptions(instanceId), cancellationToken);
                    started.Add(instanceId);
                }
            }
        }

        if (started.Count > 0)
        {
            await audit.AppendAsync(new AuditEvent(
                AuditEventTypes.ReconciliationRun,
                AuditActors.System,
                ReconciliationIds.Format(day),
                new Dictionary<string, object?> { ["day"] = Format(day), ["accounts"] = started.Count }));
        }

        return started;
    }

    private static ReconciliationRunInput Input(string channel, string account, DateOnly day) => new(channel, account, Format(day));

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

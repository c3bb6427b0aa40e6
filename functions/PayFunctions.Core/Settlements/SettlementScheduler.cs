using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Audit;
using PayFunctions.Domain;

namespace PayFunctions.Core.Settlements;

/// <summary>Decides which days may be settled and starts their batches; the timer trigger and the operator endpoint share it.</summary>
public sealed class SettlementScheduler(IOptions<SettlementOptions> options, TimeProvider time, SettlementDayStore days, AuditLog audit)
{
    /// <summary>No batch is asked for before this: nothing was posted then, and it keeps date arithmetic far from its limits.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>When the batch of <paramref name="date"/> may start: its cut-off plus the grace.</summary>
    public DateTimeOffset OpensAt(DateOnly date) => SettlementCutoff.For(date, options.Value.Zone).CutoffUtc + options.Value.CutoffGrace;

    /// <summary>Whether the cut-off of <paramref name="date"/> (plus the grace) has passed.</summary>
    public bool CanSettle(DateOnly date)
    {
        var now = time.GetUtcNow();

        // A day after today's local date has its cut-off in the future; deciding that first keeps far dates out of the arithmetic.
        return date >= EarliestDate && date <= LocalDate(now) && OpensAt(date) <= now;
    }

    /// <summary>The most recent day whose batch may run now.</summary>
    public DateOnly LatestSettleableDate()
    {
        var day = LocalDate(time.GetUtcNow());
        while (!CanSettle(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>Runs one day's batch as a new orchestration instance and waits for it; a day can always be run again.</summary>
    public async Task<(string InstanceId, SettlementDayResult Result)> RunDayAsync(DurableTaskClient durable, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var instanceId = SettlementInstances.ForDay(date, SettlementInstances.NewAttempt());
        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(SettlementOrchestrator), new SettlementInput(Format(date)), new StartOrchestrationOptions(instanceId), cancellationToken);
        var done = await durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return done.RuntimeStatus == OrchestrationRuntimeStatus.Completed && done.ReadOutputAs<SettlementDayResult>() is { } result
            ? (instanceId, result)
            : throw new InvalidOperationException($"Settlement {instanceId} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
    }

    /// <summary>
    /// The daily run: every day not yet settled up to the latest settleable one, oldest first, in one orchestration.
    /// The days are recorded as scheduled before it starts, so a run that never starts is picked up the next day.
    /// Returns the instance id, or null when there is nothing to do.
    /// </summary>
    public async Task<string?> CatchUpAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var latest = LatestSettleableDate();
        var toRun = await days.DaysToRunAsync(latest, cancellationToken);
        if (toRun.Count == 0)
        {
            return null;
        }

        await days.ScheduleAsync(toRun, latest, time.GetUtcNow(), cancellationToken);
        var instanceId = SettlementInstances.ForCatchUp(latest, SettlementInstances.NewAttempt());
        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(SettlementCatchUpOrchestrator),
            new SettlementCatchUpInput([.. toRun.Select(Format)]),
            new StartOrchestrationOptions(instanceId),
            cancellationToken);
        await audit.AppendAsync(new AuditEvent(
            AuditEventTypes.SettlementRun,
            AuditActors.System,
            instanceId,
            new Dictionary<string, object?> { ["days"] = toRun.Count, ["through"] = Format(latest) }));
        return instanceId;
    }

    private DateOnly LocalDate(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, options.Value.Zone).DateTime);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Configuration;

namespace PayFunctions.Core.Orchestration;

/// <summary>Starts one settlement orchestration per day; the timer trigger and the admin endpoint share it.</summary>
public sealed class SettlementScheduler(IOptions<SettlementOptions> options, TimeProvider time)
{
    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.Zone).DateTime);

    public async Task<string> StartAsync(DurableTaskClient durable, DateOnly? date, CancellationToken cancellationToken)
    {
        var day = date ?? Today();
        var instanceId = SettlementInstances.IdFor(day);
        if (await durable.GetInstanceAsync(instanceId, cancellationToken) is null)
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                nameof(SettlementOrchestrator),
                new SettlementInput(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new StartOrchestrationOptions(instanceId),
                cancellationToken);
        }

        return instanceId;
    }

    public async Task<(string InstanceId, int Recorded)> RunAsync(DurableTaskClient durable, DateOnly? date, CancellationToken cancellationToken)
    {
        var instanceId = await StartAsync(durable, date, cancellationToken);
        var done = await durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return (instanceId, done.ReadOutputAs<int>());
    }
}

using System.Globalization;
using Microsoft.DurableTask;

namespace PayFunctions.Core.Settlements;

/// <summary>
/// The daily run: settles each day not yet settled, oldest first, one <see cref="SettlementOrchestrator"/> per day,
/// so a missed day is paid as its own day before the days after it. A day that fails does not stop the next.
/// </summary>
public sealed class SettlementCatchUpOrchestrator : TaskOrchestrator<SettlementCatchUpInput, List<SettlementDayResult>>
{
    public override async Task<List<SettlementDayResult>> RunAsync(TaskOrchestrationContext context, SettlementCatchUpInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var results = new List<SettlementDayResult>();
        foreach (var date in input.SettlementDates)
        {
            var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            try
            {
                results.Add(await context.CallSubOrchestratorAsync<SettlementDayResult>(
                    nameof(SettlementOrchestrator),
                    new SettlementInput(date),
                    new SubOrchestrationOptions { InstanceId = SettlementInstances.DayOf(context.InstanceId, day) }));
            }
            catch (TaskFailedException e)
            {
                results.Add(new SettlementDayResult(date, SettlementDayStatus.Failed, 0, 0, [new SettlementFailure("", "", e.Message)]));
            }
        }

        return results;
    }
}

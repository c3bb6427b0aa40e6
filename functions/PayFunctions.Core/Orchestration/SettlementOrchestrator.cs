using Microsoft.DurableTask;

namespace PayFunctions.Core.Orchestration;

/// <summary>The daily T+1 batch: plan each receiver's unpaid balance at the cut-off, then record each settlement.</summary>
public sealed class SettlementOrchestrator : TaskOrchestrator<SettlementInput, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, SettlementInput input)
    {
        var plan = await context.CallActivityAsync<List<SettlementPlanItem>>(nameof(PlanSettlementActivity), input);
        foreach (var item in plan)
        {
            await context.CallActivityAsync(nameof(RecordSettlementActivity), item);
        }

        return plan.Count;
    }
}

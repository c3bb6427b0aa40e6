using Microsoft.DurableTask;

namespace PayFunctions.Core.Settlements;

/// <summary>
/// One day's batch: list the accounts with something owed, settle each (a few at a time), and record how the day
/// ended. An account that still fails after its retries is reported in the output and does not stop the others;
/// the day can be run again, and only what is still owed is paid. An account whose payouts are held is reported and
/// left owed.
/// </summary>
public sealed class SettlementOrchestrator : TaskOrchestrator<SettlementInput, SettlementDayResult>
{
    private const int Parallelism = 8;

    // A day that still fails after these is reported and run again (the daily run retries it), so retries stay short.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    public override async Task<SettlementDayResult> RunAsync(TaskOrchestrationContext context, SettlementInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        SettlementDayResult result;
        try
        {
            var plan = await context.CallActivityAsync<List<SettlementPlanItem>>(nameof(PlanSettlementActivity), input, Retry);
            var failed = new List<SettlementFailure>();
            var recorded = 0;
            var held = plan.Where(item => item.PayoutsHeld).Select(item => new SettlementHeld(item.AccountId, item.Currency)).ToList();
            foreach (var chunk in plan.Where(item => !item.PayoutsHeld).Chunk(Parallelism))
            {
                foreach (var (item, outcome, error) in await Task.WhenAll(chunk.Select(item => RecordAsync(context, item))))
                {
                    if (error is not null)
                    {
                        failed.Add(new SettlementFailure(item.AccountId, item.Currency, error));
                    }
                    else if (outcome!.Result == SettlementRecordResults.Settled)
                    {
                        recorded++;
                    }
                }
            }

            result = new SettlementDayResult(
                input.SettlementDate, failed.Count == 0 ? SettlementDayStatus.Completed : SettlementDayStatus.Partial, plan.Count, recorded, failed, held);
        }
        catch (TaskFailedException e)
        {
            result = new SettlementDayResult(
                input.SettlementDate, SettlementDayStatus.Failed, 0, 0, [new SettlementFailure("", "", Describe(e))]);
        }

        await context.CallActivityAsync(nameof(CompleteSettlementDayActivity), result, Retry);
        return result;
    }

    private static async Task<(SettlementPlanItem Item, SettlementRecordResult? Outcome, string? Error)> RecordAsync(
        TaskOrchestrationContext context, SettlementPlanItem item)
    {
        try
        {
            return (item, await context.CallActivityAsync<SettlementRecordResult>(nameof(RecordSettlementActivity), item, Retry), null);
        }
        catch (TaskFailedException e)
        {
            return (item, null, Describe(e));
        }
    }

    private static string Describe(TaskFailedException e) =>
        e.FailureDetails is { } details ? details.ErrorType + ": " + details.ErrorMessage : e.Message;
}

using Microsoft.DurableTask;

namespace PayFunctions.Core.Settlements;

/// <summary>Records how a run of a day ended, so the daily run knows which days still need settling.</summary>
public sealed class CompleteSettlementDayActivity(SettlementDayStore days, TimeProvider time) : TaskActivity<SettlementDayResult, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, SettlementDayResult input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(SettlementDayResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await days.CompleteAsync(
            new SettlementDayEntity
            {
                RowKey = result.SettlementDate,
                Status = result.Status,
                Accounts = result.Accounts,
                Recorded = result.Recorded,
                Failed = result.Failed.Count,
                Held = result.Held?.Count ?? 0,
                UpdatedAt = time.GetUtcNow(),
            },
            cancellationToken);
        return true;
    }
}

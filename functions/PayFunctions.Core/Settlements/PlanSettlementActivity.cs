using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Screening;
using PayFunctions.Domain;

namespace PayFunctions.Core.Settlements;

/// <summary>
/// Lists the accounts the day's batch must consider: those in the index of accounts with something owed, never a ledger
/// scan, each marked when a sanctions screening hit holds its payouts.
/// </summary>
public sealed class PlanSettlementActivity(SettlementDueIndex due, PayoutBlocks blocks, IOptions<SettlementOptions> options)
    : TaskActivity<SettlementInput, List<SettlementPlanItem>>
{
    public override Task<List<SettlementPlanItem>> RunAsync(TaskActivityContext context, SettlementInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<List<SettlementPlanItem>> ExecuteAsync(SettlementInput input, CancellationToken cancellationToken)
    {
        var date = DateOnly.ParseExact(input.SettlementDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cutoff = SettlementCutoff.For(date, options.Value.Zone);
        var accounts = await due.ListAsync(cancellationToken);
        var held = await blocks.CurrentAsync(cancellationToken);
        return
        [
            .. accounts.Select(a => new SettlementPlanItem(
                SettlementPlanner.SettlementId(date, a.AccountId, Currency.Parse(a.Currency)),
                a.AccountId,
                a.Currency,
                input.SettlementDate,
                cutoff.CutoffUtc,
                held.Contains(a.AccountId))),
        ];
    }
}

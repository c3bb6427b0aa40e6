using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Configuration;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Orchestration;

public sealed class PlanSettlementActivity(LedgerStore ledger, IOptions<SettlementOptions> options)
    : TaskActivity<SettlementInput, List<SettlementPlanItem>>
{
    public override Task<List<SettlementPlanItem>> RunAsync(TaskActivityContext context, SettlementInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<List<SettlementPlanItem>> ExecuteAsync(SettlementInput input, CancellationToken cancellationToken)
    {
        var date = DateOnly.ParseExact(input.SettlementDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cutoff = SettlementCutoff.For(date, options.Value.Zone);
        var entries = await ledger.ReadAllAsync(cancellationToken);
        return
        [
            .. SettlementPlanner.Plan(entries, cutoff).Select(line => new SettlementPlanItem(
                SettlementPlanner.SettlementId(date, line.AccountId, line.Amount.Currency),
                line.AccountId,
                line.Amount.MinorUnits,
                line.Amount.Currency.Code,
                input.SettlementDate,
                cutoff.CutoffUtc)),
        ];
    }
}

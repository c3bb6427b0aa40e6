using Microsoft.DurableTask;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Orchestration;

/// <summary>Posts the settlement to the ledger and records it; both keyed by the settlement id, so a re-run adds nothing.</summary>
public sealed class RecordSettlementActivity(LedgerStore ledger, SettlementStore settlements, TimeProvider time)
    : TaskActivity<SettlementPlanItem, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, SettlementPlanItem input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(SettlementPlanItem item, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entryId = "je_" + item.SettlementId;
        var amount = new Money(item.Amount, Currency.Parse(item.Currency));
        await ledger.PostAsync(Postings.Settlement(entryId, item.SettlementId, item.AccountId, amount, now), cancellationToken);
        await settlements.RecordAsync(
            new SettlementEntity
            {
                PartitionKey = item.AccountId,
                RowKey = item.SettlementId,
                SettlementDate = item.SettlementDate,
                CutoffUtc = item.CutoffUtc,
                Amount = item.Amount,
                Currency = item.Currency,
                JournalEntryId = entryId,
                CreatedAt = now,
            },
            cancellationToken);
        return true;
    }
}

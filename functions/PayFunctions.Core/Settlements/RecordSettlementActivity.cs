using System.Globalization;
using Azure;
using Microsoft.DurableTask;
using PayFunctions.Core.Ledger;
using PayFunctions.Domain;

namespace PayFunctions.Core.Settlements;

/// <summary>
/// Settles one account in one currency for one day by running the <see cref="SettlementRecorder"/> against
/// storage: the recorder decides, this performs each step. Safe to run any number of times, concurrently with
/// batches of other days, and after a crash at any point.
/// </summary>
public sealed class RecordSettlementActivity(
    LedgerStore ledger, SettlementStore settlements, SettlementStateStore states, SettlementDueIndex due, TimeProvider time)
    : TaskActivity<SettlementPlanItem, SettlementRecordResult>
{
    public override Task<SettlementRecordResult> RunAsync(TaskActivityContext context, SettlementPlanItem input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<SettlementRecordResult> ExecuteAsync(SettlementPlanItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var currency = Currency.Parse(item.Currency);
        var date = DateOnly.ParseExact(item.SettlementDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var batch = new SettlementBatch(item.AccountId, currency, new SettlementCutoff(date, item.CutoffUtc));
        var recorder = new SettlementRecorder(batch, time.GetUtcNow());
        ETag? version = null;
        ETag? indexVersion = null;
        var step = recorder.Start();
        while (step is not SettlementStep.Done)
        {
            switch (step)
            {
                case SettlementStep.ReadState:
                    (var state, version) = await states.ReadAsync(item.AccountId, currency, cancellationToken);
                    step = recorder.StateRead(state);
                    break;
                case SettlementStep.ReadOwed:
                    // The index row's version is read before the lines: see SettlementDueIndex.
                    indexVersion = await due.ReadVersionAsync(item.AccountId, item.Currency, cancellationToken);
                    var recorded = await settlements.ExistsAsync(item.AccountId, batch.SettlementId, cancellationToken);
                    var lines = await ledger.ReadAccountAsync(LedgerAccounts.Payable(item.AccountId), cancellationToken);
                    step = recorder.OwedRead(recorded, lines);
                    break;
                case SettlementStep.WriteState write:
                    var written = await states.TryWriteAsync(item.AccountId, currency, write.State, version, cancellationToken);
                    version = written ?? version;
                    step = recorder.StateWritten(written is not null);
                    break;
                case SettlementStep.RollForward roll:
                    await RollForwardAsync(item.AccountId, roll.Intent, cancellationToken);
                    step = recorder.RolledForward();
                    break;
                default:
                    throw new InvalidOperationException($"Unknown settlement step {step}.");
            }
        }

        var outcome = ((SettlementStep.Done)step).Outcome;
        if (outcome.Outstanding <= 0 && indexVersion is { } unchanged)
        {
            await due.TryRemoveAsync(item.AccountId, item.Currency, unchanged, cancellationToken);
        }

        return outcome.Result switch
        {
            SettlementResult.Settled => new SettlementRecordResult(SettlementRecordResults.Settled, outcome.Settlement!.Amount.MinorUnits),
            SettlementResult.AlreadyRecorded => new SettlementRecordResult(SettlementRecordResults.AlreadyRecorded, 0),
            _ => new SettlementRecordResult(SettlementRecordResults.NothingOwed, 0),
        };
    }

    /// <summary>Journal entry first, record second: a record always has its entry, and both are keyed by the settlement id.</summary>
    private async Task RollForwardAsync(string accountId, SettlementIntent intent, CancellationToken cancellationToken)
    {
        await ledger.PostAsync(
            Postings.Settlement(intent.JournalEntryId, intent.SettlementId, accountId, intent.Amount, intent.CreatedAt), cancellationToken);
        await settlements.RecordAsync(
            new SettlementEntity
            {
                AccountId = accountId,
                RowKey = intent.SettlementId,
                SettlementDate = intent.SettlementDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                CutoffUtc = intent.CutoffUtc,
                Amount = intent.Amount.MinorUnits,
                Currency = intent.Amount.Currency.Code,
                JournalEntryId = intent.JournalEntryId,
                CreatedAt = intent.CreatedAt,
            },
            cancellationToken);
    }
}

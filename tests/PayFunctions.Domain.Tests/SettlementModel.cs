using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

/// <summary>
/// The journal, the settlement records and the settlement state in memory, with the semantics the storage
/// adapters give them: entries and records are inserted once by id, the state is replaced only on the version
/// read. Every write is checked against the settlement invariants as it happens.
/// </summary>
public sealed class SettlementModel
{
    private readonly Dictionary<string, JournalEntry> journal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AccountLine>> lines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string AccountId, SettlementIntent Intent)> records = new(StringComparer.Ordinal);
    private readonly Dictionary<(string AccountId, Currency Currency), (SettlementAccountState State, int Version)> states = [];

    public IReadOnlyCollection<JournalEntry> Journal => journal.Values;

    public IReadOnlyList<SettlementIntent> RecordsOf(string accountId) =>
        [.. records.Values.Where(r => r.AccountId == accountId).Select(r => r.Intent).OrderBy(i => i.SettlementDate)];

    public void Post(JournalEntry entry)
    {
        if (!journal.TryAdd(entry.Id, entry))
        {
            return;
        }

        foreach (var line in LedgerProjection.Project(entry))
        {
            if (!lines.TryGetValue(line.Account, out var list))
            {
                lines[line.Account] = list = [];
            }

            list.Add(line);
        }
    }

    public IReadOnlyList<AccountLine> LinesOf(string ledgerAccount) => lines.TryGetValue(ledgerAccount, out var list) ? list : [];

    public SettlementAccountState StateOf(string accountId, Currency currency) =>
        states.TryGetValue((accountId, currency), out var s) ? s.State : SettlementAccountState.Initial;

    public (SettlementAccountState State, int Version) ReadState(string accountId, Currency currency) =>
        states.TryGetValue((accountId, currency), out var s) ? s : (SettlementAccountState.Initial, 0);

    public bool TryWriteState(string accountId, Currency currency, SettlementAccountState state, int version)
    {
        var current = ReadState(accountId, currency);
        if (current.Version != version)
        {
            return false;
        }

        if (state.Pending is { } intent && current.State.Pending?.SettlementId != intent.SettlementId)
        {
            // A new settlement: it may pay only what was earned before its own cut-off.
            var earned = SettlementPlanner.EarnedBefore(LinesOf(LedgerAccounts.Payable(accountId)), accountId, currency, intent.CutoffUtc);
            Assert.True(state.SettledTotal <= earned, $"{intent.SettlementId} takes the settled total to {state.SettledTotal}, beyond the {earned} earned before its cut-off.");
            Assert.True(intent.Amount.IsPositive, $"{intent.SettlementId} pays {intent.Amount}.");
        }

        states[(accountId, currency)] = (state, version + 1);
        return true;
    }

    public bool IsRecorded(string settlementId) => records.ContainsKey(settlementId);

    public void Record(string accountId, SettlementIntent intent) => records.TryAdd(intent.SettlementId, (accountId, intent));

    public SettlementOutcome RunToEnd(SettlementBatch batch, DateTimeOffset now)
    {
        var run = new BatchRun(this, batch, now);
        while (!run.Finished)
        {
            run.Advance();
        }

        return run.Outcome!;
    }

    /// <summary>What must hold between any two storage operations, whatever ran and whatever died.</summary>
    public void AssertSound(IEnumerable<string> accountIds, IEnumerable<Currency> currencies)
    {
        foreach (var accountId in accountIds)
        {
            var payable = LinesOf(LedgerAccounts.Payable(accountId));
            foreach (var currency in currencies)
            {
                var state = StateOf(accountId, currency);
                var posted = payable.Where(l => l.Currency == currency && l.Kind == Postings.SettlementKind).Sum(l => l.Debits);
                var earned = SettlementPlanner.EarnedInAll(payable, accountId, currency);
                var balance = payable.Where(l => l.Currency == currency).Sum(l => l.CreditBalance.MinorUnits);

                Assert.True(balance >= 0, $"payable:{accountId} is {balance} {currency}.");
                Assert.True(posted <= state.SettledTotal, $"{accountId} {currency}: {posted} posted as settled but the watermark is {state.SettledTotal}.");
                Assert.True(state.SettledTotal <= earned, $"{accountId} {currency}: {state.SettledTotal} settled of {earned} earned.");
            }
        }

        foreach (var (id, (accountId, intent)) in records)
        {
            Assert.True(journal.TryGetValue(intent.JournalEntryId, out var entry), $"{id} is recorded without its journal entry.");
            var expected = Postings.Settlement(intent.JournalEntryId, id, accountId, intent.Amount, intent.CreatedAt);
            Assert.Equal((expected.Kind, expected.Reference, expected.PostedAt), (entry.Kind, entry.Reference, entry.PostedAt));
            Assert.Equal(expected.Lines, entry.Lines);
        }
    }
}

/// <summary>One attempt of one batch, advanced one storage operation at a time so attempts can interleave and die anywhere.</summary>
public sealed class BatchRun
{
    private readonly SettlementModel model;
    private readonly SettlementRecorder recorder;
    private SettlementStep step;
    private int version;
    private bool recordedRead;
    private bool isRecorded;
    private bool journalPosted;

    public BatchRun(SettlementModel model, SettlementBatch batch, DateTimeOffset now)
    {
        this.model = model;
        Batch = batch;
        recorder = new SettlementRecorder(batch, now);
        step = recorder.Start();
    }

    public SettlementBatch Batch { get; }

    public int Operations { get; private set; }

    public SettlementOutcome? Outcome { get; private set; }

    public bool Finished => Outcome is not null;

    public void Advance()
    {
        Operations++;
        var account = Batch.AccountId;
        switch (step)
        {
            case SettlementStep.ReadState:
                (var state, version) = model.ReadState(account, Batch.Currency);
                step = recorder.StateRead(state);
                break;
            case SettlementStep.ReadOwed when !recordedRead:
                isRecorded = model.IsRecorded(Batch.SettlementId);
                recordedRead = true;
                break;
            case SettlementStep.ReadOwed:
                recordedRead = false;
                step = recorder.OwedRead(isRecorded, model.LinesOf(LedgerAccounts.Payable(account)));
                break;
            case SettlementStep.WriteState write:
                var written = model.TryWriteState(account, Batch.Currency, write.State, version);
                version += written ? 1 : 0;
                step = recorder.StateWritten(written);
                break;
            case SettlementStep.RollForward roll when !journalPosted:
                model.Post(Postings.Settlement(roll.Intent.JournalEntryId, roll.Intent.SettlementId, account, roll.Intent.Amount, roll.Intent.CreatedAt));
                journalPosted = true;
                break;
            case SettlementStep.RollForward roll:
                model.Record(account, roll.Intent);
                journalPosted = false;
                step = recorder.RolledForward();
                break;
            default:
                throw new InvalidOperationException($"Cannot advance from {step}.");
        }

        if (step is SettlementStep.Done done)
        {
            Outcome = done.Outcome;
        }
    }
}

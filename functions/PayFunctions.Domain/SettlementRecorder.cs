namespace PayFunctions.Domain;

/// <summary>
/// Settles one <see cref="SettlementBatch"/> without doing any I/O itself: it answers each report with the next
/// <see cref="SettlementStep"/>, and the caller performs it against storage. The protocol makes concurrent batches
/// for any days, crashes between any two steps, and re-runs safe:
/// <list type="number">
/// <item>Read the state. A pending intent (this batch's or another's) is rolled forward and cleared first, then the state is read again.</item>
/// <item>If this batch's settlement is recorded, stop: its id is taken, and anything posted late waits for the next day.</item>
/// <item>Owed = earned before the cut-off − settled total. If positive, write the intent together with the new total,
/// conditionally on the version read; if another writer got there first, start over.</item>
/// <item>Roll the intent forward (journal entry, then settlement record) and clear it.</item>
/// </list>
/// A run that dies anywhere leaves either nothing or an intent the next run completes.
/// </summary>
public sealed class SettlementRecorder
{
    /// <summary>How often the recorder starts over because other writers kept changing the state, before it gives up.</summary>
    public const int MaxAttempts = 50;

    private readonly SettlementBatch batch;
    private readonly DateTimeOffset now;
    private Phase phase = Phase.NotStarted;
    private int attempts;
    private SettlementAccountState? read;
    private SettlementAccountState? writing;
    private SettlementIntent? rolling;
    private long? earnedInAll;

    /// <summary>A recorder for <paramref name="batch"/>; <paramref name="now"/> dates the settlement it may decide.</summary>
    public SettlementRecorder(SettlementBatch batch, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(batch);
        this.batch = batch;
        this.now = now;
    }

    private enum Phase
    {
        NotStarted,
        ReadingState,
        ReadingOwed,
        WritingIntent,
        RollingForward,
        Clearing,
        Done,
    }

    /// <summary>The first step: always <see cref="SettlementStep.ReadState"/>.</summary>
    public SettlementStep Start()
    {
        Expect(Phase.NotStarted);
        return ReadStateAgain();
    }

    /// <summary>Reports the state read; <see cref="SettlementAccountState.Initial"/> when the account has none yet.</summary>
    public SettlementStep StateRead(SettlementAccountState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Expect(Phase.ReadingState);
        read = state;
        if (state.Pending is { } pending)
        {
            rolling = pending;
            phase = Phase.RollingForward;
            return new SettlementStep.RollForward(pending);
        }

        phase = Phase.ReadingOwed;
        return new SettlementStep.ReadOwed();
    }

    /// <summary>Reports whether this batch's settlement is recorded and every line read from the account's payable account.</summary>
    public SettlementStep OwedRead(bool batchRecorded, IEnumerable<AccountLine> payableLines)
    {
        ArgumentNullException.ThrowIfNull(payableLines);
        Expect(Phase.ReadingOwed);
        var lines = payableLines as IReadOnlyCollection<AccountLine> ?? [.. payableLines];
        var settled = read!.SettledTotal;
        earnedInAll = SettlementPlanner.EarnedInAll(lines, batch.AccountId, batch.Currency);
        if (batchRecorded)
        {
            return Finish(SettlementResult.AlreadyRecorded, null, settled);
        }

        var owed = checked(SettlementPlanner.EarnedBefore(lines, batch.AccountId, batch.Currency, batch.Cutoff.CutoffUtc) - settled);
        if (owed <= 0)
        {
            return Finish(SettlementResult.NothingOwed, null, settled);
        }

        var intent = new SettlementIntent(batch.SettlementId, batch.Cutoff.SettlementDate, batch.Cutoff.CutoffUtc, new Money(owed, batch.Currency), now);
        writing = new SettlementAccountState(checked(settled + owed), intent);
        phase = Phase.WritingIntent;
        return new SettlementStep.WriteState(writing);
    }

    /// <summary>Reports that the intent's journal entry and settlement record are written (or already were).</summary>
    public SettlementStep RolledForward()
    {
        Expect(Phase.RollingForward);
        phase = Phase.Clearing;
        return new SettlementStep.WriteState(read! with { Pending = null });
    }

    /// <summary>Reports whether the conditional write of the state succeeded.</summary>
    public SettlementStep StateWritten(bool written)
    {
        switch (phase)
        {
            case Phase.WritingIntent when written:
                read = writing;
                rolling = writing!.Pending;
                phase = Phase.RollingForward;
                return new SettlementStep.RollForward(rolling!);
            case Phase.WritingIntent:
                return ReadStateAgain();
            case Phase.Clearing when string.Equals(rolling!.SettlementId, batch.SettlementId, StringComparison.Ordinal):
                // Not written means another run cleared the same intent after rolling it forward too: settled either way.
                return Finish(SettlementResult.Settled, rolling, read!.SettledTotal);
            case Phase.Clearing:
                return ReadStateAgain();
            default:
                throw new InvalidOperationException($"No state write was asked for in phase {phase}.");
        }
    }

    private SettlementStep.ReadState ReadStateAgain()
    {
        if (++attempts > MaxAttempts)
        {
            throw new InvalidOperationException($"Settlement {batch.SettlementId}: the account's state kept changing for {MaxAttempts} attempts.");
        }

        read = null;
        writing = null;
        rolling = null;
        earnedInAll = null;
        phase = Phase.ReadingState;
        return new SettlementStep.ReadState();
    }

    private SettlementStep.Done Finish(SettlementResult result, SettlementIntent? settlement, long settledTotal)
    {
        phase = Phase.Done;
        long? outstanding = earnedInAll is { } earned ? checked(earned - settledTotal) : null;
        return new SettlementStep.Done(new SettlementOutcome(result, settlement, outstanding));
    }

    private void Expect(Phase expected)
    {
        if (phase != expected)
        {
            throw new InvalidOperationException($"Settlement {batch.SettlementId}: expected phase {expected}, but the recorder is in {phase}.");
        }
    }
}

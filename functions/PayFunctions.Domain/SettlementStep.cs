namespace PayFunctions.Domain;

/// <summary>What a <see cref="SettlementRecorder"/> needs done next; the caller does it and reports back.</summary>
public abstract record SettlementStep
{
    private SettlementStep()
    {
    }

    /// <summary>Read the account's <see cref="SettlementAccountState"/> and remember its version; report with <see cref="SettlementRecorder.StateRead"/>.</summary>
    public sealed record ReadState : SettlementStep;

    /// <summary>
    /// Read whether this batch's settlement is already recorded, then the account's payable lines; report with
    /// <see cref="SettlementRecorder.OwedRead"/>. Anything that must not miss a posting read after this point starts here.
    /// </summary>
    public sealed record ReadOwed : SettlementStep;

    /// <summary>
    /// Replace the state only if it still has the version last read or written (create it if there was none);
    /// report with <see cref="SettlementRecorder.StateWritten"/>. A successful write's new version is the one the next write must match.
    /// </summary>
    /// <param name="State">The state to write.</param>
    public sealed record WriteState(SettlementAccountState State) : SettlementStep;

    /// <summary>Post the intent's journal entry, then record the settlement, both keyed by its id; report with <see cref="SettlementRecorder.RolledForward"/>.</summary>
    /// <param name="Intent">The settlement to write.</param>
    public sealed record RollForward(SettlementIntent Intent) : SettlementStep;

    /// <summary>Nothing more to do.</summary>
    /// <param name="Outcome">What the batch did for the account.</param>
    public sealed record Done(SettlementOutcome Outcome) : SettlementStep;
}

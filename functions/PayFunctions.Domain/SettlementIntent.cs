namespace PayFunctions.Domain;

/// <summary>
/// A settlement already counted in an account's settled total but perhaps not yet in the journal and the
/// settlement records. Whoever reads it next writes both (keyed by the id, so twice is once) and then clears it.
/// </summary>
/// <param name="SettlementId">The deterministic settlement id, which also keys its journal entry.</param>
/// <param name="SettlementDate">The day of the batch that decided it.</param>
/// <param name="CutoffUtc">That day's cut-off.</param>
/// <param name="Amount">What is paid, strictly positive.</param>
/// <param name="CreatedAt">When it was decided; also the posting time of its journal entry, so every writer posts the same entry.</param>
public sealed record SettlementIntent(string SettlementId, DateOnly SettlementDate, DateTimeOffset CutoffUtc, Money Amount, DateTimeOffset CreatedAt)
{
    /// <summary>The id of the journal entry that pays this settlement.</summary>
    public string JournalEntryId => "je_" + SettlementId;
}

namespace PayFunctions.Domain;

/// <summary>What one batch did for one account in one currency.</summary>
/// <param name="Result">Whether it settled, found its settlement already recorded, or found nothing owed.</param>
/// <param name="Settlement">The settlement written, when <paramref name="Result"/> is <see cref="SettlementResult.Settled"/>.</param>
/// <param name="Outstanding">
/// What is still owed to the account from everything read, whenever posted, after this batch; null when this
/// attempt did not read the account's lines. Zero or less means nothing at all is owed any more.
/// </param>
public sealed record SettlementOutcome(SettlementResult Result, SettlementIntent? Settlement, long? Outstanding);

/// <summary>The three ways a batch ends for one account.</summary>
public enum SettlementResult
{
    /// <summary>This batch's settlement was written.</summary>
    Settled,

    /// <summary>An earlier run of the same batch already recorded its settlement; what was posted late waits for the next day.</summary>
    AlreadyRecorded,

    /// <summary>Everything earned before the cut-off was already settled, by this day or a later one.</summary>
    NothingOwed,
}

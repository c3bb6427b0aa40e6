namespace PayFunctions.Domain;

/// <summary>
/// The settlement watermark of one account in one currency: everything ever settled to it, and the one
/// settlement that may still be on its way into the journal. Stored as one row and only ever replaced
/// conditionally on the version read, so concurrent batches take turns.
/// </summary>
/// <param name="SettledTotal">The sum of every settlement decided for the account, including <paramref name="Pending"/>.</param>
/// <param name="Pending">A settlement decided but perhaps not yet written everywhere; null when there is none.</param>
public sealed record SettlementAccountState(long SettledTotal, SettlementIntent? Pending)
{
    /// <summary>An account nothing was ever settled to.</summary>
    public static SettlementAccountState Initial { get; } = new(0, null);
}

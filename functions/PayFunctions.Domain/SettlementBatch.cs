namespace PayFunctions.Domain;

/// <summary>One day's settlement of one account in one currency.</summary>
/// <param name="AccountId">The account being paid, e.g. a merchant id.</param>
/// <param name="Currency">The currency settled.</param>
/// <param name="Cutoff">The day and its cut-off: only what was posted before it may be paid.</param>
public sealed record SettlementBatch(string AccountId, Currency Currency, SettlementCutoff Cutoff)
{
    /// <summary>The deterministic id of this batch's settlement, see <see cref="SettlementPlanner.SettlementId"/>.</summary>
    public string SettlementId => SettlementPlanner.SettlementId(Cutoff.SettlementDate, AccountId, Currency);
}

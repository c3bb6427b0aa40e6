using PayFunctions.Core.Ledger;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Risk;

/// <summary>
/// Moves a released payment's held shares to its parties' payables. Both the operator's release and the completion call
/// it, each after writing the payment row: whichever of them writes second sees both the release and the held capture
/// and posts; the entry's id comes from the payment, so when both post, it is posted once.
/// </summary>
public sealed class RiskHoldRelease(LedgerStore ledger, TimeProvider time)
{
    public static string EntryId(string paymentId) => "je_" + paymentId + "_risk_release";

    /// <summary>Posts the release when <paramref name="written"/> (the row as last written) was held and is released.</summary>
    public async Task PostIfDueAsync(PaymentEntity written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (!written.RiskHeld || written.RiskReview != RiskReviews.Released)
        {
            return;
        }

        var currency = written.Fx?.Settlement ?? Currency.Parse(written.Currency);
        var held = SplitRuleSerializer.DeserializeAllocations(written.AllocationsJson)
            .Select(a => new SplitAllocation(a.Account, a.Role, new Money(a.Amount, currency)))
            .ToList();
        await ledger.PostAsync(
            LedgerBooks.Of(written.TestMode).Post(Postings.RiskReleased(EntryId(written.Id), written.Id, held, time.GetUtcNow())),
            cancellationToken);
    }
}

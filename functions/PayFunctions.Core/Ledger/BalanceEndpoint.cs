using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;
using PayFunctions.Domain;

namespace PayFunctions.Core.Ledger;

/// <summary>
/// The merchant's money as the ledger sees it: captured and owed but not yet settled, settled and on its way to the
/// bank, and captured but held for risk review (owed, but not paid until an operator releases it). Read off the
/// merchant's own three accounts in the ledger's per-account projection, read together, so it agrees with the journal
/// and costs the same whatever other merchants do.
/// </summary>
public sealed class BalanceEndpoint(LedgerStore ledger)
{
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var payable = LedgerAccounts.Payable(merchant.Id);
        var inTransit = LedgerAccounts.PayoutsInTransit(merchant.Id);
        var held = LedgerAccounts.RiskHold(merchant.Id);
        var reads = await Task.WhenAll(
            ledger.ReadAccountAsync(payable, cancellationToken), ledger.ReadAccountAsync(inTransit, cancellationToken), ledger.ReadAccountAsync(held, cancellationToken));
        var balance = new BalanceResource(
            "balance",
            Amounts(LedgerBalances.CreditBalance(reads[0], payable)),
            Amounts(LedgerBalances.CreditBalance(reads[1], inTransit)),
            Amounts(LedgerBalances.CreditBalance(reads[2], held)));
        return Results.Json(balance, ApiJson.Options);
    }

    private static IReadOnlyList<AmountBody> Amounts(IReadOnlyList<Money> amounts) =>
        [.. amounts.Select(m => new AmountBody(m.MinorUnits, m.Currency.Code.ToLowerInvariant()))];

    /// <param name="HeldForReview">Captured for payments risk sent to review, apart from <paramref name="PendingSettlement"/> until released.</param>
    internal sealed record BalanceResource(string Object, IReadOnlyList<AmountBody> PendingSettlement, IReadOnlyList<AmountBody> InTransit, IReadOnlyList<AmountBody> HeldForReview);

    internal sealed record AmountBody(long Amount, string Currency);
}

using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;
using PayFunctions.Domain;

namespace PayFunctions.Core.Ledger;

/// <summary>
/// The merchant's money as the ledger sees it: captured and owed but not yet settled, and settled
/// and on its way to the bank. Read off the merchant's own two accounts in the ledger's per-account
/// projection, so it agrees with the journal and costs the same whatever other merchants do.
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
        var reads = await Task.WhenAll(ledger.ReadAccountAsync(payable, cancellationToken), ledger.ReadAccountAsync(inTransit, cancellationToken));
        var balance = new BalanceResource(
            "balance",
            Amounts(LedgerBalances.CreditBalance(reads[0], payable)),
            Amounts(LedgerBalances.CreditBalance(reads[1], inTransit)));
        return Results.Json(balance, ApiJson.Options);
    }

    private static IReadOnlyList<AmountBody> Amounts(IReadOnlyList<Money> amounts) =>
        [.. amounts.Select(m => new AmountBody(m.MinorUnits, m.Currency.Code.ToLowerInvariant()))];

    internal sealed record BalanceResource(string Object, IReadOnlyList<AmountBody> PendingSettlement, IReadOnlyList<AmountBody> InTransit);

    internal sealed record AmountBody(long Amount, string Currency);
}

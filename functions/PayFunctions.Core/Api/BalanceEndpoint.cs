using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Api;

/// <summary>
/// The merchant's money as the ledger sees it: captured and owed but not yet settled, and settled
/// and on its way to the bank. Read straight off the journal, so it always agrees with it.
/// </summary>
public sealed class BalanceEndpoint(MerchantAuthenticator authenticator, LedgerStore ledger)
{
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var entries = await ledger.ReadAllAsync(cancellationToken);
        var balance = new BalanceResource(
            "balance",
            Amounts(LedgerBalances.CreditBalance(entries, LedgerAccounts.Payable(merchant.Id))),
            Amounts(LedgerBalances.CreditBalance(entries, LedgerAccounts.PayoutsInTransit(merchant.Id))));
        return Results.Json(balance, ApiJson.Options);
    }

    private static IReadOnlyList<AmountBody> Amounts(IReadOnlyList<Money> amounts) =>
        [.. amounts.Select(m => new AmountBody(m.MinorUnits, m.Currency.Code.ToLowerInvariant()))];

    private sealed record BalanceResource(string Object, IReadOnlyList<AmountBody> PendingSettlement, IReadOnlyList<AmountBody> InTransit);

    private sealed record AmountBody(long Amount, string Currency);
}

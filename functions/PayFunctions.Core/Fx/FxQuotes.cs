using Microsoft.Extensions.Options;
using PayFunctions.Core.Merchants;
using PayFunctions.Domain;

namespace PayFunctions.Core.Fx;

/// <summary>Prepares the <see cref="FxQuoter"/> of a create request, reading the newest rates only when the payment is converted.</summary>
public sealed class FxQuotes(FxRatesStore rates, IOptions<FxOptions> options, TimeProvider time)
{
    public async Task<FxQuoter> QuoterForAsync(MerchantEntity merchant, string? presentment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        var settlement = merchant.SettlementCurrencyValue;
        var converts = Currency.TryParse(presentment, out var currency) && currency != settlement;
        var newest = converts ? await rates.NewestAsync(cancellationToken) : null;
        return new FxQuoter(settlement, newest?.Rates, options.Value, time.GetUtcNow());
    }
}

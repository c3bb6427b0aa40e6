using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Domain;

namespace PayFunctions.Core.Fx;

/// <summary>
/// Locks quotes for one merchant's payments at one moment, from the newest reference rates read beforehand, so
/// request validation stays free of I/O. A payment in the merchant's settlement currency needs no quote.
/// </summary>
/// <param name="SettlementCurrency">The merchant's settlement currency.</param>
/// <param name="Rates">The newest reference rates, or null when none are loaded (or none were needed).</param>
/// <param name="Options">The margin, the longest quote and the oldest usable rates.</param>
/// <param name="Now">The moment of the request.</param>
public sealed record FxQuoter(Currency SettlementCurrency, ReferenceRates? Rates, FxOptions Options, DateTimeOffset Now)
{
    /// <summary>Whether a payment in <paramref name="presentment"/> is converted.</summary>
    public bool Converts(Currency presentment) => presentment != SettlementCurrency;

    /// <summary>
    /// How long a converted payment stays payable: what was asked, which may not exceed the quote's validity,
    /// or the default cut to it. The quote covers the payment for as long as it can be paid.
    /// </summary>
    public (TimeSpan ExpiresIn, ApiError? Error) ExpiryFor(TimeSpan? asked, TimeSpan defaultExpiry)
    {
        ArgumentNullException.ThrowIfNull(Options);
        if (asked is { } requested && requested > Options.QuoteValidity)
        {
            return (requested, ApiError.InvalidRequest(
                "expires_in_seconds",
                $"A payment in another currency than the merchant's settlement currency stays open at most {(long)Options.QuoteValidity.TotalSeconds} seconds, as long as its exchange rate is locked."));
        }

        return (asked ?? (defaultExpiry < Options.QuoteValidity ? defaultExpiry : Options.QuoteValidity), null);
    }

    /// <summary>The quote for <paramref name="amount"/> locked until <paramref name="lockedUntil"/>, or why there is none.</summary>
    public (FxQuote? Quote, ApiError? Error) Quote(Money amount, DateTimeOffset lockedUntil)
    {
        ArgumentNullException.ThrowIfNull(Options);
        var quote = Rates is null || Now - Rates.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) > Options.MaxRateAge
            ? null
            : FxQuote.Lock(Rates, amount.Currency, SettlementCurrency, Options.MarginBasisPoints, lockedUntil);
        if (quote is null)
        {
            return (null, Unavailable(amount.Currency));
        }

        try
        {
            return quote.SettlementAmount(amount.MinorUnits).IsPositive
                ? (quote, null)
                : (null, ApiError.InvalidRequest("amount", $"amount converts to less than one minor unit of {SettlementCurrency.Code.ToLowerInvariant()}, the merchant's settlement currency."));
        }
        catch (ArgumentOutOfRangeException)
        {
            return (null, ApiError.InvalidRequest("amount", $"amount is too large to convert to {SettlementCurrency.Code.ToLowerInvariant()}."));
        }
    }

    private ApiError Unavailable(Currency presentment) => new(
        StatusCodes.Status503ServiceUnavailable,
        "fx_rates_unavailable",
        "No current exchange rate for this currency pair.",
        $"Payments in {presentment.Code.ToLowerInvariant()} to a merchant settling in {SettlementCurrency.Code.ToLowerInvariant()} need reference rates at most {Options.MaxRateAge.TotalDays:0.#} days old; try again later.",
        "currency");
}

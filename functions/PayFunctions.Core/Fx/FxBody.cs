using System.Globalization;
using System.Text.Json;
using PayFunctions.Core.Http;
using PayFunctions.Domain;

namespace PayFunctions.Core.Fx;

/// <summary>
/// A payment's locked quote as the API shows it (<c>fx</c>), stored on the payment exactly so. Rates are decimal
/// strings, so no reader turns them into binary floating point.
/// </summary>
/// <param name="SettlementCurrency">The merchant's currency, lower case.</param>
/// <param name="Rate">Units of the settlement currency per unit of the payment's, the reference rate less the margin.</param>
/// <param name="ReferenceRate">The cross rate of the reference rates.</param>
/// <param name="MarginBasisPoints">The margin.</param>
/// <param name="SettlementAmount">The payment's amount at <paramref name="Rate"/>, in minor units of the settlement currency, rounded half up.</param>
/// <param name="RatesDate">The day of the reference rates.</param>
/// <param name="LockedUntil">The rate holds until then: the payment's <c>expires_at</c>.</param>
public sealed record FxBody(
    string SettlementCurrency, string Rate, string ReferenceRate, int MarginBasisPoints, long SettlementAmount, string RatesDate, DateTimeOffset LockedUntil)
{
    public static FxBody From(FxQuote quote, long amount)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new FxBody(
            quote.Settlement.Code.ToLowerInvariant(),
            quote.Rate.ToString(CultureInfo.InvariantCulture),
            quote.ReferenceRate.ToString(CultureInfo.InvariantCulture),
            quote.MarginBasisPoints,
            quote.SettlementAmount(amount).MinorUnits,
            quote.RatesDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            quote.LockedUntil);
    }

    public static string? Serialize(FxQuote? quote, long amount) =>
        quote is null ? null : JsonSerializer.Serialize(From(quote, amount), ApiJson.Options);

    public static FxBody? Deserialize(string? json) => json is null ? null : JsonSerializer.Deserialize<FxBody>(json, ApiJson.Options);

    /// <summary>The stored quote of a payment in <paramref name="presentment"/>; null for a payment that is not converted.</summary>
    public static FxQuote? QuoteOf(string? json, string presentment) => Deserialize(json) is { } body ? body.ToQuote(Currency.Parse(presentment)) : null;

    private FxQuote ToQuote(Currency presentment) => new(
        presentment,
        Currency.Parse(SettlementCurrency),
        decimal.Parse(ReferenceRate, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
        MarginBasisPoints,
        decimal.Parse(Rate, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
        DateOnly.ParseExact(RatesDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        LockedUntil);
}

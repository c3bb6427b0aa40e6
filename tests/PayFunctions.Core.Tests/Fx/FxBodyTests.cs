using PayFunctions.Core.Fx;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Fx;

public sealed class FxBodyTests
{
    [Fact]
    public void The_stored_quote_reads_back_as_the_same_rates_to_the_last_digit()
    {
        var rates = new ReferenceRates(new DateOnly(2024, 6, 28), new Dictionary<string, decimal> { ["JPY"] = 171.94m, ["KRW"] = 1474.86m });
        var quote = FxQuote.Lock(rates, Currency.Parse("KRW"), Currency.Parse("JPY"), 137, new DateTimeOffset(2024, 7, 1, 8, 15, 0, TimeSpan.Zero))!;

        var json = FxBody.Serialize(quote, 123_456);

        Assert.Equal(quote, FxBody.QuoteOf(json, "KRW"));
        Assert.Contains("\"rate\":\"" + quote.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"", json, StringComparison.Ordinal);
        Assert.Contains("\"settlement_currency\":\"jpy\"", json, StringComparison.Ordinal);
        Assert.Null(FxBody.QuoteOf(null, "KRW"));
    }
}

using PayFunctions.Core.Fx;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Fx;

public sealed class FxQuoterTests
{
    private static readonly Currency Usd = Currency.Parse("USD");
    private static readonly DateTimeOffset Now = new(2024, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly ReferenceRates Rates = new(new DateOnly(2024, 6, 28), new Dictionary<string, decimal> { ["USD"] = 1.0705m, ["CNY"] = 7.7748m });

    private static FxQuoter Quoter(ReferenceRates? rates = null, DateTimeOffset? now = null, FxOptions? options = null) =>
        new(Usd, rates ?? Rates, options ?? new FxOptions(), now ?? Now);

    [Fact]
    public void A_quote_is_locked_at_the_configured_margin_until_the_given_time()
    {
        var (quote, error) = Quoter(options: new FxOptions { MarginBasisPoints = 250 }).Quote(new Money(10_000, Currency.Cny), Now.AddMinutes(15));

        Assert.Null(error);
        Assert.Equal((250, 0.1376884293m, Now.AddMinutes(15), new DateOnly(2024, 6, 28)), (quote!.MarginBasisPoints, quote.ReferenceRate, quote.LockedUntil, quote.RatesDate));
        Assert.Equal(FxConversion.RoundSignificant(0.1376884293m * 0.975m), quote.Rate);
    }

    [Fact]
    public void Rates_older_than_the_maximum_age_or_missing_make_the_rates_unavailable()
    {
        var stale = Quoter(now: Rates.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) + new FxOptions().MaxRateAge + TimeSpan.FromSeconds(1));

        foreach (var quoter in new[] { stale, Quoter() with { Rates = null }, Quoter() with { SettlementCurrency = Currency.Parse("KWD") } })
        {
            var (quote, error) = quoter.Quote(new Money(10_000, Currency.Cny), Now.AddMinutes(15));

            Assert.Null(quote);
            Assert.Equal((503, "fx_rates_unavailable", "currency"), (error!.Status, error.Code, error.Param));
        }
    }

    [Fact]
    public void An_amount_worth_less_than_a_minor_unit_of_the_settlement_currency_is_refused()
    {
        var (quote, error) = Quoter().Quote(new Money(3, Currency.Cny), Now.AddMinutes(15));

        Assert.Null(quote);
        Assert.Equal(("parameter_invalid", "amount"), (error!.Code, error.Param));
    }

    [Fact]
    public void The_expiry_may_not_outlast_the_quote_and_the_default_is_cut_to_it()
    {
        var quoter = Quoter(options: new FxOptions { QuoteValidity = TimeSpan.FromMinutes(10) });

        Assert.Equal((TimeSpan.FromMinutes(10), null), quoter.ExpiryFor(null, TimeSpan.FromMinutes(15)));
        Assert.Equal((TimeSpan.FromMinutes(5), null), quoter.ExpiryFor(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)));
        Assert.Equal("expires_in_seconds", quoter.ExpiryFor(TimeSpan.FromMinutes(11), TimeSpan.FromMinutes(15)).Error!.Param);
    }

    [Theory]
    [InlineData(-1, 60, 6)]
    [InlineData(1_001, 60, 6)]
    [InlineData(100, 0, 6)]
    [InlineData(100, 60 * 24 * 2, 6)]
    [InlineData(100, 60, 0)]
    [InlineData(100, 60, 40)]
    public void Options_out_of_range_are_invalid(int margin, int validityMinutes, int maxAgeDays) =>
        Assert.False(new FxOptions { MarginBasisPoints = margin, QuoteValidity = TimeSpan.FromMinutes(validityMinutes), MaxRateAge = TimeSpan.FromDays(maxAgeDays) }.IsValid());
}

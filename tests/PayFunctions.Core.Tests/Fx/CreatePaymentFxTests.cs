using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Fx;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Fx;

public sealed class CreatePaymentFxTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly ReferenceRates Rates = new(new DateOnly(2024, 6, 28), new Dictionary<string, decimal> { ["USD"] = 1.0705m, ["CNY"] = 7.7748m });
    private static readonly FxQuoter SettlesInUsd = new(Currency.Parse("USD"), Rates, new FxOptions { QuoteValidity = TimeSpan.FromMinutes(10) }, Now);

    [Fact]
    public void A_payment_in_another_currency_locks_a_quote_for_as_long_as_it_can_be_paid()
    {
        var (valid, error) = CreatePaymentValidator.Validate(Request(), FeeSchedule.None, SettlesInUsd);

        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMinutes(10), valid!.ExpiresIn);
        Assert.Equal((Now.AddMinutes(10), 1363L), (valid.Fx!.LockedUntil, valid.Fx.SettlementAmount(10_000).MinorUnits));
    }

    [Fact]
    public void A_payment_in_the_settlement_currency_needs_no_quote_and_no_rates()
    {
        var (valid, error) = CreatePaymentValidator.Validate(Request(), FeeSchedule.None, SettlesInUsd with { SettlementCurrency = Currency.Cny, Rates = null });

        Assert.Null(error);
        Assert.Null(valid!.Fx);
        Assert.Equal(TimeSpan.FromSeconds(CreatePaymentValidator.DefaultExpirySeconds), valid.ExpiresIn);
    }

    [Fact]
    public void An_expiry_beyond_the_quotes_validity_is_refused()
    {
        var (valid, error) = CreatePaymentValidator.Validate(Request() with { ExpiresInSeconds = 11 * 60 }, FeeSchedule.None, SettlesInUsd);

        Assert.Null(valid);
        Assert.Equal("expires_in_seconds", error!.Param);
    }

    [Theory]
    [InlineData(1_355, true)]
    [InlineData(1_356, false)]
    public void Fixed_split_amounts_are_in_the_settlement_currency_and_must_fit_its_net(long cents, bool accepted)
    {
        // 100.00 CNY settles as 13.63 USD; a 0.6% fee leaves 13.55.
        var request = Request() with { Split = new SplitBody([new SplitRecipientBody("acct_r", null, cents)]) };

        var (valid, error) = CreatePaymentValidator.Validate(request, new FeeSchedule(60, 0), SettlesInUsd);

        Assert.Equal(accepted, valid is not null);
        Assert.Equal(accepted ? null : "split.recipients", error?.Param);
    }

    [Fact]
    public void Stale_rates_refuse_the_payment_as_unavailable_not_as_bad_input()
    {
        var (_, error) = CreatePaymentValidator.Validate(Request(), FeeSchedule.None, SettlesInUsd with { Now = Now.AddDays(30) });

        Assert.Equal((503, "fx_rates_unavailable"), (error!.Status, error.Code));
    }

    private static CreatePaymentRequest Request()
    {
        var method = ChannelRegistry.MethodNames.First(m =>
            ChannelRegistry.TryGetMethod(m, out _, out var c) && c.Currencies.Contains("CNY") && c.Requires == PayerDetails.None);
        return new(10_000, "cny", method, "order-1", "Latte", null, null, null, null, null, null);
    }
}

using Microsoft.AspNetCore.Http;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Stores;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Checkout;

public sealed class PayerCountryTests
{
    private static readonly Money TwentyYuan = new(2000, Currency.Cny);

    [Fact]
    public void The_checkout_page_offers_only_methods_that_serve_the_payers_country()
    {
        var every = CheckoutMethods.AllThatFit(TwentyYuan).ToList();
        var country = Capability(every[0]).Countries[0];

        var served = CheckoutMethods.AllThatFit(TwentyYuan, country).ToList();

        Assert.Contains(every[0], served);
        Assert.All(served, m => Assert.Contains(country, Capability(m).Countries));
        Assert.Equal(every.Where(m => Capability(m).Countries.Contains(country)), served);
        Assert.Empty(CheckoutMethods.AllThatFit(TwentyYuan, "AQ"));
    }

    [Fact]
    public void A_checkout_payment_takes_the_payers_country_and_nothing_else_of_the_payer()
    {
        var country = Capability(CheckoutMethods.AllThatFit(TwentyYuan).First()).Countries[0];
        var checkout = Request(CheckoutMethods.Name);

        var (valid, error) = CreatePaymentValidator.Validate(checkout with { Payer = new PayerBody(null, null) { Country = country.ToLowerInvariant() } }, FeeSchedule.None);
        var (_, withId) = CreatePaymentValidator.Validate(checkout with { Payer = new PayerBody("openid", null) { Country = country } }, FeeSchedule.None);

        Assert.Null(error);
        Assert.Equal(country, valid!.PayerCountry);
        Assert.Equal("payer", withId!.Param);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("CHN")]
    [InlineData("AQ")]
    public void A_country_that_is_not_an_assigned_code_or_that_the_method_does_not_serve_is_refused(string country)
    {
        var method = CheckoutMethods.AllThatFit(TwentyYuan).First(m => !Capability(m).Countries.Contains("AQ"));

        var (valid, error) = CreatePaymentValidator.Validate(Request(method) with { Payer = new PayerBody(null, null) { Country = country } }, FeeSchedule.None);

        Assert.Null(valid);
        Assert.Equal(("parameter_invalid", "payer.country"), (error!.Code, error.Param));
    }

    private static PaymentMethodCapability Capability(string method) =>
        ChannelRegistry.TryGetMethod(method, out _, out var capability) ? capability : throw new InvalidOperationException(method);

    private static CreatePaymentRequest Request(string method) =>
        new(2000, "cny", method, "order-1", "Latte", null, null, null, null, null, null);
}

using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Api;

public sealed class PaymentMethodCheckTests
{
    private static readonly Money Yuan = new(2500, Currency.Cny);

    public static TheoryData<string> QrMethods => [.. QrMethodNames()];

    private static string AnyQrMethod => QrMethodNames().First();

    [Theory]
    [MemberData(nameof(QrMethods))]
    public void A_declared_method_resolves_to_its_channel(string method)
    {
        var (resolved, error) = PaymentMethodCheck.Resolve(Request(method), Yuan);

        Assert.Null(error);
        Assert.Equal(method, resolved!.Method);
        Assert.StartsWith(resolved.Channel + ".", method, StringComparison.Ordinal);
        Assert.Null(resolved.Payer);
    }

    [Fact]
    public void An_unknown_method_lists_every_declared_one_and_auto()
    {
        var (_, error) = PaymentMethodCheck.Resolve(Request("cash.envelope"), Yuan);

        Assert.Equal("method", error!.Param);
        Assert.All(ChannelRegistry.MethodNames, m => Assert.Contains(m, error.Detail, StringComparison.Ordinal));
        Assert.Contains("auto", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(QrMethods))]
    public void A_currency_the_method_does_not_declare_is_refused(string method)
    {
        var (_, error) = PaymentMethodCheck.Resolve(Request(method), new Money(2500, Currency.Parse("KWD")));

        Assert.Equal("currency", error!.Param);
    }

    [Theory]
    [MemberData(nameof(QrMethods))]
    public void An_amount_outside_the_methods_limits_is_refused(string method)
    {
        ChannelRegistry.TryGetMethod(method, out _, out var capability);

        var (_, error) = PaymentMethodCheck.Resolve(Request(method), new Money(capability.MaxAmount + 1, Currency.Cny));

        Assert.Equal("amount", error!.Param);
    }

    [Theory]
    [MemberData(nameof(QrMethods))]
    public void A_payment_code_for_a_method_without_one_is_refused(string method)
    {
        var (_, error) = PaymentMethodCheck.Resolve(Request(method) with { PaymentCode = "134567890123456789" }, Yuan);

        Assert.Equal("payment_code", error!.Param);
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("99999999999999999999", "payment_code_unrecognized")]
    [InlineData("13456789012345678x", "payment_code_unrecognized")]
    public void Auto_needs_a_payment_code_some_channel_issues(string? code, string expected)
    {
        var (_, error) = PaymentMethodCheck.Resolve(Request("auto") with { PaymentCode = code }, Yuan);

        Assert.Equal("payment_code", error!.Param);
        Assert.Equal(expected == "missing" ? "parameter_missing" : expected, error.Code);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path")]
    [InlineData("https://user:pass@shop.example/back")]
    [InlineData("ftp://shop.example/back")]
    public void A_return_url_must_be_an_absolute_web_address_without_credentials(string url)
    {
        var (_, error) = PaymentMethodCheck.Resolve(Request(AnyQrMethod) with { ReturnUrl = url }, Yuan);

        Assert.Equal("return_url", error!.Param);
    }

    [Theory]
    [InlineData("not-an-ip", "payer.ip")]
    [InlineData("10.0.0.1; DROP", "payer.ip")]
    public void Payer_details_are_checked_before_use(string ip, string param)
    {
        var (_, error) = PaymentMethodCheck.Resolve(Request(AnyQrMethod) with { Payer = new PayerBody("o_k1", ip) }, Yuan);

        Assert.Equal(param, error!.Param);
    }

    [Fact]
    public void A_payer_id_with_characters_no_channel_uses_is_refused()
    {
        var (_, error) = PaymentMethodCheck.Resolve(Request(AnyQrMethod) with { Payer = new PayerBody("o k1/../x", null) }, Yuan);

        Assert.Equal("payer.id", error!.Param);
    }

    private static IEnumerable<string> QrMethodNames() =>
        ChannelCatalog.All.SelectMany(m => m.Capabilities.Methods)
            .Where(m => m.NextAction == NextActionType.DisplayQrCode && m.Requires == PayerDetails.None)
            .Select(m => m.Method);

    private static CreatePaymentRequest Request(string method) =>
        new(2500, "cny", method, "order-1", "Latte", null, null, null, null, null, null);
}

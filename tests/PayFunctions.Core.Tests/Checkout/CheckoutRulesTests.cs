using Microsoft.AspNetCore.Http;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Stores;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Checkout;

public sealed class CheckoutRulesTests
{
    private static readonly Money TwentyYuan = new(2000, Currency.Cny);

    [Fact]
    public void CheckoutMethods_OfferOnlyWhatThePageCanStart()
    {
        var offered = CheckoutMethods.AllThatFit(TwentyYuan).ToList();

        Assert.NotEmpty(offered);
        Assert.All(offered, m =>
        {
            Assert.True(ChannelRegistry.TryGetMethod(m, out _, out var c));
            Assert.NotEqual(NextActionType.None, c.NextAction);
            Assert.False(c.Requires.HasFlag(PayerDetails.PayerId), $"{m} needs a payer id the page cannot know.");
            Assert.False(c.Requires.HasFlag(PayerDetails.PaymentCode), $"{m} needs a payment code.");
        });
    }

    [Theory]
    [InlineData(new string[0], "payment_method_types")]
    [InlineData(new[] { "nope.qr" }, "payment_method_types[0]")]
    [InlineData(new[] { "wechat_pay.native", "wechat_pay.native" }, "payment_method_types")]
    [InlineData(new[] { "wechat_pay.native", "wechat_pay.jsapi" }, "payment_method_types[1]")]
    public void PaymentMethodTypes_ThatThePageCannotOffer_AreRefused(string[] types, string param)
    {
        var (_, error) = CheckoutMethods.Resolve(types, TwentyYuan);

        Assert.Equal(param, error!.Param);
    }

    [Fact]
    public void CheckoutPayment_RefusesPayerDetailsAndTypesOnOtherMethods()
    {
        var payer = Request("checkout") with { Payer = new PayerBody("o123", null) };
        Assert.Equal("payer", CreatePaymentValidator.Validate(payer, FeeSchedule.None).Error!.Param);

        var code = Request("checkout") with { PaymentCode = "134567890123456789" };
        Assert.Equal("payment_code", CreatePaymentValidator.Validate(code, FeeSchedule.None).Error!.Param);

        var types = Request("wechat_pay.native") with { PaymentMethodTypes = ["wechat_pay.native"] };
        Assert.Equal("payment_method_types", CreatePaymentValidator.Validate(types, FeeSchedule.None).Error!.Param);

        var (valid, error) = CreatePaymentValidator.Validate(Request("checkout") with { ReturnUrl = "https://shop.example/done" }, FeeSchedule.None);
        Assert.Null(error);
        Assert.Equal(("checkout", ""), (valid!.Method, valid.Channel));
        Assert.Null(valid.PaymentMethodTypes);
        Assert.Equal("https://shop.example/done", valid.Payer!.ReturnUrl);
    }

    [Theory]
    [InlineData("12.5", 1250L)]
    [InlineData(" 8 ", 800L)]
    [InlineData("0.01", 1L)]
    [InlineData("12.345", null)]
    [InlineData("-1", null)]
    [InlineData("0", null)]
    [InlineData("1e3", null)]
    [InlineData("1,000", null)]
    [InlineData("", null)]
    [InlineData("99999999999999999", null)]
    public void StoreAmounts_AreMajorUnitsWithTheCurrencysDigits(string entered, long? expected) =>
        Assert.Equal(expected, StoreCodeEndpoints.ParseAmount(entered, Currency.Cny));

    [Fact]
    public void InAppWallet_WithAServableInAppMethod_IsChosenAtOnce_ElseItsOwnMethodsAreOffered()
    {
        foreach (var wallet in ChannelCatalog.All.Where(m => m.Capabilities.InAppBrowserMarkers.Count > 0))
        {
            var (inApp, offered) = InAppWallets.MethodsFor(wallet, TwentyYuan);
            Assert.NotNull(offered);
            Assert.All(offered, m => Assert.Contains(wallet.Capabilities.Methods, c => c.Method == m));
            if (inApp is not null)
            {
                Assert.Contains(inApp, wallet.Capabilities.InAppMethods);
                Assert.Equal([inApp], offered);
            }
        }

        Assert.Equal((null, null), InAppWallets.MethodsFor(null, TwentyYuan));
    }

    [Fact]
    public void A_wallets_in_app_method_that_needs_the_payer_id_is_the_one_its_oauth_serves()
    {
        var wallets = ChannelCatalog.All.Where(m => m.Capabilities.InAppMethods.Any(name =>
            m.Capabilities.Methods.Single(c => c.Method == name).Requires.HasFlag(PayerDetails.PayerId))).ToList();

        Assert.NotEmpty(wallets);
        foreach (var wallet in wallets)
        {
            var method = InAppWallets.PayerIdMethod(wallet, TwentyYuan);
            Assert.NotNull(method);
            Assert.Contains(method.Method, wallet.Capabilities.InAppMethods);
            Assert.True(method.Requires.HasFlag(PayerDetails.PayerId));
            Assert.Null(InAppWallets.PayerIdMethod(wallet, new Money(method.MaxAmount + 1, TwentyYuan.Currency)));
        }
    }

    [Fact]
    public void An_in_app_payment_hands_its_parameters_to_the_declared_bridge_as_safe_json()
    {
        var wallet = ChannelCatalog.All.First(m => m.Capabilities.InAppBridge is not null);
        var method = wallet.Capabilities.InAppMethods[0];
        var payment = new PaymentEntity
        {
            PartitionKey = "mch_x",
            RowKey = "pay_x",
            Method = method,
            Channel = wallet.Capabilities.Name,
            Description = "Latte",
            Amount = 100,
            Currency = "CNY",
            PlacedAtChannel = true,
            NextActionJson = NextActionBody.Serialize(new UseSdk(new Dictionary<string, string> { ["package"] = "prepay_id=wx1</script><script>alert(1)//" }), wallet.Capabilities.Name),
        };
        var address = new CheckoutAddress("pay_x", "t", "https://p.example/api/checkout/pay_x?token=t", "https://p.example/m", "https://p.example/s");

        var html = CheckoutPage.Render(payment, CashierText.English, address).Html;

        Assert.Contains("id=\"pay-in-app\"", html, StringComparison.Ordinal);
        Assert.Contains(System.Text.Json.JsonSerializer.Serialize(wallet.Capabilities.InAppBridge!.Command), html, StringComparison.Ordinal);
        Assert.DoesNotContain("</script><script>alert", html, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", null, "zh")]
    [InlineData("en-US,en;q=0.9", null, "en")]
    [InlineData("fr-FR,en;q=0.5,zh;q=0.9", null, "zh")]
    [InlineData("zh-CN", "en", "en")]
    [InlineData("", null, "en")]
    public void Language_FollowsTheQueryThenAcceptLanguage(string acceptLanguage, string? lang, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = acceptLanguage;
        if (lang is not null)
        {
            context.Request.QueryString = new QueryString("?lang=" + lang);
        }

        Assert.Equal(expected, CashierText.For(context.Request).Lang);
    }

    [Fact]
    public void PageText_IsEncoded()
    {
        var payment = ChoosingPayment("<script>alert(1)</script>", "wechat_pay.native");
        var address = Address("t\"oken");

        var html = CheckoutPage.Render(payment, CashierText.English, address).Html;

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("t\"oken", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelNames_AreTheOnesPayersKnowInThePagesLanguage()
    {
        var payment = ChoosingPayment("Latte", "wechat_pay.native,alipay.qr");
        var address = Address("t");

        var chinese = CheckoutPage.Render(payment, CashierText.Chinese, address).Html;
        var english = CheckoutPage.Render(payment, CashierText.English, address).Html;

        Assert.Contains(">微信支付<", chinese, StringComparison.Ordinal);
        Assert.Contains(">支付宝<", chinese, StringComparison.Ordinal);
        Assert.Contains(">WeChat Pay<", english, StringComparison.Ordinal);
        Assert.DoesNotContain("微信支付", english, StringComparison.Ordinal);
    }

    /// <summary>A checkout payment whose payer has yet to pick among <paramref name="types"/>.</summary>
    private static PaymentEntity ChoosingPayment(string description, string types) => new()
    {
        PartitionKey = "mch_x",
        RowKey = "pay_x",
        Method = CheckoutMethods.Name,
        Description = description,
        Amount = 100,
        Currency = "CNY",
        PaymentMethodTypes = types,
    };

    private static CheckoutAddress Address(string token) =>
        new("pay_x", token, "https://p.example/api/checkout/pay_x?token=t", "https://p.example/m", "https://p.example/s");

    private static CreatePaymentRequest Request(string method) =>
        new(2000, "cny", method, "order-1", "Latte", null, null, null, null, null, null);
}

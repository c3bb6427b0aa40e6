using PayFunctions.Channels.AlipayPlus;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.AlipayPlus;

public sealed class ClientTests
{
    private const string OrderNo = "pay_0000000000000001";
    private const string PaymentId = "20260301190741010007000000001";
    private static readonly Uri ReturnUrl = new("https://shop.example/orders/return");

    private readonly FakeAlipayPlus _fake = new();

    private static PrepayRequest Order(string method, long amount, string currency) =>
        new(OrderNo, method, new Money(amount, Currency.Parse(currency)), "Latte", new DateTimeOffset(2026, 3, 1, 10, 30, 0, TimeSpan.FromHours(8)), AlipayPlusTestKeys.NotifyUrl, null)
        {
            ReturnUrl = ReturnUrl,
        };

    public static TheoryData<string, string, string, long> Wallets => new()
    {
        { "alipay_plus.gcash", "GCASH", "PHP", 10000 },
        { "alipay_plus.dana", "DANA", "IDR", 3000000 },
        { "alipay_plus.tng", "TNG", "MYR", 5 },
        { "alipay_plus.truemoney", "TRUEMONEY", "THB", 100 },
    };

    [Theory]
    [MemberData(nameof(Wallets))]
    public async Task Prepay_RedirectWallet_SendsASignedCashierPaymentAndRedirectsToNormalUrl(string method, string type, string currency, long amount)
    {
        _fake.Respond = _ => FakeAlipayPlus.Result("U", "PAYMENT_IN_PROCESS", $$""","paymentId":"{{PaymentId}}","normalUrl":"https://m.wallet.example/pay?id=1","schemeUrl":"wallet://pay" """);
        using var client = AlipayPlusTestKeys.Client(_fake);

        var result = await client.PrepayAsync(Order(method, amount, currency), CancellationToken.None);

        Assert.Equal(PrepayStatus.Placed, result.Status);
        Assert.Equal(new Uri("https://m.wallet.example/pay?id=1"), Assert.IsType<RedirectToUrl>(result.NextAction).Url);
        var call = Assert.Single(_fake.Calls);
        Assert.True(call.SignatureValid);
        Assert.Equal("/ams/api/v1/payments/pay", call.Path);
        Assert.Equal(AlipayPlusTestKeys.ClientId, call.Headers["client-id"]);
        Assert.StartsWith("algorithm=RSA256,keyVersion=2,signature=", call.Headers["signature"], StringComparison.Ordinal);
        Assert.Equal("CASHIER_PAYMENT", (string?)call.Body["productCode"]);
        Assert.Equal(OrderNo, (string?)call.Body["paymentRequestId"]);
        Assert.Equal(type, (string?)call.Body["paymentMethod"]!["paymentMethodType"]);

        // Minor units as a string, whatever the currency: Rp 30,000.00 is "3000000".
        Assert.Equal(currency, (string?)call.Body["paymentAmount"]!["currency"]);
        Assert.Equal(amount.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)call.Body["paymentAmount"]!["value"]);
        Assert.Equal("2026-03-01T10:30:00+08:00", (string?)call.Body["paymentExpiryTime"]);
        Assert.Equal(ReturnUrl.AbsoluteUri, (string?)call.Body["paymentRedirectUrl"]);
        Assert.Equal(AlipayPlusTestKeys.NotifyUrl.AbsoluteUri, (string?)call.Body["paymentNotifyUrl"]);
        Assert.Equal("WEB", (string?)call.Body["env"]!["terminalType"]);
    }

    [Fact]
    public async Task Prepay_KakaoPay_ShowsTheCodeValueAsQr()
    {
        _fake.Respond = _ => FakeAlipayPlus.Result(
            "U", "PAYMENT_IN_PROCESS", ""","orderCodeForm":{"codeDetails":[{"codeValue":"https://qr.kakaopay.example/1","displayType":"TEXT"}]}""");
        using var client = AlipayPlusTestKeys.Client(_fake);

        var result = await client.PrepayAsync(Order("alipay_plus.kakaopay", 10000, "KRW"), CancellationToken.None);

        Assert.Equal("https://qr.kakaopay.example/1", Assert.IsType<DisplayQrCode>(result.NextAction).Data);
        Assert.Equal("10000", (string?)_fake.Calls[0].Body["paymentAmount"]!["value"]);
    }

    [Theory]
    [InlineData("U", "UNKNOWN_EXCEPTION", true)]
    [InlineData("F", "PARAM_ILLEGAL", false)]
    public async Task Prepay_UnknownIsTransientAndFailureIsARefusal(string status, string code, bool transient)
    {
        _fake.Respond = _ => FakeAlipayPlus.Result(status, code);
        using var client = AlipayPlusTestKeys.Client(_fake);

        var error = await Assert.ThrowsAsync<ChannelException>(() => client.PrepayAsync(Order("alipay_plus.gcash", 10000, "PHP"), CancellationToken.None));

        Assert.Equal(code, error.Code);
        Assert.Equal(transient, error.IsTransient);
    }

    [Theory]
    [InlineData("S", "SUCCESS")]
    [InlineData("F", "REPEAT_REQ_INCONSISTENT")]
    [InlineData("F", "ORDER_IS_CLOSED")]
    public async Task Prepay_AnOrderAlreadyAtAlipayPlus_IsNeverADecline(string status, string code)
    {
        _fake.Respond = _ => FakeAlipayPlus.Result(status, code);
        using var client = AlipayPlusTestKeys.Client(_fake);

        var result = await client.PrepayAsync(Order("alipay_plus.gcash", 10000, "PHP"), CancellationToken.None);

        Assert.Equal(PrepayStatus.AlreadyAtChannel, result.Status);
        Assert.Equal(code, result.ChannelCode);
    }

    [Fact]
    public async Task Prepay_OtherCurrencyOrNoReturnUrl_IsRefusedBeforeAnyCall()
    {
        using var client = AlipayPlusTestKeys.Client(_fake);

        var currency = await Assert.ThrowsAsync<ChannelException>(() => client.PrepayAsync(Order("alipay_plus.gcash", 10000, "USD"), CancellationToken.None));
        var noReturn = await Assert.ThrowsAsync<ChannelException>(
            () => client.PrepayAsync(Order("alipay_plus.gcash", 10000, "PHP") with { ReturnUrl = null }, CancellationToken.None));

        Assert.Equal("CURRENCY_NOT_SUPPORTED", currency.Code);
        Assert.Equal("RETURN_URL_REQUIRED", noReturn.Code);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task AnAnswerChangedAfterSigning_IsRefused()
    {
        _fake.Respond = _ => FakeAlipayPlus.Result("S", "SUCCESS", ""","paymentStatus":"FAIL","paymentId":"1","paymentAmount":{"currency":"PHP","value":"10000"}""");
        _fake.Tamper = body => body.Replace("FAIL", "SUCCESS", StringComparison.Ordinal);
        using var client = AlipayPlusTestKeys.Client(_fake);

        var error = await Assert.ThrowsAsync<ChannelException>(() => client.QueryAsync(OrderNo, CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_INVALID", error.Code);
        Assert.False(error.IsTransient);
    }

    [Theory]
    [InlineData("SUCCESS", ChannelTradeState.Succeeded)]
    [InlineData("FAIL", ChannelTradeState.Failed)]
    [InlineData("CANCELLED", ChannelTradeState.Closed)]
    [InlineData("PENDING", ChannelTradeState.Paying)]
    [InlineData("PROCESSING", ChannelTradeState.NotPaid)]
    public async Task Query_MapsThePaymentStatus(string status, ChannelTradeState expected)
    {
        _fake.Respond = _ => FakeAlipayPlus.Result("S", "SUCCESS", $$"""
            ,"paymentStatus":"{{status}}","paymentRequestId":"{{OrderNo}}","paymentId":"{{PaymentId}}","paymentAmount":{"currency":"PHP","value":"10000"},"paymentTime":"2026-03-01T10:05:00+08:00"
            """);
        using var client = AlipayPlusTestKeys.Client(_fake);

        var order = await client.QueryAsync(OrderNo, CancellationToken.None);

        Assert.Equal(expected, order.State);
        Assert.Equal(PaymentId, order.ChannelTradeNo);
        Assert.Equal(new Money(10000, Currency.Parse("PHP")), order.Amount);
        Assert.Equal(expected == ChannelTradeState.Succeeded ? new DateTimeOffset(2026, 3, 1, 10, 5, 0, TimeSpan.FromHours(8)) : null, order.PaidAt);
        Assert.Equal(OrderNo, (string?)_fake.Calls[0].Body["paymentRequestId"]);
    }

    [Fact]
    public async Task Query_ReportsThePayersIdAtTheirWallet_AndTheWallet()
    {
        _fake.Respond = _ => FakeAlipayPlus.Result("S", "SUCCESS", $$"""
            ,"paymentStatus":"SUCCESS","paymentRequestId":"{{OrderNo}}","paymentId":"{{PaymentId}}","paymentAmount":{"currency":"PHP","value":"10000"},"paymentTime":"2026-03-01T10:05:00+08:00",
             "pspCustomerInfo":{"pspName":"GCASH","pspCustomerId":"2188120012345678","displayCustomerId":"63*****1234"}
            """);
        using var client = AlipayPlusTestKeys.Client(_fake);

        var order = await client.QueryAsync(OrderNo, CancellationToken.None);

        Assert.Equal(new ChannelPayer("2188120012345678", "GCASH", null, null), order.Payer);
    }

    [Fact]
    public async Task Query_AnOrderAlipayPlusNeverTook_IsNotPaid()
    {
        _fake.Respond = _ => FakeAlipayPlus.Result("F", "ORDER_NOT_EXIST");
        using var client = AlipayPlusTestKeys.Client(_fake);

        var order = await client.QueryAsync(OrderNo, CancellationToken.None);

        Assert.Equal(ChannelTradeState.NotPaid, order.State);
        Assert.Null(order.ChannelTradeNo);
    }

    [Fact]
    public async Task Close_APaidPayment_IsAlreadyPaidAndNeverCancelled()
    {
        _fake.Respond = _ => FakeAlipayPlus.Result("S", "SUCCESS", ""","paymentStatus":"SUCCESS","paymentId":"1","paymentAmount":{"currency":"PHP","value":"10000"}""");
        using var client = AlipayPlusTestKeys.Client(_fake);

        Assert.Equal(CloseOutcome.AlreadyPaid, await client.CloseAsync(OrderNo, CancellationToken.None));
        Assert.DoesNotContain(_fake.Calls, c => c.Path.EndsWith("/cancel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Close_AnUnpaidPayment_CancelsIt()
    {
        _fake.Respond = call => call.Path.EndsWith("/cancel", StringComparison.Ordinal)
            ? FakeAlipayPlus.Result("S", "SUCCESS")
            : FakeAlipayPlus.Result("S", "SUCCESS", ""","paymentStatus":"PROCESSING","paymentAmount":{"currency":"PHP","value":"10000"}""");
        using var client = AlipayPlusTestKeys.Client(_fake);

        Assert.Equal(CloseOutcome.Closed, await client.CloseAsync(OrderNo, CancellationToken.None));
        Assert.Equal(OrderNo, (string?)_fake.Calls[^1].Body["paymentRequestId"]);
        Assert.Equal("/ams/api/v1/payments/cancel", _fake.Calls[^1].Path);
    }

    [Fact]
    public async Task Refund_NamesThePaymentIdAndCarriesThePaymentsRequestIdForTheNotification()
    {
        _fake.Respond = _ => FakeAlipayPlus.Result(
            "S", "SUCCESS", ""","refundId":"R1","refundAmount":{"currency":"PHP","value":"3333"},"refundTime":"2026-03-01T11:00:00+08:00" """);
        using var client = AlipayPlusTestKeys.Client(_fake);
        var request = new ChannelRefundRequest(OrderNo, "re_1", new Money(3333, Currency.Parse("PHP")), new Money(10000, Currency.Parse("PHP")), "changed mind", AlipayPlusTestKeys.NotifyUrl)
        {
            ChannelTradeNo = PaymentId,
        };

        var refund = await client.RefundAsync(request, CancellationToken.None);

        Assert.Equal(ChannelRefundState.Succeeded, refund.State);
        Assert.Equal("R1", refund.ChannelRefundNo);
        Assert.Equal(new Money(3333, Currency.Parse("PHP")), refund.Amount);
        var body = _fake.Calls.Single().Body;
        Assert.Equal(PaymentId, (string?)body["paymentId"]);
        Assert.Equal("re_1", (string?)body["refundRequestId"]);
        Assert.Equal("3333", (string?)body["refundAmount"]!["value"]);
        Assert.Equal(OrderNo, (string?)body["metadata"]);
    }

    [Theory]
    [InlineData("U", "REFUND_IN_PROCESS", null)]
    [InlineData("U", "UNKNOWN_EXCEPTION", true)]
    [InlineData("F", "REFUND_AMOUNT_EXCEED", false)]
    public async Task Refund_InProcessWaitsUnknownRetriesFailureRefuses(string status, string code, bool? transient)
    {
        _fake.Respond = _ => FakeAlipayPlus.Result(status, code);
        using var client = AlipayPlusTestKeys.Client(_fake);
        var request = new ChannelRefundRequest(OrderNo, "re_1", new Money(100, Currency.Parse("PHP")), new Money(10000, Currency.Parse("PHP")), null, AlipayPlusTestKeys.NotifyUrl)
        {
            ChannelTradeNo = PaymentId,
        };

        if (transient is null)
        {
            Assert.Equal(ChannelRefundState.Processing, (await client.RefundAsync(request, CancellationToken.None)).State);
        }
        else
        {
            var error = await Assert.ThrowsAsync<ChannelException>(() => client.RefundAsync(request, CancellationToken.None));
            Assert.Equal(transient, error.IsTransient);
        }
    }

    [Theory]
    [InlineData("SUCCESS", ChannelRefundState.Succeeded)]
    [InlineData("FAIL", ChannelRefundState.Failed)]
    [InlineData("PROCESSING", ChannelRefundState.Processing)]
    public async Task QueryRefund_MapsTheRefundStatus(string status, ChannelRefundState expected)
    {
        _fake.Respond = _ => FakeAlipayPlus.Result("S", "SUCCESS", $$""","refundStatus":"{{status}}","refundId":"R1","refundAmount":{"currency":"PHP","value":"100"}""");
        using var client = AlipayPlusTestKeys.Client(_fake);

        var refund = await client.QueryRefundAsync("re_1", CancellationToken.None);

        Assert.Equal(expected, refund.State);
        Assert.Equal("re_1", (string?)_fake.Calls[0].Body["refundRequestId"]);
    }
}

using System.Text.Json;
using PayFunctions.Channels.WeChatPay;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.WeChatPay;

/// <summary>Payment-code orders (the merchant scans the payer's code) and their reversal.</summary>
public sealed class PaymentCodeTests : IDisposable
{
    private const string OutTradeNo = "pay_01HV6Z5K3M";
    private const string Code = "130061098828009406";
    private readonly TestAccount _account = new(options => options.StoreId = "A1111");

    public void Dispose() => _account.Dispose();

    [Fact]
    public async Task Charge_SendsTheDocumentedBody_AndAnswersTheTransaction()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, Transaction("SUCCESS"));

        var result = await _account.Client.PrepayAsync(Request(), CancellationToken.None);

        Assert.Equal(PrepayStatus.Answered, result.Status);
        Assert.Equal(ChannelTradeState.Succeeded, result.Order!.State);
        Assert.Equal("4200000985202103031441826014", result.Order.ChannelTradeNo);
        var sent = Assert.Single(_account.Handler.Requests);
        Assert.Equal("/v3/pay/transactions/codepay", sent.Uri.AbsolutePath);
        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        Assert.Equal(Code, root.GetProperty("payer").GetProperty("auth_code").GetString());
        Assert.Equal("A1111", root.GetProperty("scene_info").GetProperty("store_info").GetProperty("out_id").GetString());
        Assert.Equal(TestAccount.AppId, root.GetProperty("appid").GetString());
        Assert.False(root.TryGetProperty("notify_url", out _));
        Assert.False(root.TryGetProperty("time_expire", out _));
    }

    [Fact]
    public async Task Charge_UserPaying_IsAnsweredAsPaying()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """{"trade_state":"USERPAYING"}""");

        var result = await _account.Client.PrepayAsync(Request(), CancellationToken.None);

        Assert.Equal(PrepayStatus.Answered, result.Status);
        Assert.Equal(ChannelTradeState.Paying, result.Order!.State);
    }

    [Theory]
    [InlineData(500, "SYSTEM_ERROR")]
    [InlineData(500, "BANK_ERROR")]
    [InlineData(503, "")]
    public async Task Charge_UnclearFailure_IsDecidedByAVerifiedQuery(int status, string code)
    {
        _account.Handler.Respond = request => request.Method == HttpMethod.Get
            ? new FakeAnswer(200, Transaction("USERPAYING"))
            : new FakeAnswer(status, $$$"""{"code":"{{{code}}}","message":"x"}""");

        var result = await _account.Client.PrepayAsync(Request(), CancellationToken.None);

        Assert.Equal(ChannelTradeState.Paying, result.Order!.State);
        Assert.Equal(HttpMethod.Get, _account.Handler.Requests[1].Method);
    }

    [Fact]
    public async Task Charge_UnclearFailure_ForAnOrderTheChannelDoesNotHave_StaysTransient()
    {
        _account.Handler.Respond = request => request.Method == HttpMethod.Get
            ? new FakeAnswer(404, """{"code":"ORDER_NOT_EXIST","message":"x"}""")
            : new FakeAnswer(500, """{"code":"SYSTEM_ERROR","message":"x"}""");

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(Request(), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("SYSTEM_ERROR", error.Code);
    }

    [Fact]
    public async Task Charge_Declined_IsNotTransient()
    {
        _account.Handler.Respond = _ => new FakeAnswer(403, """{"code":"NOT_ENOUGH","message":"用户账户余额不足"}""");

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(Request(), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal("NOT_ENOUGH", error.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("280061098828009406")]
    [InlineData("13006109882800940")]
    public async Task Charge_WithoutAWeChatPaymentCode_IsRefusedBeforeAnyCall(string? code)
    {
        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(Request() with { PaymentCode = code }, CancellationToken.None));

        Assert.Equal("PAYER_DETAILS_MISSING", error.Code);
        Assert.Empty(_account.Handler.Requests);
    }

    [Theory]
    [InlineData("SUCCESS", CloseOutcome.Reversed)]
    [InlineData("PAYERROR", CloseOutcome.Closed)]
    [InlineData("NOTPAY", CloseOutcome.Closed)]
    public async Task Cancel_Reverses_AndTellsWhetherMoneyWentBack(string tradeState, CloseOutcome expected)
    {
        _account.Handler.Respond = request => request.Method == HttpMethod.Get
            ? new FakeAnswer(200, Transaction(tradeState))
            : new FakeAnswer(200, $$$"""{"appid":"{{{TestAccount.AppId}}}","mchid":"{{{TestAccount.MchId}}}","out_trade_no":"{{{OutTradeNo}}}"}""");

        Assert.Equal(expected, await _account.Client.CancelAsync(OutTradeNo, CancellationToken.None));
        var reverse = _account.Handler.Requests[1];
        Assert.Equal($"/v3/pay/transactions/out-trade-no/{OutTradeNo}/reverse", reverse.Uri.AbsolutePath);
        using var json = JsonDocument.Parse(reverse.Body);
        Assert.Equal(TestAccount.AppId, json.RootElement.GetProperty("appid").GetString());
        Assert.Equal(TestAccount.MchId, json.RootElement.GetProperty("mchid").GetString());
    }

    [Fact]
    public async Task Cancel_WhileThePayerConfirms_IsTransient()
    {
        _account.Handler.Respond = request => request.Method == HttpMethod.Get
            ? new FakeAnswer(200, Transaction("USERPAYING"))
            : new FakeAnswer(400, """{"code":"USERPAYING","message":"正在支付中不能发起撤销"}""");

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.CancelAsync(OutTradeNo, CancellationToken.None));

        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Cancel_OfAnOrderThatIsNotAPaymentCodeOrder_ClosesIt()
    {
        _account.Handler.Respond = request => request.Method == HttpMethod.Get
            ? new FakeAnswer(200, Transaction("NOTPAY").Replace("MICROPAY", "NATIVE", StringComparison.Ordinal))
            : new FakeAnswer(204, string.Empty);

        Assert.Equal(CloseOutcome.Closed, await _account.Client.CancelAsync(OutTradeNo, CancellationToken.None));
        Assert.Equal($"/v3/pay/transactions/out-trade-no/{OutTradeNo}/close", _account.Handler.Requests[1].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Cancel_OfAnUnknownOrder_IsNotFound()
    {
        _account.Handler.Respond = _ => new FakeAnswer(404, """{"code":"ORDER_NOT_EXIST","message":"x"}""");

        Assert.Equal(CloseOutcome.NotFound, await _account.Client.CancelAsync(OutTradeNo, CancellationToken.None));
    }

    [Fact]
    public void Module_DeclaresThePaymentCodeMethodWithItsPattern()
    {
        var method = new WeChatPayModule().Capabilities.Methods.Single(m => m.Method == "wechat_pay.payment_code");

        Assert.Equal(PayerDetails.PaymentCode, method.Requires);
        Assert.Equal(NextActionType.None, method.NextAction);
        Assert.Matches(method.PaymentCodePattern!, Code);
        Assert.DoesNotMatch(method.PaymentCodePattern!, "160061098828009406");
        Assert.DoesNotMatch(method.PaymentCodePattern!, "28" + Code[2..]);
    }

    private static PrepayRequest Request() => new(
        OutTradeNo, "wechat_pay.payment_code", new Money(100, Currency.Cny), "Image形象店-深圳腾大-QQ公仔", TestAccount.Now.AddMinutes(5),
        new Uri("https://pay.example.com/notify/wechat_pay"), null) { PaymentCode = Code };

    private static string Transaction(string tradeState) => $$$"""
        {"appid":"{{{TestAccount.AppId}}}","mchid":"{{{TestAccount.MchId}}}","out_trade_no":"{{{OutTradeNo}}}","transaction_id":"4200000985202103031441826014",
         "trade_type":"MICROPAY","bank_type":"OTHERS","success_time":"2025-03-01T12:01:02+08:00","trade_state":"{{{tradeState}}}",
         "trade_state_desc":"x","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},"amount":{"total":100,"payer_total":100,"currency":"CNY","payer_currency":"CNY"}}
        """;
}

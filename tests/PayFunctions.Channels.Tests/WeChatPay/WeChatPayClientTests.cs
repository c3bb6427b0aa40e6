using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.WeChatPay;

public sealed class WeChatPayClientTests : IDisposable
{
    private const string OutTradeNo = "pay_01HV6Z5K3M";
    private readonly TestAccount _account = new();

    public void Dispose() => _account.Dispose();

    [Fact]
    public async Task Prepay_SendsDocumentedNativeBody_AndReturnsCodeUrl()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """{"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"}""");
        var request = new PrepayRequest(
            OutTradeNo, "wechat_pay.native", new Money(1999, Currency.Cny), "Image形象店-深圳腾大-QQ公仔", new DateTimeOffset(2025, 3, 1, 4, 30, 0, TimeSpan.Zero),
            new Uri("https://pay.example.com/notify/wechat_pay"), "merchant=m_42");

        var result = await _account.Client.PrepayAsync(request, CancellationToken.None);

        Assert.Equal(new DisplayQrCode("weixin://wxpay/bizpayurl?pr=p4lpSuKzz"), result.NextAction);
        var sent = Assert.Single(_account.Handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://api.mch.weixin.qq.com/v3/pay/transactions/native", sent.Uri.AbsoluteUri);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("application/json", sent.Headers["Accept"]);
        Assert.False(string.IsNullOrEmpty(sent.Headers["User-Agent"]));
        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        Assert.Equal(TestAccount.AppId, root.GetProperty("appid").GetString());
        Assert.Equal(TestAccount.MchId, root.GetProperty("mchid").GetString());
        Assert.Equal("Image形象店-深圳腾大-QQ公仔", root.GetProperty("description").GetString());
        Assert.Equal(OutTradeNo, root.GetProperty("out_trade_no").GetString());
        Assert.Equal("2025-03-01T12:30:00+08:00", root.GetProperty("time_expire").GetString());
        Assert.Equal("https://pay.example.com/notify/wechat_pay", root.GetProperty("notify_url").GetString());
        Assert.Equal("merchant=m_42", root.GetProperty("attach").GetString());
        Assert.Equal(1999, root.GetProperty("amount").GetProperty("total").GetInt64());
        Assert.Equal("CNY", root.GetProperty("amount").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Prepay_WithoutAttach_OmitsTheField()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """{"code_url":"weixin://wxpay/bizpayurl?pr=x"}""");

        await _account.Client.PrepayAsync(Request(attach: null), CancellationToken.None);

        using var json = JsonDocument.Parse(_account.Handler.Requests[0].Body);
        Assert.False(json.RootElement.TryGetProperty("attach", out _));
    }

    [Fact]
    public async Task Prepay_AuthorizationHeader_VerifiesWithMerchantPublicKey()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """{"code_url":"weixin://wxpay/bizpayurl?pr=x"}""");

        await _account.Client.PrepayAsync(Request(), CancellationToken.None);

        var sent = _account.Handler.Requests[0];
        var authorization = sent.Headers["Authorization"];
        const string scheme = "WECHATPAY2-SHA256-RSA2048 ";
        Assert.StartsWith(scheme, authorization, StringComparison.Ordinal);
        var parameters = authorization[scheme.Length..]
            .Split(',')
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('"'), StringComparer.Ordinal);
        Assert.Equal(TestAccount.MchId, parameters["mchid"]);
        Assert.Equal(TestAccount.MerchantSerialNo, parameters["serial_no"]);
        Assert.Equal(_account.UnixNow.ToString(CultureInfo.InvariantCulture), parameters["timestamp"]);
        Assert.InRange(parameters["nonce_str"].Length, 16, 32);
        var message = $"POST\n/v3/pay/transactions/native\n{parameters["timestamp"]}\n{parameters["nonce_str"]}\n{sent.Body}\n";
        Assert.True(_account.MerchantKey.VerifyData(
            Encoding.UTF8.GetBytes(message), Convert.FromBase64String(parameters["signature"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task Prepay_ThroughABaseUrlWithAPath_KeepsThePathAndSignsIt()
    {
        using var account = new TestAccount(options => options.BaseUrl = new Uri("https://gateway.example.com/wechat-pay/"));
        account.Handler.Respond = _ => new FakeAnswer(200, """{"code_url":"weixin://wxpay/bizpayurl?pr=x"}""");

        await account.Client.PrepayAsync(Request(), CancellationToken.None);

        var sent = Assert.Single(account.Handler.Requests);
        Assert.Equal("https://gateway.example.com/wechat-pay/v3/pay/transactions/native", sent.Uri.AbsoluteUri);
        var parameters = sent.Headers["Authorization"]["WECHATPAY2-SHA256-RSA2048 ".Length..]
            .Split(',')
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('"'), StringComparer.Ordinal);
        var message = $"POST\n/wechat-pay/v3/pay/transactions/native\n{parameters["timestamp"]}\n{parameters["nonce_str"]}\n{sent.Body}\n";
        Assert.True(account.MerchantKey.VerifyData(
            Encoding.UTF8.GetBytes(message), Convert.FromBase64String(parameters["signature"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task Prepay_ResponseSignedOverOtherBody_IsRejected()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """{"code_url":"weixin://attacker"}""") { SignedBody = """{"code_url":"weixin://wxpay/bizpayurl?pr=x"}""" };

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(Request(), CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_INVALID", error.Code);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Prepay_ResponseFromUnknownPlatformSerial_IsRejected()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """{"code_url":"weixin://x"}""") { Serial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1" };

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(Request(), CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_INVALID", error.Code);
    }

    [Fact]
    public async Task Prepay_ResponseWithStaleTimestamp_IsRejected()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """{"code_url":"weixin://x"}""") { Timestamp = _account.UnixNow - 301 };

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(Request(), CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_INVALID", error.Code);
    }

    [Fact]
    public async Task Prepay_NonCnyAmount_IsRefusedWithoutCallingTheChannel()
    {
        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(
            Request() with { Amount = new Money(100, Currency.Parse("USD")) }, CancellationToken.None));

        Assert.Equal("CURRENCY_NOT_SUPPORTED", error.Code);
        Assert.Empty(_account.Handler.Requests);
    }

    [Theory]
    [InlineData(400, "PARAM_ERROR", false)]
    [InlineData(429, "FREQUENCY_LIMITED", true)]
    [InlineData(500, "SYSTEM_ERROR", true)]
    public async Task Prepay_ErrorAnswer_BecomesChannelException(int status, string code, bool transient)
    {
        _account.Handler.Respond = _ => new FakeAnswer(status, $$"""{"code":"{{code}}","message":"描述"}""");

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(Request(), CancellationToken.None));

        Assert.Equal(code, error.Code);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal(transient, error.IsTransient);
    }

    [Theory]
    [InlineData(400, "ORDERPAID")]
    [InlineData(400, "ORDER_PAID")]
    [InlineData(403, "OUT_TRADE_NO_USED")]
    public async Task Prepay_OfAnOrderTheChannelAlreadyHolds_IsNotADecline(int status, string code)
    {
        _account.Handler.Respond = _ => new FakeAnswer(status, $$"""{"code":"{{code}}","message":"描述"}""");

        var result = await _account.Client.PrepayAsync(Request(), CancellationToken.None);

        Assert.Equal(PrepayResult.AlreadyAtChannel(code), result);
        Assert.Null(result.NextAction);
    }

    [Fact]
    public async Task Prepay_NetworkFailure_IsTransient()
    {
        _account.Handler.Respond = _ => throw new HttpRequestException("connection refused");

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(Request(), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Null(error.HttpStatus);
    }

    [Theory]
    [InlineData("SUCCESS", ChannelTradeState.Succeeded)]
    [InlineData("REFUND", ChannelTradeState.Refunded)]
    [InlineData("NOTPAY", ChannelTradeState.NotPaid)]
    [InlineData("CLOSED", ChannelTradeState.Closed)]
    [InlineData("REVOKED", ChannelTradeState.Closed)]
    [InlineData("USERPAYING", ChannelTradeState.Paying)]
    [InlineData("PAYERROR", ChannelTradeState.Failed)]
    public async Task Query_MapsTradeState(string tradeState, ChannelTradeState expected)
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, Transaction(tradeState));

        var order = await _account.Client.QueryAsync(OutTradeNo, CancellationToken.None);

        Assert.Equal(expected, order.State);
    }

    [Fact]
    public async Task Query_SignsGetWithQueryString_AndMapsTheTransaction()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, Transaction("SUCCESS"));

        var order = await _account.Client.QueryAsync(OutTradeNo, CancellationToken.None);

        var sent = Assert.Single(_account.Handler.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal($"/v3/pay/transactions/out-trade-no/{OutTradeNo}?mchid={TestAccount.MchId}", sent.Uri.PathAndQuery);
        Assert.Equal(string.Empty, sent.Body);
        Assert.Equal(
            new ChannelOrder(OutTradeNo, ChannelTradeState.Succeeded, "4200001234202503011234567890", new Money(1999, Currency.Cny), new DateTimeOffset(2025, 3, 1, 12, 1, 2, TimeSpan.FromHours(8)))
            {
                Payer = new ChannelPayer("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "CMC", null, null),
            },
            order);
    }

    [Fact]
    public async Task Query_NotPaidWithoutTransactionId_HasNoChannelTradeNoOrPaidAt()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, $$"""{"appid":"{{TestAccount.AppId}}","mchid":"{{TestAccount.MchId}}","out_trade_no":"{{OutTradeNo}}","trade_state":"NOTPAY","trade_state_desc":"订单未支付"}""");

        var order = await _account.Client.QueryAsync(OutTradeNo, CancellationToken.None);

        Assert.Equal(new ChannelOrder(OutTradeNo, ChannelTradeState.NotPaid, null, null, null), order);
    }

    [Fact]
    public async Task Query_UnknownTradeState_IsNotGuessed()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, Transaction("ACCEPT"));

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.QueryAsync(OutTradeNo, CancellationToken.None));

        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Query_OrderNotExist_IsChannelExceptionWithCode()
    {
        _account.Handler.Respond = _ => new FakeAnswer(404, """{"code":"ORDER_NOT_EXIST","message":"订单不存在"}""");

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.QueryAsync(OutTradeNo, CancellationToken.None));

        Assert.Equal("ORDER_NOT_EXIST", error.Code);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Query_MalformedJsonInSignedResponse_IsChannelException()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, "{\"trade_state\":");

        await Assert.ThrowsAsync<ChannelException>(() => _account.Client.QueryAsync(OutTradeNo, CancellationToken.None));
    }

    [Fact]
    public async Task Close_NoContent_IsClosed_AndSendsMchIdBody()
    {
        _account.Handler.Respond = _ => new FakeAnswer(204, string.Empty);

        var outcome = await _account.Client.CloseAsync(OutTradeNo, CancellationToken.None);

        Assert.Equal(CloseOutcome.Closed, outcome);
        var sent = Assert.Single(_account.Handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal($"/v3/pay/transactions/out-trade-no/{OutTradeNo}/close", sent.Uri.PathAndQuery);
        Assert.Equal($$"""{"mchid":"{{TestAccount.MchId}}"}""", sent.Body);
    }

    [Theory]
    [InlineData(400, "ORDERPAID", CloseOutcome.AlreadyPaid)]
    [InlineData(400, "ORDER_PAID", CloseOutcome.AlreadyPaid)]
    [InlineData(404, "ORDER_NOT_EXIST", CloseOutcome.NotFound)]
    [InlineData(400, "ORDER_CLOSED", CloseOutcome.Closed)]
    public async Task Close_DocumentedErrors_MapToOutcome(int status, string code, CloseOutcome expected)
    {
        _account.Handler.Respond = _ => new FakeAnswer(status, $$"""{"code":"{{code}}","message":"描述"}""");

        Assert.Equal(expected, await _account.Client.CloseAsync(OutTradeNo, CancellationToken.None));
    }

    [Fact]
    public async Task Close_NotFoundWithoutErrorBody_IsNotFound()
    {
        _account.Handler.Respond = _ => new FakeAnswer(404, string.Empty);

        Assert.Equal(CloseOutcome.NotFound, await _account.Client.CloseAsync(OutTradeNo, CancellationToken.None));
    }

    [Fact]
    public async Task Close_NoContentWithBadSignature_IsRejected()
    {
        _account.Handler.Respond = _ => new FakeAnswer(204, string.Empty) { SignedBody = "{}" };

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.CloseAsync(OutTradeNo, CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_INVALID", error.Code);
    }

    [Fact]
    public async Task Close_UserPaying_IsTransientAndNotClosed()
    {
        _account.Handler.Respond = _ => new FakeAnswer(202, """{"code":"USER_PAYING","message":"用户支付中"}""");

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.CloseAsync(OutTradeNo, CancellationToken.None));

        Assert.Equal("USER_PAYING", error.Code);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Close_SystemError_IsTransient()
    {
        _account.Handler.Respond = _ => new FakeAnswer(500, """{"code":"SYSTEM_ERROR","message":"系统错误"}""");

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.CloseAsync(OutTradeNo, CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("SYSTEM_ERROR", error.Code);
    }

    private static PrepayRequest Request(string? attach = "a") => new(
        OutTradeNo, "wechat_pay.native", new Money(1999, Currency.Cny), "QQ公仔", TestAccount.Now.AddMinutes(30), new Uri("https://pay.example.com/notify/wechat_pay"), attach);

    private static string Transaction(string tradeState) => $$"""
        {"appid":"{{TestAccount.AppId}}","mchid":"{{TestAccount.MchId}}","out_trade_no":"{{OutTradeNo}}",
         "transaction_id":"4200001234202503011234567890","trade_type":"NATIVE","trade_state":"{{tradeState}}",
         "trade_state_desc":"描述","bank_type":"CMC","attach":"a","success_time":"2025-03-01T12:01:02+08:00",
         "payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
         "amount":{"total":1999,"payer_total":1899,"currency":"CNY","payer_currency":"CNY"} }
        """;
}

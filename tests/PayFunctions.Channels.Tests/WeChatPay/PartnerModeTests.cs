using System.Text.Json;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.WeChatPay;

/// <summary>A service provider (服务商) account acting for one sub-merchant: the partner API's paths, bodies and callbacks.</summary>
public sealed class PartnerModeTests : IDisposable
{
    private const string SubMchId = "1900000110";
    private const string SubAppId = "wx8888888888888888";
    private const string OutTradeNo = "pay_01HV6Z5K3M";
    private static readonly Uri NotifyUrl = new("https://pay.example.com/notify/wechat_pay");

    private readonly TestAccount _account = new(o => o.SubMchId = SubMchId);

    public void Dispose() => _account.Dispose();

    [Fact]
    public async Task NativePrepay_GoesToThePartnerPath_WithProviderAndSubMerchantIds()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """{"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"}""");

        var result = await _account.Client.PrepayAsync(Request("wechat_pay.native"), CancellationToken.None);

        Assert.Equal(new DisplayQrCode("weixin://wxpay/bizpayurl?pr=p4lpSuKzz"), result.NextAction);
        var sent = Assert.Single(_account.Handler.Requests);
        Assert.Equal("/v3/pay/partner/transactions/native", sent.Uri.AbsolutePath);
        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        Assert.Equal(TestAccount.AppId, root.GetProperty("sp_appid").GetString());
        Assert.Equal(TestAccount.MchId, root.GetProperty("sp_mchid").GetString());
        Assert.Equal(SubMchId, root.GetProperty("sub_mchid").GetString());
        Assert.False(root.TryGetProperty("sub_appid", out _));
        Assert.False(root.TryGetProperty("appid", out _));
        Assert.False(root.TryGetProperty("mchid", out _));
        Assert.Equal(OutTradeNo, root.GetProperty("out_trade_no").GetString());
        Assert.Equal(1999, root.GetProperty("amount").GetProperty("total").GetInt64());
        Assert.Contains($"mchid=\"{TestAccount.MchId}\"", sent.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsapiPrepay_UnderTheProvidersAccount_SendsTheSpOpenid()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """{"prepay_id":"wx201410272009395522657a690389285100"}""");

        await _account.Client.PrepayAsync(Request("wechat_pay.jsapi") with { PayerId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" }, CancellationToken.None);

        var sent = Assert.Single(_account.Handler.Requests);
        Assert.Equal("/v3/pay/partner/transactions/jsapi", sent.Uri.AbsolutePath);
        using var json = JsonDocument.Parse(sent.Body);
        var payer = json.RootElement.GetProperty("payer");
        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", payer.GetProperty("sp_openid").GetString());
        Assert.False(payer.TryGetProperty("sub_openid", out _));
        Assert.False(payer.TryGetProperty("openid", out _));
    }

    [Fact]
    public async Task MiniProgramPrepay_UnderTheSubMerchantsApp_SendsSubAppidAndSubOpenid()
    {
        using var account = new TestAccount(o =>
        {
            o.SubMchId = SubMchId;
            o.SubAppId = SubAppId;
            o.MiniProgramAppId = SubAppId;
        });
        account.Handler.Respond = _ => new FakeAnswer(200, """{"prepay_id":"wx201410272009395522657a690389285100"}""");

        var result = await account.Client.PrepayAsync(Request("wechat_pay.mini_program") with { PayerId = "o-sub-openid" }, CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(account.Handler.Requests).Body);
        var root = json.RootElement;
        Assert.Equal(TestAccount.AppId, root.GetProperty("sp_appid").GetString());
        Assert.Equal(SubAppId, root.GetProperty("sub_appid").GetString());
        Assert.Equal("o-sub-openid", root.GetProperty("payer").GetProperty("sub_openid").GetString());
        Assert.False(root.GetProperty("payer").TryGetProperty("sp_openid", out _));
        var sdk = Assert.IsType<UseSdk>(result.NextAction);
        Assert.Equal(SubAppId, sdk.Parameters["appId"]);
    }

    [Fact]
    public async Task AppPrepay_HandsTheSdkTheSubMerchantAsPartnerId()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """{"prepay_id":"wx201410272009395522657a690389285100"}""");

        var result = await _account.Client.PrepayAsync(Request("wechat_pay.app"), CancellationToken.None);

        Assert.Equal("/v3/pay/partner/transactions/app", Assert.Single(_account.Handler.Requests).Uri.AbsolutePath);
        Assert.Equal(SubMchId, Assert.IsType<UseSdk>(result.NextAction).Parameters["partnerid"]);
    }

    [Fact]
    public async Task Query_NamesProviderAndSubMerchantInTheQueryString()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, Transaction());

        var order = await _account.Client.QueryAsync(OutTradeNo, CancellationToken.None);

        var sent = Assert.Single(_account.Handler.Requests);
        Assert.Equal($"/v3/pay/partner/transactions/out-trade-no/{OutTradeNo}?sp_mchid={TestAccount.MchId}&sub_mchid={SubMchId}", sent.Uri.PathAndQuery);
        Assert.Equal(ChannelTradeState.Succeeded, order.State);
        Assert.Equal(new Money(1999, Currency.Cny), order.Amount);
        Assert.Equal(new ChannelPayer("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "CMC", null, null), order.Payer);
    }

    [Fact]
    public async Task Close_PostsProviderAndSubMerchantIds()
    {
        var outcome = await _account.Client.CloseAsync(OutTradeNo, CancellationToken.None);

        Assert.Equal(CloseOutcome.Closed, outcome);
        var sent = Assert.Single(_account.Handler.Requests);
        Assert.Equal($"/v3/pay/partner/transactions/out-trade-no/{OutTradeNo}/close", sent.Uri.AbsolutePath);
        Assert.Equal($$"""{"sp_mchid":"{{TestAccount.MchId}}","sub_mchid":"{{SubMchId}}"}""", sent.Body);
    }

    [Fact]
    public async Task Refund_NamesTheSubMerchant_InTheBodyAndTheQuery()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """
            {"refund_id":"50000000382019052709732678859","out_refund_no":"re_01HV7A","transaction_id":"4200001234202503011234567890",
             "out_trade_no":"pay_01HV6Z5K3M","status":"PROCESSING","amount":{"total":1999,"refund":500,"currency":"CNY"} }
            """);

        await _account.Client.RefundAsync(
            new ChannelRefundRequest(OutTradeNo, "re_01HV7A", new Money(500, Currency.Cny), new Money(1999, Currency.Cny), null, NotifyUrl), CancellationToken.None);
        await _account.Client.QueryRefundAsync(OutTradeNo, "re_01HV7A", CancellationToken.None);

        using var json = JsonDocument.Parse(_account.Handler.Requests[0].Body);
        Assert.Equal("/v3/refund/domestic/refunds", _account.Handler.Requests[0].Uri.AbsolutePath);
        Assert.Equal(SubMchId, json.RootElement.GetProperty("sub_mchid").GetString());
        Assert.Equal($"/v3/refund/domestic/refunds/re_01HV7A?sub_mchid={SubMchId}", _account.Handler.Requests[1].Uri.PathAndQuery);
    }

    [Fact]
    public void PaymentNotification_OfTheSubMerchant_IsParsed()
    {
        var body = NotificationTests.Envelope(Transaction());

        var notification = _account.Client.ParseNotification(_account.SignAsPlatform(body), body);

        Assert.Equal(TestAccount.MchId, notification.MerchantId);
        Assert.Equal(TestAccount.AppId, notification.AppId);
        Assert.Equal(OutTradeNo, notification.OutTradeNo);
        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Equal(new Money(1999, Currency.Cny), notification.Amount);
        Assert.Equal(new ChannelPayer("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "CMC", null, null), notification.Payer);
    }

    [Fact]
    public void PaymentNotification_UnderTheSubMerchantsApp_NamesThePayerBySubOpenid()
    {
        var resource = Transaction().Replace("\"sp_openid\"", "\"sub_openid\"", StringComparison.Ordinal);
        var body = NotificationTests.Envelope(resource);

        var notification = _account.Client.ParseNotification(_account.SignAsPlatform(body), body);

        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", notification.Payer?.Account);
    }

    [Theory]
    [InlineData("1900000001", SubMchId)]
    [InlineData(TestAccount.MchId, "1900000111")]
    public void PaymentNotification_OfAnotherProviderOrSubMerchant_IsMerchantMismatch(string spMchId, string subMchId)
    {
        var body = NotificationTests.Envelope(Transaction(spMchId, subMchId));

        var error = Assert.Throws<ChannelNotificationException>(() => _account.Client.ParseNotification(_account.SignAsPlatform(body), body));

        Assert.Equal("merchant_mismatch", error.Reason);
    }

    [Fact]
    public void PaymentNotification_InTheDirectMerchantShape_IsMerchantMismatch()
    {
        var body = NotificationTests.Envelope($$"""
            {"mchid":"{{TestAccount.MchId}}","appid":"{{TestAccount.AppId}}","out_trade_no":"{{OutTradeNo}}","transaction_id":"4200001234202503011234567890",
             "trade_state":"SUCCESS","success_time":"2025-03-01T12:01:02+08:00","amount":{"total":1999,"currency":"CNY"} }
            """);

        var error = Assert.Throws<ChannelNotificationException>(() => _account.Client.ParseNotification(_account.SignAsPlatform(body), body));

        Assert.Equal("merchant_mismatch", error.Reason);
    }

    [Theory]
    [InlineData(SubMchId, null)]
    [InlineData("1900000111", "merchant_mismatch")]
    public void RefundNotification_IsAcceptedOnlyForTheSubMerchant(string subMchId, string? rejection)
    {
        var body = NotificationTests.Envelope($$"""
            {"sp_mchid":"{{TestAccount.MchId}}","sub_mchid":"{{subMchId}}","out_trade_no":"{{OutTradeNo}}","transaction_id":"4200001234202503011234567890",
             "out_refund_no":"re_01HV7A","refund_id":"50000000382019052709732678859","refund_status":"SUCCESS",
             "success_time":"2025-03-01T16:18:12+08:00","amount":{"total":1999,"refund":500,"payer_total":1999,"payer_refund":500} }
            """, originalType: "refund");

        if (rejection is null)
        {
            var notification = _account.Client.ParseNotification(_account.SignAsPlatform(body), body);
            Assert.Equal(ChannelTradeState.Refunded, notification.State);
            Assert.Equal(new Money(500, Currency.Cny), notification.Refund?.Amount);
        }
        else
        {
            Assert.Equal(rejection, Assert.Throws<ChannelNotificationException>(() => _account.Client.ParseNotification(_account.SignAsPlatform(body), body)).Reason);
        }
    }

    private static PrepayRequest Request(string method) =>
        new(OutTradeNo, method, new Money(1999, Currency.Cny), "QQ公仔", new DateTimeOffset(2025, 3, 1, 4, 30, 0, TimeSpan.Zero), NotifyUrl, null);

    // The decrypted resource of a partner payment callback, as the partner documentation shows it.
    private static string Transaction(string spMchId = TestAccount.MchId, string subMchId = SubMchId) => $$"""
        {"sp_appid":"{{TestAccount.AppId}}","sp_mchid":"{{spMchId}}","sub_mchid":"{{subMchId}}","out_trade_no":"{{OutTradeNo}}",
         "transaction_id":"4200001234202503011234567890","trade_type":"NATIVE","trade_state":"SUCCESS","trade_state_desc":"支付成功",
         "bank_type":"CMC","success_time":"2025-03-01T12:01:02+08:00","payer":{"sp_openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
         "amount":{"total":1999,"payer_total":1999,"currency":"CNY","payer_currency":"CNY"} }
        """;
}

using System.Text;
using System.Text.Json;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.WeChatPay;

public sealed class RefundTests : IDisposable
{
    private const string OutTradeNo = "pay_01HV6Z5K3M";
    private const string OutRefundNo = "re_01HV7A";
    private readonly TestAccount _account = new();

    public void Dispose() => _account.Dispose();

    [Fact]
    public async Task Refund_SendsDocumentedBody_AndMapsTheAnswer()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, Refund("PROCESSING", successTime: null));

        var refund = await _account.Client.RefundAsync(
            new ChannelRefundRequest(OutTradeNo, OutRefundNo, new Money(500, Currency.Cny), new Money(1999, Currency.Cny), "商品已售完", new Uri("https://pay.example.com/notify/wechat_pay")),
            CancellationToken.None);

        Assert.Equal(new ChannelRefund(OutRefundNo, ChannelRefundState.Processing, "50000000382019052709732678859", new Money(500, Currency.Cny), null), refund);
        var sent = Assert.Single(_account.Handler.Requests);
        Assert.Equal("POST https://api.mch.weixin.qq.com/v3/refund/domestic/refunds", $"{sent.Method} {sent.Uri.AbsoluteUri}");
        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        Assert.Equal(OutTradeNo, root.GetProperty("out_trade_no").GetString());
        Assert.Equal(OutRefundNo, root.GetProperty("out_refund_no").GetString());
        Assert.Equal("商品已售完", root.GetProperty("reason").GetString());
        Assert.Equal("https://pay.example.com/notify/wechat_pay", root.GetProperty("notify_url").GetString());
        Assert.Equal(500, root.GetProperty("amount").GetProperty("refund").GetInt64());
        Assert.Equal(1999, root.GetProperty("amount").GetProperty("total").GetInt64());
        Assert.Equal("CNY", root.GetProperty("amount").GetProperty("currency").GetString());
    }

    [Theory]
    [InlineData("SUCCESS", ChannelRefundState.Succeeded)]
    [InlineData("PROCESSING", ChannelRefundState.Processing)]
    [InlineData("CLOSED", ChannelRefundState.Failed)]
    [InlineData("ABNORMAL", ChannelRefundState.Failed)]
    public async Task QueryRefund_MapsStatus_AndEscapesThePath(string status, ChannelRefundState expected)
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, Refund(status));

        var refund = await _account.Client.QueryRefundAsync(OutTradeNo, "re/01 x", CancellationToken.None);

        Assert.Equal(expected, refund.State);
        Assert.Equal("/v3/refund/domestic/refunds/re%2F01%20x", Assert.Single(_account.Handler.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task QueryRefund_Succeeded_CarriesItsCompletionTime()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, Refund("SUCCESS"));

        var refund = await _account.Client.QueryRefundAsync(OutTradeNo, OutRefundNo, CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 16, 18, 12, TimeSpan.FromHours(8)), refund.CompletedAt);
    }

    [Fact]
    public async Task QueryRefund_UnknownStatus_IsMalformed()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, Refund("PENDING"));

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.QueryRefundAsync(OutTradeNo, OutRefundNo, CancellationToken.None));

        Assert.Equal("RESPONSE_MALFORMED", error.Code);
    }

    [Theory]
    [InlineData(403, "NOT_ENOUGH", false)]
    [InlineData(400, "PARAM_ERROR", false)]
    [InlineData(500, "SYSTEM_ERROR", true)]
    [InlineData(429, "FREQUENCY_LIMITED", true)]
    public async Task Refund_Refusals_AreChannelExceptions(int status, string code, bool transient)
    {
        _account.Handler.Respond = _ => new FakeAnswer(status, $$$"""{"code":"{{{code}}}","message":"x"}""");

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.RefundAsync(
            new ChannelRefundRequest(OutTradeNo, OutRefundNo, new Money(500, Currency.Cny), new Money(1999, Currency.Cny), null, new Uri("https://pay.example.com/n")),
            CancellationToken.None));

        Assert.Equal(code, error.Code);
        Assert.Equal(transient, error.IsTransient);
    }

    [Theory]
    [InlineData("REFUND.SUCCESS", "SUCCESS", ChannelRefundState.Succeeded, ChannelTradeState.Refunded)]
    [InlineData("REFUND.ABNORMAL", "ABNORMAL", ChannelRefundState.Failed, ChannelTradeState.Succeeded)]
    [InlineData("REFUND.CLOSED", "CLOSED", ChannelRefundState.Failed, ChannelTradeState.Succeeded)]
    public void RefundNotification_IsParsedWithItsRefund(string eventType, string status, ChannelRefundState refundState, ChannelTradeState tradeState)
    {
        var body = Envelope(eventType, RefundResource(status));

        var notification = _account.Client.ParseNotification(_account.SignAsPlatform(body), body);

        Assert.Equal(eventType, notification.EventType);
        Assert.Equal(OutTradeNo, notification.OutTradeNo);
        Assert.Equal("1217752501201407033233368018", notification.ChannelTradeNo);
        Assert.Equal(tradeState, notification.State);
        Assert.Equal(new Money(1999, Currency.Cny), notification.Amount);
        Assert.Equal(TestAccount.AppId, notification.AppId);
        Assert.NotNull(notification.Refund);
        Assert.Equal(OutRefundNo, notification.Refund.OutRefundNo);
        Assert.Equal(refundState, notification.Refund.State);
        Assert.Equal("50000000382019052709732678859", notification.Refund.ChannelRefundNo);
        Assert.Equal(new Money(500, Currency.Cny), notification.Refund.Amount);
    }

    [Fact]
    public void RefundNotification_ForAnotherMerchant_IsMerchantMismatch()
    {
        var body = Envelope("REFUND.SUCCESS", RefundResource("SUCCESS", mchId: "1900000001"));

        var error = Assert.Throws<ChannelNotificationException>(() => _account.Client.ParseNotification(_account.SignAsPlatform(body), body));

        Assert.Equal("merchant_mismatch", error.Reason);
        Assert.False(error.IsAuthenticationFailure);
    }

    [Fact]
    public void RefundNotification_WithUnknownStatus_IsRejected()
    {
        var body = Envelope("REFUND.SUCCESS", RefundResource("PENDING"));

        var error = Assert.Throws<ChannelNotificationException>(() => _account.Client.ParseNotification(_account.SignAsPlatform(body), body));

        Assert.Equal("refund_status_unknown", error.Reason);
    }

    // The shape of the query answer in the refund documentation.
    private static string Refund(string status, string? successTime = "2025-03-01T16:18:12+08:00") => $$$"""
        {"refund_id":"50000000382019052709732678859","out_refund_no":"{{{OutRefundNo}}}","transaction_id":"1217752501201407033233368018",
         "out_trade_no":"{{{OutTradeNo}}}","channel":"ORIGINAL","user_received_account":"招商银行信用卡0403",
         {{{SuccessTimeField(successTime)}}}"create_time":"2025-03-01T16:18:12+08:00",
         "status":"{{{status}}}","funds_account":"UNAVAILABLE",
         "amount":{"total":1999,"refund":500,"payer_total":1999,"payer_refund":500,"settlement_refund":500,"settlement_total":1999,
                   "discount_refund":0,"currency":"CNY","refund_fee":0}}
        """;

    private static string SuccessTimeField(string? successTime) => successTime is null ? string.Empty : $"\"success_time\":\"{successTime}\",";

    // The decrypted resource of a refund callback: refund_status, and an amount block without currency.
    private static string RefundResource(string status, string mchId = TestAccount.MchId) => $$$"""
        {"mchid":"{{{mchId}}}","out_trade_no":"{{{OutTradeNo}}}","transaction_id":"1217752501201407033233368018",
         "out_refund_no":"{{{OutRefundNo}}}","refund_id":"50000000382019052709732678859","refund_status":"{{{status}}}",
         "success_time":"2025-03-01T16:18:12+08:00","user_received_account":"招商银行信用卡0403",
         "amount":{"total":1999,"refund":500,"payer_total":1999,"payer_refund":500}}
        """;

    private static byte[] Envelope(string eventType, string resource)
    {
        var ciphertext = TestAccount.Encrypt(TestAccount.ApiV3Key, "fdasflkja484", "refund", resource);
        return Encoding.UTF8.GetBytes($$$"""
            {"id":"EV-2018022511223320873","create_time":"2025-03-01T16:18:13+08:00","resource_type":"encrypt-resource",
             "event_type":"{{{eventType}}}","summary":"退款成功","resource":{"original_type":"refund","algorithm":"AEAD_AES_256_GCM",
             "ciphertext":"{{{ciphertext}}}","associated_data":"refund","nonce":"fdasflkja484"}}
            """);
    }
}

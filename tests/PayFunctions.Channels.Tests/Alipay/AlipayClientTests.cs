using System.Text.Json;
using PayFunctions.Channels.Alipay;
using PayFunctions.Channels.Tests.WeChatPay;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.Alipay;

public sealed class AlipayClientTests : IDisposable
{
    private static readonly Uri Notify = new("https://pay.example.com/api/notify/alipay/main");

    private readonly FakeAlipayGateway _gateway = new();
    private readonly HttpClient _http;
    private readonly AlipayClient _client;

    public AlipayClientTests()
    {
        _http = new HttpClient(_gateway);
        _client = new AlipayClient(
            _http,
            new AlipayOptions { AppId = AlipayTestKeys.AppId, BaseUrl = new Uri("https://openapi.example.com/gateway.do") },
            new AlipayCredentials(AlipayTestKeys.AppPrivateKeyPem, AlipayTestKeys.AlipayPublicKeyPem),
            new FixedTimeProvider(AlipayTestKeys.Now));
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        _gateway.Dispose();
    }

    private static PrepayRequest Order(string method, long fen = 8888) =>
        new("pay_0001", method, new Money(fen, Currency.Cny), "Flat white", AlipayTestKeys.Now.AddMinutes(30), Notify, "order-42");

    [Fact]
    public async Task Precreate_sends_the_documented_signed_request_and_reads_the_qr_code_from_the_raw_answer()
    {
        // Alipay escapes slashes in its JSON: the signature covers that exact text.
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"10000","msg":"Success","out_trade_no":"pay_0001","qr_code":"https:\/\/qr.alipay.com\/bax03431ljhokirwl38f00a7"}""");

        var result = await _client.PrepayAsync(Order(AlipayClient.QrMethod), CancellationToken.None);

        Assert.Equal(PrepayStatus.Placed, result.Status);
        Assert.Equal("https://qr.alipay.com/bax03431ljhokirwl38f00a7", Assert.IsType<DisplayQrCode>(result.NextAction).Data);
        var call = Assert.Single(_gateway.Calls);
        Assert.Equal("alipay.trade.precreate", call.Method);
        Assert.Equal(AlipayTestKeys.AppId, call.Parameters["app_id"]);
        Assert.Equal("JSON", call.Parameters["format"]);
        Assert.Equal("utf-8", call.Parameters["charset"]);
        Assert.Equal("RSA2", call.Parameters["sign_type"]);
        Assert.Equal("2026-03-01 10:00:00", call.Parameters["timestamp"]);
        Assert.Equal("1.0", call.Parameters["version"]);
        Assert.Equal(Notify.AbsoluteUri, call.Parameters["notify_url"]);
        Assert.DoesNotContain("biz_content", call.Uri.Query, StringComparison.Ordinal);
        Assert.StartsWith("biz_content=", call.Body, StringComparison.Ordinal);
        Assert.Equal("88.88", call.Biz.GetProperty("total_amount").GetString());
        Assert.Equal("pay_0001", call.Biz.GetProperty("out_trade_no").GetString());
        Assert.Equal("Flat white", call.Biz.GetProperty("subject").GetString());
        Assert.Equal("2026-03-01 10:30:00", call.Biz.GetProperty("time_expire").GetString());
        Assert.True(AlipaySignature.Verify(AlipayTestKeys.App, AlipaySignature.RequestContent(call.Parameters), call.Parameters["sign"]));
    }

    [Fact]
    public async Task An_answer_signed_over_a_re_serialized_text_is_rejected()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"10000","msg":"Success","out_trade_no":"pay_0001","qr_code":"https:\/\/qr.alipay.com\/bax"}""")
        {
            SignedText = """{"code":"10000","msg":"Success","out_trade_no":"pay_0001","qr_code":"https://qr.alipay.com/bax"}""",
        };

        var ex = await Assert.ThrowsAsync<ChannelException>(() => _client.PrepayAsync(Order(AlipayClient.QrMethod), CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_INVALID", ex.Code);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task An_unsigned_success_is_rejected()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"10000","msg":"Success","qr_code":"https://qr.alipay.com/bax"}""") { Unsigned = true };

        var ex = await Assert.ThrowsAsync<ChannelException>(() => _client.PrepayAsync(Order(AlipayClient.QrMethod), CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_MISSING", ex.Code);
    }

    [Fact]
    public async Task A_success_signed_by_another_key_is_rejected()
    {
        using var other = System.Security.Cryptography.RSA.Create(2048);
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"10000","msg":"Success","trade_no":"2026","out_trade_no":"pay_0001","total_amount":"88.88","gmt_payment":"2026-03-01 10:00:05"}""") { SigningKey = other };

        var ex = await Assert.ThrowsAsync<ChannelException>(() => _client.PrepayAsync(Order(AlipayClient.BarcodeMethod) with { PaymentCode = "286648048691290423" }, CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_INVALID", ex.Code);
    }

    [Fact]
    public async Task An_unsigned_error_for_an_invalid_app_fails_the_call_and_never_answers_an_outcome()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id","sub_msg":"无效的AppID参数"}""") { Unsigned = true };

        var ex = await Assert.ThrowsAsync<ChannelException>(() => _client.QueryAsync("pay_0001", CancellationToken.None));

        Assert.Equal("isv.invalid-app-id", ex.Code);
        Assert.False(ex.IsTransient);
        Assert.Contains("unsigned", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_business_refusal_of_a_barcode_payment_is_not_taken_as_a_decline()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.BUYER_BALANCE_NOT_ENOUGH","sub_msg":"买家余额不足"}""") { Unsigned = true };

        await Assert.ThrowsAsync<ChannelException>(() => _client.PrepayAsync(Order(AlipayClient.BarcodeMethod) with { PaymentCode = "286648048691290423" }, CancellationToken.None));
    }

    [Fact]
    public async Task An_error_response_member_is_never_a_success()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"10000","msg":"Success"}""") { Member = "error_response" };

        await Assert.ThrowsAsync<ChannelException>(() => _client.QueryAsync("pay_0001", CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"not":"an envelope"}""")]
    [InlineData("""<html>502 Bad Gateway</html>""")]
    public async Task A_body_that_is_not_the_envelope_is_malformed(string text)
    {
        _gateway.Respond = _ => new GatewayAnswer(text) { Member = "ignored", Unsigned = true };

        var ex = await Assert.ThrowsAsync<ChannelException>(() => _client.QueryAsync("pay_0001", CancellationToken.None));

        Assert.Equal("RESPONSE_MALFORMED", ex.Code);
    }

    [Fact]
    public async Task Barcode_success_is_answered_succeeded_with_the_trade()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"10000","msg":"Success","trade_no":"2026030122001400000000000001","out_trade_no":"pay_0001","buyer_logon_id":"159****5620","total_amount":"88.88","receipt_amount":"88.88","gmt_payment":"2026-03-01 10:00:05"}""");

        var result = await _client.PrepayAsync(Order(AlipayClient.BarcodeMethod) with { PaymentCode = "286648048691290423" }, CancellationToken.None);

        Assert.Equal(PrepayStatus.Answered, result.Status);
        var order = result.Order!;
        Assert.Equal(ChannelTradeState.Succeeded, order.State);
        Assert.Equal("2026030122001400000000000001", order.ChannelTradeNo);
        Assert.Equal(new Money(8888, Currency.Cny), order.Amount);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 2, 0, 5, TimeSpan.Zero), order.PaidAt);
        var call = Assert.Single(_gateway.Calls);
        Assert.Equal("alipay.trade.pay", call.Method);
        Assert.Equal("bar_code", call.Biz.GetProperty("scene").GetString());
        Assert.Equal("286648048691290423", call.Biz.GetProperty("auth_code").GetString());
    }

    [Fact]
    public async Task Barcode_10003_is_the_payer_still_paying()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"10003","msg":" order success pay inprocess","trade_no":"2026030122001400000000000001","out_trade_no":"pay_0001","total_amount":"88.88"}""");

        var result = await _client.PrepayAsync(Order(AlipayClient.BarcodeMethod) with { PaymentCode = "286648048691290423" }, CancellationToken.None);

        Assert.Equal(ChannelTradeState.Paying, result.Order!.State);
        Assert.Null(result.Order.PaidAt);
    }

    [Fact]
    public async Task Barcode_business_failure_is_answered_failed_with_the_sub_code()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.BUYER_BALANCE_NOT_ENOUGH","sub_msg":"买家余额不足"}""");

        var result = await _client.PrepayAsync(Order(AlipayClient.BarcodeMethod) with { PaymentCode = "286648048691290423" }, CancellationToken.None);

        Assert.Equal(PrepayStatus.Answered, result.Status);
        Assert.Equal(ChannelTradeState.Failed, result.Order!.State);
        Assert.Equal("ACQ.BUYER_BALANCE_NOT_ENOUGH", result.ChannelCode);
    }

    [Theory]
    [InlineData("ACQ.TRADE_HAS_SUCCESS")]
    [InlineData("ACQ.CONTEXT_INCONSISTENT")]
    public async Task Barcode_for_an_order_number_already_at_alipay_is_already_at_channel(string subCode)
    {
        _gateway.Respond = _ => new GatewayAnswer($$"""{"code":"40004","msg":"Business Failed","sub_code":"{{subCode}}","sub_msg":"x"}""");

        var result = await _client.PrepayAsync(Order(AlipayClient.BarcodeMethod) with { PaymentCode = "286648048691290423" }, CancellationToken.None);

        Assert.Equal(PrepayStatus.AlreadyAtChannel, result.Status);
        Assert.Equal(subCode, result.ChannelCode);
    }

    [Theory]
    [InlineData("20000", "ACQ.SYSTEM_ERROR")]
    [InlineData("20000", "isp.unknow-error")]
    [InlineData("40004", "ACQ.SYSTEM_ERROR")]
    public async Task Barcode_unknown_outcome_is_transient(string code, string subCode)
    {
        _gateway.Respond = _ => new GatewayAnswer($$"""{"code":"{{code}}","msg":"x","sub_code":"{{subCode}}","sub_msg":"系统繁忙"}""");

        var ex = await Assert.ThrowsAsync<ChannelException>(() => _client.PrepayAsync(Order(AlipayClient.BarcodeMethod) with { PaymentCode = "286648048691290423" }, CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Equal(subCode, ex.Code);
    }

    [Fact]
    public async Task Barcode_without_a_payment_code_is_refused_before_any_call()
    {
        await Assert.ThrowsAsync<ChannelException>(() => _client.PrepayAsync(Order(AlipayClient.BarcodeMethod), CancellationToken.None));
        Assert.Empty(_gateway.Calls);
    }

    [Theory]
    [InlineData("WAIT_BUYER_PAY", null, ChannelTradeState.NotPaid)]
    [InlineData("TRADE_SUCCESS", "2026-03-01 10:00:05", ChannelTradeState.Succeeded)]
    [InlineData("TRADE_FINISHED", "2026-03-01 10:00:05", ChannelTradeState.Succeeded)]
    [InlineData("TRADE_CLOSED", null, ChannelTradeState.Closed)]
    [InlineData("TRADE_CLOSED", "2026-03-01 10:00:05", ChannelTradeState.Refunded)]
    public async Task Query_maps_trade_status(string status, string? sendPayDate, ChannelTradeState expected)
    {
        var paid = sendPayDate is null ? string.Empty : $",\"send_pay_date\":\"{sendPayDate}\"";
        _gateway.Respond = _ => new GatewayAnswer($$"""{"code":"10000","msg":"Success","trade_no":"2026030122001400000000000001","out_trade_no":"pay_0001","trade_status":"{{status}}","total_amount":"0.10"{{paid}}}""");

        var order = await _client.QueryAsync("pay_0001", CancellationToken.None);

        Assert.Equal(expected, order.State);
        Assert.Equal(new Money(10, Currency.Cny), order.Amount);
        Assert.Equal(sendPayDate is not null, order.PaidAt is not null);
    }

    [Fact]
    public async Task Query_asks_for_the_fund_channels_and_reports_the_buyer()
    {
        _gateway.Respond = _ => new GatewayAnswer("""
            {"code":"10000","msg":"Success","trade_no":"2026030122001400000000000001","out_trade_no":"pay_0001","trade_status":"TRADE_SUCCESS",
             "total_amount":"0.10","send_pay_date":"2026-03-01 10:00:05","buyer_logon_id":"159****5620","buyer_user_id":"2088102146225135",
             "fund_bill_list":[{"fund_channel":"ALIPAYACCOUNT","amount":"0.10"}]}
            """);

        var order = await _client.QueryAsync("pay_0001", CancellationToken.None);

        var biz = Assert.Single(_gateway.Calls).Biz;
        Assert.Equal(["fund_bill_list"], biz.GetProperty("query_options").EnumerateArray().Select(option => option.GetString()));
        Assert.Equal(new ChannelPayer("2088102146225135", "ALIPAYACCOUNT", null, null), order.Payer);
    }

    [Fact]
    public async Task Query_drops_a_fund_channel_that_is_no_code()
    {
        _gateway.Respond = _ => new GatewayAnswer("""
            {"code":"10000","msg":"Success","trade_no":"2026030122001400000000000001","out_trade_no":"pay_0001","trade_status":"TRADE_SUCCESS",
             "total_amount":"0.10","send_pay_date":"2026-03-01 10:00:05","buyer_user_id":"2088102146225135",
             "fund_bill_list":[{"fund_channel":"招商银行","amount":"0.10"}]}
            """);

        var order = await _client.QueryAsync("pay_0001", CancellationToken.None);

        Assert.Equal(new ChannelPayer("2088102146225135", null, null, null), order.Payer);
    }

    [Fact]
    public async Task Query_of_a_trade_alipay_does_not_hold_yet_is_not_paid()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}""");

        var order = await _client.QueryAsync("pay_0001", CancellationToken.None);

        Assert.Equal(ChannelTradeState.NotPaid, order.State);
        Assert.Null(order.ChannelTradeNo);
    }

    [Fact]
    public async Task Query_with_an_unknown_trade_status_fails()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"10000","msg":"Success","out_trade_no":"pay_0001","trade_status":"TRADE_PENDING"}""");

        var ex = await Assert.ThrowsAsync<ChannelException>(() => _client.QueryAsync("pay_0001", CancellationToken.None));

        Assert.Equal("RESPONSE_MALFORMED", ex.Code);
    }

    [Fact]
    public async Task Close_maps_its_answers()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"10000","msg":"Success","trade_no":"1","out_trade_no":"pay_0001"}""");
        Assert.Equal(CloseOutcome.Closed, await _client.CloseAsync("pay_0001", CancellationToken.None));

        // A QR code nobody scanned is unknown to close but still payable: it is cancelled instead.
        _gateway.Respond = call => call.Method == "alipay.trade.close"
            ? new GatewayAnswer("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}""")
            : new GatewayAnswer("""{"code":"10000","msg":"Success","out_trade_no":"pay_0001","retry_flag":"N","action":"close"}""");
        Assert.Equal(CloseOutcome.Closed, await _client.CloseAsync("pay_0001", CancellationToken.None));
        Assert.Equal(["alipay.trade.close", "alipay.trade.cancel"], _gateway.Calls.TakeLast(2).Select(call => call.Method));

        _gateway.Respond = call => call.Method == "alipay.trade.close"
            ? new GatewayAnswer("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_STATUS_ERROR","sub_msg":"交易状态不合法"}""")
            : new GatewayAnswer("""{"code":"10000","msg":"Success","trade_no":"1","out_trade_no":"pay_0001","trade_status":"TRADE_SUCCESS","total_amount":"88.88","send_pay_date":"2026-03-01 10:00:05"}""");
        Assert.Equal(CloseOutcome.AlreadyPaid, await _client.CloseAsync("pay_0001", CancellationToken.None));
        Assert.Equal(["alipay.trade.close", "alipay.trade.query"], _gateway.Calls.TakeLast(2).Select(call => call.Method));
    }

    [Theory]
    [InlineData("close", CloseOutcome.Closed)]
    [InlineData("refund", CloseOutcome.Reversed)]
    public async Task Cancel_maps_the_action(string action, CloseOutcome expected)
    {
        _gateway.Respond = _ => new GatewayAnswer($$"""{"code":"10000","msg":"Success","trade_no":"1","out_trade_no":"pay_0001","retry_flag":"N","action":"{{action}}"}""");

        Assert.Equal(expected, await _client.CancelAsync("pay_0001", CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_without_an_action_asks_a_query()
    {
        _gateway.Respond = call => call.Method == "alipay.trade.cancel"
            ? new GatewayAnswer("""{"code":"10000","msg":"Success","out_trade_no":"pay_0001","retry_flag":"N"}""")
            : new GatewayAnswer("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}""");

        Assert.Equal(CloseOutcome.NotFound, await _client.CancelAsync("pay_0001", CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_with_retry_flag_Y_is_transient()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.SYSTEM_ERROR","sub_msg":"系统错误","retry_flag":"Y"}""");

        var ex = await Assert.ThrowsAsync<ChannelException>(() => _client.CancelAsync("pay_0001", CancellationToken.None));

        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Refund_with_fund_change_Y_succeeded_and_sends_out_request_no()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"10000","msg":"Success","trade_no":"1","out_trade_no":"pay_0001","fund_change":"Y","refund_fee":"30.00","gmt_refund_pay":"2026-03-01 11:00:00"}""");

        var refund = await _client.RefundAsync(
            new ChannelRefundRequest("pay_0001", "re_1", new Money(3000, Currency.Cny), new Money(8888, Currency.Cny), "too hot", Notify), CancellationToken.None);

        Assert.Equal(ChannelRefundState.Succeeded, refund.State);
        Assert.Equal(new Money(3000, Currency.Cny), refund.Amount);
        var biz = Assert.Single(_gateway.Calls).Biz;
        Assert.Equal("30.00", biz.GetProperty("refund_amount").GetString());
        Assert.Equal("re_1", biz.GetProperty("out_request_no").GetString());
        Assert.Equal("too hot", biz.GetProperty("refund_reason").GetString());
    }

    [Fact]
    public async Task Refund_with_fund_change_N_is_settled_by_a_refund_query()
    {
        _gateway.Respond = call => call.Method == "alipay.trade.refund"
            ? new GatewayAnswer("""{"code":"10000","msg":"Success","trade_no":"1","out_trade_no":"pay_0001","fund_change":"N","refund_fee":"30.00"}""")
            : new GatewayAnswer("""{"code":"10000","msg":"Success","trade_no":"1","out_trade_no":"pay_0001","out_request_no":"re_1","total_amount":"88.88","refund_amount":"30.00","refund_status":"REFUND_SUCCESS","gmt_refund_pay":"2026-03-01 11:00:00"}""");

        var refund = await _client.RefundAsync(
            new ChannelRefundRequest("pay_0001", "re_1", new Money(3000, Currency.Cny), new Money(8888, Currency.Cny), null, Notify), CancellationToken.None);

        Assert.Equal(ChannelRefundState.Succeeded, refund.State);
        Assert.Equal(new Money(3000, Currency.Cny), refund.Amount);
        Assert.Equal(["alipay.trade.refund", "alipay.trade.fastpay.refund.query"], _gateway.Calls.Select(call => call.Method));
        Assert.Equal("gmt_refund_pay", _gateway.Calls[1].Biz.GetProperty("query_options")[0].GetString());
    }

    [Fact]
    public async Task Refund_query_of_an_unknown_refund_is_refund_not_exist()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"10000","msg":"Success"}""");

        var ex = await Assert.ThrowsAsync<ChannelException>(() => _client.QueryRefundAsync("pay_0001", "re_9", CancellationToken.None));

        Assert.Equal("REFUND_NOT_EXIST", ex.Code);
    }

    [Theory]
    [InlineData(AlipayClient.PageMethod, "alipay.trade.page.pay", "FAST_INSTANT_TRADE_PAY")]
    [InlineData(AlipayClient.WapMethod, "alipay.trade.wap.pay", "QUICK_WAP_WAY")]
    public async Task Page_and_wap_payments_are_a_signed_gateway_url(string method, string alipayMethod, string productCode)
    {
        var result = await _client.PrepayAsync(Order(method) with { ReturnUrl = new Uri("https://shop.example.com/paid?o=1") }, CancellationToken.None);

        var url = Assert.IsType<RedirectToUrl>(result.NextAction).Url;
        Assert.Empty(_gateway.Calls);
        Assert.Equal("https://openapi.example.com/gateway.do", url.GetLeftPart(UriPartial.Path));
        var parameters = FakeAlipayGateway.ParseForm(url.Query.TrimStart('?'));
        Assert.Equal(alipayMethod, parameters["method"]);
        Assert.Equal("https://shop.example.com/paid?o=1", parameters["return_url"]);
        using var biz = JsonDocument.Parse(parameters["biz_content"]);
        Assert.Equal(productCode, biz.RootElement.GetProperty("product_code").GetString());
        Assert.Equal("order-42", Uri.UnescapeDataString(biz.RootElement.GetProperty("passback_params").GetString()!));
        Assert.True(AlipaySignature.Verify(AlipayTestKeys.App, AlipaySignature.RequestContent(parameters), parameters["sign"]));
    }

    [Fact]
    public async Task Page_payment_without_a_return_url_is_refused()
    {
        var ex = await Assert.ThrowsAsync<ChannelException>(() => _client.PrepayAsync(Order(AlipayClient.PageMethod), CancellationToken.None));

        Assert.Equal("RETURN_URL_REQUIRED", ex.Code);
    }

    [Fact]
    public async Task A_currency_other_than_cny_is_refused()
    {
        var request = Order(AlipayClient.QrMethod) with { Amount = new Money(100, Currency.Parse("USD")) };

        var ex = await Assert.ThrowsAsync<ChannelException>(() => _client.PrepayAsync(request, CancellationToken.None));

        Assert.Equal("CURRENCY_NOT_SUPPORTED", ex.Code);
    }

    [Fact]
    public void Replies_are_the_documented_success_and_a_retried_fail()
    {
        Assert.Equal(new ChannelReply(200, "text/plain; charset=utf-8", "success"), _client.SuccessReply);
        Assert.Equal("fail", _client.FailureReply("storage down").Body);
        Assert.NotEqual(200, _client.FailureReply("storage down").StatusCode);
    }
}

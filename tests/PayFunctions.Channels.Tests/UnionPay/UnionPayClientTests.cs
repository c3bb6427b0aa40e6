using PayFunctions.Channels.UnionPay;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.UnionPay;

public sealed class UnionPayClientTests : IDisposable
{
    private static readonly Uri NotifyUrl = new("https://pay.example.com/api/notify/unionpay");
    private readonly UnionPayTestAccount _account = new();
    private readonly string _paymentId = PlatformIds.At(TestPki.Now.AddSeconds(-3));

    [Fact]
    public async Task QR_prepay_sends_a_signed_apply_QR_code_request_and_shows_the_qrCode()
    {
        _account.Handler.Respond = (_, _) => new() { ["respCode"] = "00", ["respMsg"] = "成功[0000000]", ["qrCode"] = "https://qr.95516.com/00010000/01234" };

        var result = await _account.Client.PrepayAsync(Prepay(UnionPayClient.QrMethod), CancellationToken.None);

        Assert.Equal(PrepayStatus.Placed, result.Status);
        Assert.Equal("https://qr.95516.com/00010000/01234", Assert.IsType<DisplayQrCode>(result.NextAction).Data);
        var (path, fields) = Assert.Single(_account.Handler.Requests);
        Assert.Equal("/gateway/api/backTransReq.do", path);
        Assert.True(UnionPaySide.IsSignedBy(fields, TestPki.Shared.MerchantKey));
        Assert.Equal("5.1.0", fields["version"]);
        Assert.Equal("UTF-8", fields["encoding"]);
        Assert.Equal("01", fields["signMethod"]);
        Assert.Equal("01", fields["txnType"]);
        Assert.Equal("07", fields["txnSubType"]);
        Assert.Equal("000000", fields["bizType"]);
        Assert.Equal("08", fields["channelType"]);
        Assert.Equal("0", fields["accessType"]);
        Assert.Equal(UnionPayTestAccount.MerId, fields["merId"]);
        Assert.Equal(UnionPayTestAccount.SignCertId, fields["certId"]);
        Assert.Equal(_paymentId.Replace("_", string.Empty, StringComparison.Ordinal), fields["orderId"]);
        Assert.Equal(PlatformIds.ChinaTime(TestPki.Now.AddSeconds(-3)), fields["txnTime"]);
        Assert.Equal("2345", fields["txnAmt"]);
        Assert.Equal("156", fields["currencyCode"]);
        Assert.Equal(NotifyUrl.AbsoluteUri, fields["backUrl"]);
        Assert.Equal(PlatformIds.ChinaTime(TestPki.Now.AddMinutes(15)), fields["payTimeout"]);
        Assert.DoesNotContain("qrNo", fields.Keys);
    }

    [Fact]
    public async Task An_answer_whose_signature_does_not_match_is_refused()
    {
        _account.Handler.Respond = (_, _) => new() { ["respCode"] = "00", ["respMsg"] = "ok", ["qrCode"] = "https://qr.95516.com/1" };
        _account.Handler.TamperField = "qrCode";

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(Prepay(UnionPayClient.QrMethod), CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_INVALID", error.Code);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_repeated_QR_order_is_already_at_the_channel()
    {
        _account.Handler.Respond = (_, _) => new() { ["respCode"] = "12", ["respMsg"] = "重复交易" };

        var result = await _account.Client.PrepayAsync(Prepay(UnionPayClient.QrMethod), CancellationToken.None);

        Assert.Equal(PrepayStatus.AlreadyAtChannel, result.Status);
        Assert.Equal("12", result.ChannelCode);
    }

    [Theory]
    [InlineData("00", ChannelTradeState.Succeeded)]
    [InlineData("05", ChannelTradeState.Paying)]
    [InlineData("64", ChannelTradeState.Failed)]
    public async Task Barcode_prepay_sends_the_payment_code_then_reads_the_outcome_by_query(string origRespCode, ChannelTradeState expected)
    {
        _account.Handler.Respond = (path, _) => path.EndsWith("queryTrans.do", StringComparison.Ordinal)
            ? new() { ["respCode"] = "00", ["respMsg"] = "成功", ["origRespCode"] = origRespCode, ["origRespMsg"] = "x", ["queryId"] = "202603021000001234567", ["txnAmt"] = "2345", ["traceTime"] = "0302100001" }
            : new() { ["respCode"] = "00", ["respMsg"] = "成功[0000000]" };

        var result = await _account.Client.PrepayAsync(Prepay(UnionPayClient.BarcodeMethod) with { PaymentCode = "6222021234567890123" }, CancellationToken.None);

        Assert.Equal(PrepayStatus.Answered, result.Status);
        Assert.Equal(expected, result.Order!.State);
        Assert.Equal("202603021000001234567", result.Order.ChannelTradeNo);
        Assert.Equal(new Money(2345, Currency.Cny), result.Order.Amount);
        var consume = _account.Handler.Requests[0].Fields;
        Assert.Equal("06", consume["txnSubType"]);
        Assert.Equal("6222021234567890123", consume["qrNo"]);
        var query = _account.Handler.Requests[1];
        Assert.Equal("/gateway/api/queryTrans.do", query.Path);
        Assert.Equal("00", query.Fields["txnType"]);
        Assert.Equal(consume["orderId"], query.Fields["orderId"]);
        Assert.Equal(consume["txnTime"], query.Fields["txnTime"]);
    }

    [Fact]
    public async Task A_barcode_consume_UnionPay_has_not_recorded_yet_is_still_paying()
    {
        _account.Handler.Respond = (path, _) => path.EndsWith("queryTrans.do", StringComparison.Ordinal)
            ? new() { ["respCode"] = "34", ["respMsg"] = "查无此交易" }
            : new() { ["respCode"] = "04", ["respMsg"] = "交易状态未明" };

        var result = await _account.Client.PrepayAsync(Prepay(UnionPayClient.BarcodeMethod) with { PaymentCode = "6222021234567890123" }, CancellationToken.None);

        Assert.Equal(ChannelTradeState.Paying, result.Order!.State);
    }

    [Fact]
    public async Task A_barcode_declined_in_the_answer_is_answered_as_failed()
    {
        _account.Handler.Respond = (_, _) => new() { ["respCode"] = "64", ["respMsg"] = "卡上的余额不足" };

        var result = await _account.Client.PrepayAsync(Prepay(UnionPayClient.BarcodeMethod) with { PaymentCode = "6222021234567890123" }, CancellationToken.None);

        Assert.Equal(ChannelTradeState.Failed, result.Order!.State);
        Assert.Single(_account.Handler.Requests);
    }

    [Theory]
    [InlineData("11", false)]
    [InlineData("06", true)]
    public async Task Refusals_of_the_request_itself_are_channel_exceptions(string respCode, bool transient)
    {
        _account.Handler.Respond = (_, _) => new() { ["respCode"] = respCode, ["respMsg"] = "x" };

        var error = await Assert.ThrowsAsync<ChannelException>(() =>
            _account.Client.PrepayAsync(Prepay(UnionPayClient.BarcodeMethod) with { PaymentCode = "6222021234567890123" }, CancellationToken.None));

        Assert.Equal(respCode, error.Code);
        Assert.Equal(transient, error.IsTransient);
    }

    [Fact]
    public async Task Query_of_an_unscanned_QR_code_is_not_paid()
    {
        _account.Handler.Respond = (_, _) => new() { ["respCode"] = "34", ["respMsg"] = "查无此交易" };

        var order = await _account.Client.QueryAsync(_paymentId, CancellationToken.None);

        Assert.Equal(ChannelTradeState.NotPaid, order.State);
        Assert.Null(order.ChannelTradeNo);
    }

    [Fact]
    public async Task Query_maps_a_paid_order()
    {
        _account.Handler.Respond = (_, _) => new()
        {
            ["respCode"] = "00", ["respMsg"] = "成功", ["origRespCode"] = "00", ["origRespMsg"] = "成功",
            ["queryId"] = "202603021000001234567", ["txnAmt"] = "2345", ["traceTime"] = "0302100005",
        };

        var order = await _account.Client.QueryAsync(_paymentId, CancellationToken.None);

        Assert.Equal(ChannelTradeState.Succeeded, order.State);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 5, TimeSpan.FromHours(8)), order.PaidAt);
    }

    [Fact]
    public async Task Query_reports_the_kind_of_card_and_never_its_number()
    {
        _account.Handler.Respond = (_, _) => new()
        {
            ["respCode"] = "00", ["respMsg"] = "成功", ["origRespCode"] = "00", ["origRespMsg"] = "成功",
            ["queryId"] = "202603021000001234567", ["txnAmt"] = "2345", ["traceTime"] = "0302100005",
            ["accNo"] = "622638******0095", ["payCardType"] = "01",
        };

        var order = await _account.Client.QueryAsync(_paymentId, CancellationToken.None);

        Assert.Equal(new ChannelPayer(null, "01", null, null), order.Payer);
    }

    [Fact]
    public async Task Refund_names_the_original_order_and_is_processing_until_UnionPay_reports()
    {
        var refundId = PlatformIds.At(TestPki.Now, prefix: "re", tail: "refund000001");
        _account.Handler.Respond = (_, _) => new() { ["respCode"] = "00", ["respMsg"] = "成功[0000000]", ["queryId"] = "202603021000009999999" };

        var refund = await _account.Client.RefundAsync(
            new ChannelRefundRequest(_paymentId, refundId, new Money(500, Currency.Cny), new Money(2345, Currency.Cny), "too many", NotifyUrl),
            CancellationToken.None);

        Assert.Equal(ChannelRefundState.Processing, refund.State);
        Assert.Equal(refundId, refund.OutRefundNo);
        var fields = Assert.Single(_account.Handler.Requests).Fields;
        Assert.Equal("04", fields["txnType"]);
        Assert.Equal("00", fields["txnSubType"]);
        Assert.Equal("500", fields["txnAmt"]);
        Assert.Equal(refundId.Replace("_", string.Empty, StringComparison.Ordinal), fields["orderId"]);
        Assert.Equal(PlatformIds.ChinaTime(TestPki.Now), fields["txnTime"]);
        Assert.Equal(_paymentId.Replace("_", string.Empty, StringComparison.Ordinal), fields["origOrderId"]);
        Assert.Equal(PlatformIds.ChinaTime(TestPki.Now.AddSeconds(-3)), fields["origTxnTime"]);
        Assert.Equal(fields["origOrderId"], fields["reqReserved"]);
        Assert.Equal(NotifyUrl.AbsoluteUri, fields["backUrl"]);
    }

    [Theory]
    [InlineData("00", ChannelRefundState.Succeeded)]
    [InlineData("05", ChannelRefundState.Processing)]
    [InlineData("01", ChannelRefundState.Failed)]
    public async Task Refund_query_maps_the_refund_state(string origRespCode, ChannelRefundState expected)
    {
        var refundId = PlatformIds.At(TestPki.Now, prefix: "re", tail: "refund000001");
        _account.Handler.Respond = (_, _) => new()
        {
            ["respCode"] = "00", ["respMsg"] = "成功", ["origRespCode"] = origRespCode, ["queryId"] = "202603021000009999999", ["txnAmt"] = "500", ["traceTime"] = "0302100009",
        };

        var refund = await _account.Client.QueryRefundAsync(_paymentId, refundId, CancellationToken.None);

        Assert.Equal(expected, refund.State);
        Assert.Equal(new Money(500, Currency.Cny), refund.Amount);
        Assert.Equal(refundId.Replace("_", string.Empty, StringComparison.Ordinal), Assert.Single(_account.Handler.Requests).Fields["orderId"]);
    }

    [Fact]
    public async Task Cancel_of_a_payment_made_today_voids_it_in_full()
    {
        _account.Handler.Respond = (path, _) => path.EndsWith("queryTrans.do", StringComparison.Ordinal)
            ? new() { ["respCode"] = "00", ["respMsg"] = "成功", ["origRespCode"] = "00", ["queryId"] = "202603021000001234567", ["txnAmt"] = "2345", ["traceTime"] = "0302100001" }
            : new() { ["respCode"] = "00", ["respMsg"] = "成功[0000000]" };

        var outcome = await _account.Client.CancelAsync(_paymentId, CancellationToken.None);

        Assert.Equal(CloseOutcome.Reversed, outcome);
        var fields = _account.Handler.Requests[1].Fields;
        Assert.Equal("31", fields["txnType"]);
        Assert.Equal("202603021000001234567", fields["origQryId"]);
        Assert.Equal("2345", fields["txnAmt"]);
        Assert.Equal("https://pay.example.com/api/notify/unionpay", fields["backUrl"]);
        Assert.Equal(_paymentId.Replace("_", string.Empty, StringComparison.Ordinal), fields["reqReserved"]);
    }

    [Fact]
    public async Task Cancel_of_a_payment_from_an_earlier_day_refunds_it_in_full()
    {
        _account.Time.Now = TestPki.Now.AddDays(2);
        _account.Handler.Respond = (path, _) => path.EndsWith("queryTrans.do", StringComparison.Ordinal)
            ? new() { ["respCode"] = "00", ["respMsg"] = "成功", ["origRespCode"] = "00", ["queryId"] = "202603021000001234567", ["txnAmt"] = "2345" }
            : new() { ["respCode"] = "00", ["respMsg"] = "成功[0000000]" };

        Assert.Equal(CloseOutcome.Reversed, await _account.Client.CancelAsync(_paymentId, CancellationToken.None));
        Assert.Equal("04", _account.Handler.Requests[1].Fields["txnType"]);
    }

    [Fact]
    public async Task Cancel_of_an_unscanned_QR_code_finds_nothing_to_reverse()
    {
        _account.Handler.Respond = (_, _) => new() { ["respCode"] = "34", ["respMsg"] = "查无此交易" };

        Assert.Equal(CloseOutcome.NotFound, await _account.Client.CancelAsync(_paymentId, CancellationToken.None));
        Assert.Single(_account.Handler.Requests);
    }

    [Fact]
    public async Task Close_is_not_an_ACP_operation()
    {
        Assert.False(new UnionPayModule().Capabilities.Supports(ChannelOperations.Close));
        await Assert.ThrowsAsync<NotSupportedException>(() => _account.Client.CloseAsync(_paymentId, CancellationToken.None));
    }

    [Fact]
    public async Task Other_currencies_and_methods_are_refused_before_any_call()
    {
        await Assert.ThrowsAsync<ChannelException>(() =>
            _account.Client.PrepayAsync(Prepay(UnionPayClient.QrMethod) with { Amount = new Money(100, Currency.Parse("USD")) }, CancellationToken.None));
        await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(Prepay("unionpay.app"), CancellationToken.None));
        Assert.Empty(_account.Handler.Requests);
    }

    public void Dispose() => _account.Dispose();

    private PrepayRequest Prepay(string method) =>
        new(_paymentId, method, new Money(2345, Currency.Cny), "Coffee", TestPki.Now.AddMinutes(15), NotifyUrl, null);
}

using System.Text.Json;

namespace ChannelSandbox.Tests.WeChatPay;

public sealed class RefundTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_refund_is_PROCESSING_then_SUCCESS_and_notifies_its_notify_url()
    {
        await using var listener = await NotifyListener.StartAsync(500);
        var outTradeNo = await PaidOrderAsync(1999);

        var (status, refund) = await RefundAsync(outTradeNo, "R" + outTradeNo, 500, 1999, listener.Url);
        var deliveries = await listener.WaitForAsync(2, Patience);
        var (_, queried) = await SignedApi.SendAsync(host, HttpMethod.Get, "/v3/refund/domestic/refunds/R" + outTradeNo);

        Assert.Equal(200, status);
        Assert.Equal("PROCESSING", refund.GetProperty("status").GetString());
        Assert.StartsWith("50", refund.GetProperty("refund_id").GetString(), StringComparison.Ordinal);
        Assert.Equal(500, refund.GetProperty("amount").GetProperty("refund").GetInt64());
        Assert.Equal("SUCCESS", queried.GetProperty("status").GetString());
        Assert.Equal(2, deliveries.Count);
        var received = deliveries[1];
        Assert.True(host.Merchant.VerifiesPlatformSignature(
            received.Headers["Wechatpay-Timestamp"], received.Headers["Wechatpay-Nonce"], received.Headers["Wechatpay-Signature"], received.Body));
        var envelope = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal("REFUND.SUCCESS", envelope.GetProperty("event_type").GetString());
        var resource = envelope.GetProperty("resource");
        Assert.Equal("refund", resource.GetProperty("original_type").GetString());
        var notice = JsonDocument.Parse(host.Merchant.Decrypt(
            resource.GetProperty("ciphertext").GetString()!, resource.GetProperty("nonce").GetString()!, resource.GetProperty("associated_data").GetString()!)).RootElement;
        Assert.Equal("SUCCESS", notice.GetProperty("refund_status").GetString());
        Assert.Equal("R" + outTradeNo, notice.GetProperty("out_refund_no").GetString());
        Assert.Equal(SandboxHost.MchId, notice.GetProperty("mchid").GetString());
        Assert.Equal(1999, notice.GetProperty("amount").GetProperty("total").GetInt64());
        Assert.Equal("REFUND", (await Prepay.QueryAsync(host, outTradeNo)).GetProperty("trade_state").GetString());
    }

    [Fact]
    public async Task Refunds_never_add_up_to_more_than_the_total_and_a_repeated_number_is_the_same_refund()
    {
        var outTradeNo = await PaidOrderAsync(1000);

        var (first, firstBody) = await RefundAsync(outTradeNo, "A" + outTradeNo, 600, 1000);
        var (again, againBody) = await RefundAsync(outTradeNo, "A" + outTradeNo, 600, 1000);
        var (tooMuch, tooMuchBody) = await RefundAsync(outTradeNo, "B" + outTradeNo, 401, 1000);
        var (rest, _) = await RefundAsync(outTradeNo, "C" + outTradeNo, 400, 1000);

        Assert.Equal(200, first);
        Assert.Equal(200, again);
        Assert.Equal(firstBody.GetProperty("refund_id").GetString(), againBody.GetProperty("refund_id").GetString());
        Assert.Equal(403, tooMuch);
        Assert.Equal("NOT_ENOUGH", tooMuchBody.GetProperty("code").GetString());
        Assert.Equal(200, rest);
    }

    [Fact]
    public async Task An_unpaid_order_cannot_be_refunded()
    {
        var outTradeNo = await Prepay.PlaceAsync(host);

        var (status, body) = await RefundAsync(outTradeNo, "R" + outTradeNo, 100, 100);

        Assert.Equal(400, status);
        Assert.Equal("INVALID_REQUEST", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_refund_told_to_fail_ends_ABNORMAL_with_a_REFUND_ABNORMAL_notification()
    {
        await using var listener = await NotifyListener.StartAsync();
        var outTradeNo = await PaidOrderAsync(100);

        var (failNext, _) = await SignedApi.ControlAsync(host, "/sandbox/wechat_pay/refunds/fail_next", new { times = 1 });
        await RefundAsync(outTradeNo, "R" + outTradeNo, 100, 100, listener.Url);
        var received = Assert.Single(await listener.WaitForAsync(1, Patience));
        var (_, queried) = await SignedApi.SendAsync(host, HttpMethod.Get, "/v3/refund/domestic/refunds/R" + outTradeNo);

        Assert.Equal(202, failNext);
        Assert.Equal("REFUND.ABNORMAL", JsonDocument.Parse(received.Body).RootElement.GetProperty("event_type").GetString());
        Assert.Equal("ABNORMAL", queried.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_refund_told_to_stay_silent_ends_SUCCESS_seen_only_by_query()
    {
        await using var listener = await NotifyListener.StartAsync();
        var outTradeNo = await PaidOrderAsync(100);

        var (silenceNext, _) = await SignedApi.ControlAsync(host, "/sandbox/wechat_pay/refunds/silence_next", new { times = 1 });
        await RefundAsync(outTradeNo, "S" + outTradeNo, 100, 100, listener.Url);
        JsonElement queried;
        var deadline = DateTime.UtcNow + Patience;
        do
        {
            await Task.Delay(100);
            (_, queried) = await SignedApi.SendAsync(host, HttpMethod.Get, "/v3/refund/domestic/refunds/S" + outTradeNo);
        }
        while (queried.GetProperty("status").GetString() == "PROCESSING" && DateTime.UtcNow < deadline);
        var shown = JsonDocument.Parse(await host.Client.GetStringAsync("/sandbox/wechat_pay/refunds/S" + outTradeNo)).RootElement;

        Assert.Equal(202, silenceNext);
        Assert.Equal("SUCCESS", queried.GetProperty("status").GetString());
        Assert.False(shown.TryGetProperty("notification_id", out _));
        Assert.Empty(shown.GetProperty("deliveries").EnumerateArray());
        Assert.Empty(listener.Received);
    }

    [Fact]
    public async Task Unknown_refund_is_RESOURCE_NOT_EXISTS()
    {
        var (status, body) = await SignedApi.SendAsync(host, HttpMethod.Get, "/v3/refund/domestic/refunds/nope");

        Assert.Equal(404, status);
        Assert.Equal("RESOURCE_NOT_EXISTS", body.GetProperty("code").GetString());
    }

    private async Task<string> PaidOrderAsync(long total)
    {
        var outTradeNo = Prepay.NewOutTradeNo();
        var (status, _) = await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/transactions/native", SignedApi.Order(outTradeNo, total: total));
        Assert.Equal(200, status);
        using var pay = await Prepay.PayAsync(host, outTradeNo, new { notify = false });
        return outTradeNo;
    }

    private Task<(int Status, JsonElement Body)> RefundAsync(string outTradeNo, string outRefundNo, long refund, long total, string? notifyUrl = null) =>
        SignedApi.SendAsync(host, HttpMethod.Post, "/v3/refund/domestic/refunds", new
        {
            out_trade_no = outTradeNo,
            out_refund_no = outRefundNo,
            reason = "商品已售完",
            notify_url = notifyUrl,
            amount = new { refund, total, currency = "CNY" },
        });
}

using PayFunctions.Channels;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.WeChatPay;

/// <summary>The platform's adapter against the sandbox over real HTTP: two independent implementations of one protocol.</summary>
public sealed class AdapterEndToEndTests(SandboxHost host) : IClassFixture<SandboxHost>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly AdapterAccount _account = new(host);

    private IPaymentChannel Channel => _account.Channel;

    public void Dispose() => _account.Dispose();

    [Fact]
    public async Task A_full_refund_is_processing_then_succeeds_and_its_notification_parses()
    {
        await using var listener = await NotifyListener.StartAsync();
        var outTradeNo = await PaidNativeOrderAsync(1999);

        var refund = await Channel.RefundAsync(RefundOf(outTradeNo, "F" + outTradeNo, 1999, 1999, listener.Url), CancellationToken.None);
        var received = Assert.Single(await listener.WaitForAsync(1, Patience));
        var notification = Channel.ParseNotification(received.Headers, received.Body);
        var queried = await Channel.QueryRefundAsync(new ChannelOrderRef(outTradeNo), "F" + outTradeNo, CancellationToken.None);

        Assert.Equal(ChannelRefundState.Processing, refund.State);
        Assert.Equal(new Money(1999, Currency.Cny), refund.Amount);
        Assert.Equal(ChannelRefundState.Succeeded, queried.State);
        Assert.NotNull(queried.CompletedAt);
        Assert.Equal("REFUND.SUCCESS", notification.EventType);
        Assert.Equal(outTradeNo, notification.OutTradeNo);
        Assert.Equal(ChannelTradeState.Refunded, notification.State);
        Assert.Equal(new ChannelRefund("F" + outTradeNo, ChannelRefundState.Succeeded, refund.ChannelRefundNo, new Money(1999, Currency.Cny), queried.CompletedAt), notification.Refund);
        Assert.Equal(ChannelTradeState.Refunded, (await Channel.QueryAsync(new ChannelOrderRef(outTradeNo), CancellationToken.None)).State);
    }

    [Fact]
    public async Task Two_partial_refunds_add_up_to_the_total_and_a_third_is_refused()
    {
        var outTradeNo = await PaidNativeOrderAsync(1000);

        var first = await Channel.RefundAsync(RefundOf(outTradeNo, "P1" + outTradeNo, 300, 1000), CancellationToken.None);
        var second = await Channel.RefundAsync(RefundOf(outTradeNo, "P2" + outTradeNo, 700, 1000), CancellationToken.None);
        var repeated = await Channel.RefundAsync(RefundOf(outTradeNo, "P1" + outTradeNo, 300, 1000), CancellationToken.None);
        var third = await Assert.ThrowsAsync<ChannelException>(() => Channel.RefundAsync(RefundOf(outTradeNo, "P3" + outTradeNo, 1, 1000), CancellationToken.None));

        Assert.NotEqual(first.ChannelRefundNo, second.ChannelRefundNo);
        Assert.Equal(first.ChannelRefundNo, repeated.ChannelRefundNo);
        Assert.Equal("NOT_ENOUGH", third.Code);
        Assert.False(third.IsTransient);
    }

    [Fact]
    public async Task A_refund_that_fails_is_notified_as_abnormal_and_reads_as_failed()
    {
        await using var listener = await NotifyListener.StartAsync();
        var outTradeNo = await PaidNativeOrderAsync(100);
        await SignedApi.ControlAsync(host, "/sandbox/wechat_pay/refunds/fail_next", new { times = 1 });

        await Channel.RefundAsync(RefundOf(outTradeNo, "X" + outTradeNo, 100, 100, listener.Url), CancellationToken.None);
        var received = Assert.Single(await listener.WaitForAsync(1, Patience));
        var notification = Channel.ParseNotification(received.Headers, received.Body);

        Assert.Equal("REFUND.ABNORMAL", notification.EventType);
        Assert.Equal(ChannelRefundState.Failed, notification.Refund!.State);
        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Equal(ChannelRefundState.Failed, (await Channel.QueryRefundAsync(new ChannelOrderRef(outTradeNo), "X" + outTradeNo, CancellationToken.None)).State);
    }

    [Fact]
    public async Task A_payment_notification_parses_and_close_then_query_share_one_client()
    {
        await using var listener = await NotifyListener.StartAsync();
        var paid = Prepay.NewOutTradeNo();
        var unpaid = Prepay.NewOutTradeNo();
        await Channel.PrepayAsync(Order(paid, "wechat_pay.native", listener.Url), CancellationToken.None);
        await Channel.PrepayAsync(Order(unpaid, "wechat_pay.native"), CancellationToken.None);

        using var pay = await Prepay.PayAsync(host, paid);
        var received = Assert.Single(await listener.WaitForAsync(1, Patience));
        var closed = await Channel.CloseAsync(new ChannelOrderRef(unpaid), CancellationToken.None);
        var afterClose = await Channel.QueryAsync(new ChannelOrderRef(unpaid), CancellationToken.None);

        var notification = Channel.ParseNotification(received.Headers, received.Body);
        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Equal("OTHERS", notification.Payer?.Bank);
        Assert.StartsWith("o", notification.Payer?.Account, StringComparison.Ordinal);
        Assert.Equal(notification.Payer, (await Channel.QueryAsync(new ChannelOrderRef(paid), CancellationToken.None)).Payer);
        Assert.Equal(CloseOutcome.Closed, closed);
        Assert.Equal(ChannelTradeState.Closed, afterClose.State);
        Assert.Equal(CloseOutcome.AlreadyPaid, await Channel.CloseAsync(new ChannelOrderRef(paid), CancellationToken.None));
    }

    [Theory]
    [InlineData("wechat_pay.jsapi", "appId")]
    [InlineData("wechat_pay.mini_program", "appId")]
    [InlineData("wechat_pay.app", "partnerid")]
    public async Task Sdk_scenarios_are_placed_and_paid(string method, string parameter)
    {
        var outTradeNo = Prepay.NewOutTradeNo();

        var result = await Channel.PrepayAsync(Order(outTradeNo, method) with { PayerId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" }, CancellationToken.None);
        using var pay = await Prepay.PayAsync(host, outTradeNo, new { notify = false });

        Assert.Contains(parameter, Assert.IsType<UseSdk>(result.NextAction).Parameters.Keys);
        Assert.Equal(ChannelTradeState.Succeeded, (await Channel.QueryAsync(new ChannelOrderRef(outTradeNo), CancellationToken.None)).State);
    }

    [Fact]
    public async Task H5_redirects_to_the_h5_url_with_the_return_url()
    {
        var result = await Channel.PrepayAsync(
            Order(Prepay.NewOutTradeNo(), "wechat_pay.h5") with { ClientIp = "203.0.113.7", ReturnUrl = new Uri("https://shop.example.com/back") },
            CancellationToken.None);

        var url = Assert.IsType<RedirectToUrl>(result.NextAction).Url.AbsoluteUri;
        Assert.StartsWith("https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=", url, StringComparison.Ordinal);
        Assert.EndsWith("&redirect_url=https%3A%2F%2Fshop.example.com%2Fback", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payment_code_is_paying_until_the_payer_confirms_and_a_system_error_is_resolved_by_query()
    {
        var waiting = Prepay.NewOutTradeNo();
        var unclear = Prepay.NewOutTradeNo();

        var first = await Channel.PrepayAsync(Order(waiting, "wechat_pay.payment_code") with { PaymentCode = "130061098828009406" }, CancellationToken.None);
        using var pay = await Prepay.PayAsync(host, waiting);
        await SignedApi.ControlAsync(host, "/sandbox/wechat_pay/faults", new { kind = "system_error" });
        var second = await Channel.PrepayAsync(Order(unclear, "wechat_pay.payment_code") with { PaymentCode = "130061098828009407" }, CancellationToken.None);

        Assert.Equal(PrepayStatus.Answered, first.Status);
        Assert.Equal(ChannelTradeState.Paying, first.Order!.State);
        Assert.Equal(ChannelTradeState.Succeeded, (await Channel.QueryAsync(new ChannelOrderRef(waiting), CancellationToken.None)).State);
        Assert.Equal(ChannelTradeState.Paying, second.Order!.State);
        await Assert.ThrowsAsync<ChannelException>(() => Channel.CancelAsync(new ChannelOrderRef(unclear), CancellationToken.None));
        Assert.Equal(CloseOutcome.Reversed, await Channel.CancelAsync(new ChannelOrderRef(waiting), CancellationToken.None));
    }

    private async Task<string> PaidNativeOrderAsync(long total)
    {
        var outTradeNo = Prepay.NewOutTradeNo();
        await Channel.PrepayAsync(Order(outTradeNo, "wechat_pay.native", total: total), CancellationToken.None);
        using var pay = await Prepay.PayAsync(host, outTradeNo, new { notify = false });
        Assert.Equal(200, (int)pay.StatusCode);
        return outTradeNo;
    }

    private static PrepayRequest Order(string outTradeNo, string method, string notifyUrl = "https://merchant.example/notify", long total = 100) =>
        new(outTradeNo, method, new Money(total, Currency.Cny), "Image形象店-深圳腾大-QQ公仔", DateTimeOffset.UtcNow.AddMinutes(30), new Uri(notifyUrl), "order-42");

    private static ChannelRefundRequest RefundOf(string outTradeNo, string outRefundNo, long amount, long total, string notifyUrl = "https://merchant.example/refunds") =>
        new(outTradeNo, outRefundNo, new Money(amount, Currency.Cny), new Money(total, Currency.Cny), "商品已售完", new Uri(notifyUrl));
}

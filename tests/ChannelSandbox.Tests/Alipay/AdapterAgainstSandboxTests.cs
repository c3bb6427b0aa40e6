using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using PayFunctions.Channels;
using PayFunctions.Channels.Alipay;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.Alipay;

/// <summary>The PayFunctions Alipay adapter, configured as the platform configures it, against the sandbox over HTTP.</summary>
public sealed class AdapterAgainstSandboxTests(SandboxHost host) : IClassFixture<SandboxHost>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<ChannelNotification> _notifications = new();
    private readonly ConcurrentQueue<string> _rejections = new();
    private HttpClient _http = null!;
    private IPaymentChannel _channel = null!;
    private AlipayNotifyListener _listener = null!;

    public async Task InitializeAsync()
    {
        var module = new AlipayModule();
        // The platform reads each declared secret as {channel}-{account}-{secret}: the sandbox wrote exactly those.
        var secrets = module.Capabilities.SecretNames.ToDictionary(name => name, name => host.Secret($"alipay-main-{name}"));
        var settings = new Dictionary<string, string>
        {
            ["AppId"] = AlipayMerchant.AppId,
            ["BaseUrl"] = new Uri(host.BaseAddress, "/gateway.do").AbsoluteUri,
        };
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        _channel = module.Create(new ChannelAccount("main", settings, secrets), _http, TimeProvider.System);

        // The platform's notify endpoint: verify and map with the adapter, answer its replies.
        _listener = await AlipayNotifyListener.StartAsync(body =>
        {
            try
            {
                _notifications.Enqueue(_channel.ParseNotification(new Dictionary<string, string>(), body));
                return (_channel.SuccessReply.StatusCode, _channel.SuccessReply.Body);
            }
            catch (ChannelNotificationException ex)
            {
                _rejections.Enqueue(ex.Reason);
                var reply = _channel.FailureReply(ex.Reason);
                return (reply.StatusCode, reply.Body);
            }
        });
    }

    public async Task DisposeAsync()
    {
        await _listener.DisposeAsync();
        _http.Dispose();
        (_channel as IDisposable)?.Dispose();
    }

    private static string NewOrderNo() => "e" + Guid.NewGuid().ToString("N")[..20];

    private PrepayRequest Order(string outTradeNo, string method, long fen) =>
        new(outTradeNo, method, new Money(fen, Currency.Cny), "拿铁 Latte", DateTimeOffset.UtcNow.AddMinutes(30), new Uri(_listener.Url), "order-7");

    private async Task<IReadOnlyList<ChannelNotification>> WaitForNotificationsAsync(int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (_notifications.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        return [.. _notifications];
    }

    [Fact]
    public async Task Precreate_pay_notify_query_refund_twice_and_query_the_refund()
    {
        var outTradeNo = NewOrderNo();

        var placed = await _channel.PrepayAsync(Order(outTradeNo, AlipayClient.QrMethod, 10000), CancellationToken.None);
        var beforeScan = await _channel.QueryAsync(new ChannelOrderRef(outTradeNo), CancellationToken.None);
        using var pay = await host.Client.PostAsync($"/sandbox/alipay/orders/{outTradeNo}/pay", null);
        var paid = Assert.Single(await WaitForNotificationsAsync(1));
        var queried = await _channel.QueryAsync(new ChannelOrderRef(outTradeNo), CancellationToken.None);

        Assert.StartsWith("https://qr.alipay.com/", Assert.IsType<DisplayQrCode>(placed.NextAction).Data, StringComparison.Ordinal);
        Assert.Equal((ChannelTradeState.NotPaid, null), (beforeScan.State, beforeScan.ChannelTradeNo));
        Assert.Equal(HttpStatusCode.OK, pay.StatusCode);
        Assert.Equal((outTradeNo, ChannelTradeState.Succeeded, new Money(10000, Currency.Cny)), (paid.OutTradeNo, paid.State, paid.Amount));
        Assert.Equal(AlipayMerchant.AppId, paid.AppId);
        Assert.NotNull(paid.PaidAt);
        Assert.Null(paid.Refund);
        Assert.Equal(ChannelTradeState.Succeeded, queried.State);
        Assert.Equal(paid.ChannelTradeNo, queried.ChannelTradeNo);
        Assert.Equal(new Money(10000, Currency.Cny), queried.Amount);
        Assert.Equal(paid.PaidAt, queried.PaidAt);
        Assert.Equal(new ChannelPayer(paid.Payer?.Account, "ALIPAYACCOUNT", null, null), paid.Payer);
        Assert.StartsWith("2088", paid.Payer?.Account, StringComparison.Ordinal);
        Assert.Equal(paid.Payer, queried.Payer);

        var first = await _channel.RefundAsync(new ChannelRefundRequest(outTradeNo, "re_1", new Money(3000, Currency.Cny), new Money(10000, Currency.Cny), "少冰", new Uri(_listener.Url)), CancellationToken.None);
        var second = await _channel.RefundAsync(new ChannelRefundRequest(outTradeNo, "re_2", new Money(2000, Currency.Cny), new Money(10000, Currency.Cny), null, new Uri(_listener.Url)), CancellationToken.None);
        var repeated = await _channel.RefundAsync(new ChannelRefundRequest(outTradeNo, "re_1", new Money(3000, Currency.Cny), new Money(10000, Currency.Cny), "少冰", new Uri(_listener.Url)), CancellationToken.None);
        var secondQueried = await _channel.QueryRefundAsync(new ChannelOrderRef(outTradeNo), "re_2", CancellationToken.None);
        var unknown = await Assert.ThrowsAsync<ChannelException>(() => _channel.QueryRefundAsync(new ChannelOrderRef(outTradeNo), "re_9", CancellationToken.None));
        var all = await WaitForNotificationsAsync(3);

        Assert.Equal((ChannelRefundState.Succeeded, new Money(3000, Currency.Cny)), (first.State, first.Amount));
        Assert.Equal((ChannelRefundState.Succeeded, new Money(2000, Currency.Cny)), (second.State, second.Amount));
        Assert.Equal((ChannelRefundState.Succeeded, new Money(3000, Currency.Cny)), (repeated.State, repeated.Amount));
        Assert.Equal(("re_2", ChannelRefundState.Succeeded, new Money(2000, Currency.Cny)), (secondQueried.OutRefundNo, secondQueried.State, secondQueried.Amount));
        Assert.NotNull(secondQueried.CompletedAt);
        Assert.Equal("REFUND_NOT_EXIST", unknown.Code);
        Assert.Equal(["re_1", "re_2"], all.Where(n => n.Refund is not null).Select(n => n.Refund!.OutRefundNo).Order());
        Assert.Empty(_rejections);
        Assert.Equal(ChannelTradeState.Succeeded, (await _channel.QueryAsync(new ChannelOrderRef(outTradeNo), CancellationToken.None)).State);

        await _channel.RefundAsync(new ChannelRefundRequest(outTradeNo, "re_3", new Money(5000, Currency.Cny), new Money(10000, Currency.Cny), null, new Uri(_listener.Url)), CancellationToken.None);
        Assert.Equal(ChannelTradeState.Refunded, (await _channel.QueryAsync(new ChannelOrderRef(outTradeNo), CancellationToken.None)).State);
        var tooMuch = await Assert.ThrowsAsync<ChannelException>(() => _channel.RefundAsync(
            new ChannelRefundRequest(outTradeNo, "re_4", new Money(1, Currency.Cny), new Money(10000, Currency.Cny), null, new Uri(_listener.Url)), CancellationToken.None));
        Assert.Equal("ACQ.TRADE_STATUS_ERROR", tooMuch.Code);
    }

    [Fact]
    public async Task Close_an_unscanned_a_scanned_and_a_paid_order_and_cancel()
    {
        var unscanned = NewOrderNo();
        await _channel.PrepayAsync(Order(unscanned, AlipayClient.QrMethod, 100), CancellationToken.None);
        // Unknown to close until scanned, yet payable: the close cancels it, and the payer can no longer pay.
        Assert.Equal(CloseOutcome.Closed, await _channel.CloseAsync(new ChannelOrderRef(unscanned), CancellationToken.None));
        Assert.Equal(ChannelTradeState.Closed, (await _channel.QueryAsync(new ChannelOrderRef(unscanned), CancellationToken.None)).State);
        using (var pay = await host.Client.PostAsync($"/sandbox/alipay/orders/{unscanned}/pay", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, pay.StatusCode);
        }

        Assert.Equal(CloseOutcome.Closed, await _channel.CancelAsync(new ChannelOrderRef(unscanned), CancellationToken.None));

        var scanned = NewOrderNo();
        await _channel.PrepayAsync(Order(scanned, AlipayClient.QrMethod, 100), CancellationToken.None);
        using (await host.Client.PostAsync($"/sandbox/alipay/orders/{scanned}/scan", null))
        {
        }

        Assert.Equal(CloseOutcome.Closed, await _channel.CloseAsync(new ChannelOrderRef(scanned), CancellationToken.None));
        Assert.Equal(CloseOutcome.Closed, await _channel.CloseAsync(new ChannelOrderRef(scanned), CancellationToken.None));
        var closed = (await WaitForNotificationsAsync(1)).Single(n => n.OutTradeNo == scanned);
        Assert.Equal(ChannelTradeState.Closed, closed.State);

        var paid = NewOrderNo();
        await _channel.PrepayAsync(Order(paid, AlipayClient.QrMethod, 100), CancellationToken.None);
        using (await host.Client.PostAsync($"/sandbox/alipay/orders/{paid}/pay", null))
        {
        }

        Assert.Equal(CloseOutcome.AlreadyPaid, await _channel.CloseAsync(new ChannelOrderRef(paid), CancellationToken.None));
        Assert.Equal(CloseOutcome.Reversed, await _channel.CancelAsync(new ChannelOrderRef(paid), CancellationToken.None));
        Assert.Equal(CloseOutcome.Reversed, await _channel.CancelAsync(new ChannelOrderRef(paid), CancellationToken.None));
        Assert.Equal(CloseOutcome.NotFound, await _channel.CancelAsync(new ChannelOrderRef(NewOrderNo()), CancellationToken.None));
    }

    [Fact]
    public async Task Precreating_a_paid_order_again_is_already_at_the_channel()
    {
        var outTradeNo = NewOrderNo();
        var order = Order(outTradeNo, AlipayClient.QrMethod, 100);
        await _channel.PrepayAsync(order, CancellationToken.None);
        using (await host.Client.PostAsync($"/sandbox/alipay/orders/{outTradeNo}/pay", null))
        {
        }

        var again = await _channel.PrepayAsync(order, CancellationToken.None);

        Assert.Equal((PrepayStatus.AlreadyAtChannel, "ACQ.TRADE_HAS_SUCCESS"), (again.Status, again.ChannelCode));
    }

    [Fact]
    public async Task Barcode_success_user_paying_and_insufficient_balance()
    {
        var now = NewOrderNo();
        var success = await _channel.PrepayAsync(Order(now, AlipayClient.BarcodeMethod, 1234) with { PaymentCode = "286648048691290423" }, CancellationToken.None);
        Assert.Equal((PrepayStatus.Answered, ChannelTradeState.Succeeded), (success.Status, success.Order!.State));
        Assert.Equal(new Money(1234, Currency.Cny), success.Order.Amount);
        Assert.NotNull(success.Order.ChannelTradeNo);

        using (await host.Client.PostAsJsonAsync("/sandbox/alipay/faults", new { fault = "user_paying", method = "alipay.trade.pay" }))
        {
        }

        var waiting = NewOrderNo();
        var paying = await _channel.PrepayAsync(Order(waiting, AlipayClient.BarcodeMethod, 1234) with { PaymentCode = "286648048691290423" }, CancellationToken.None);
        Assert.Equal(ChannelTradeState.Paying, paying.Order!.State);
        Assert.Equal(ChannelTradeState.NotPaid, (await _channel.QueryAsync(new ChannelOrderRef(waiting), CancellationToken.None)).State);
        using (await host.Client.PostAsync($"/sandbox/alipay/orders/{waiting}/pay", null))
        {
        }

        Assert.Equal(ChannelTradeState.Succeeded, (await _channel.QueryAsync(new ChannelOrderRef(waiting), CancellationToken.None)).State);

        using (await host.Client.PostAsJsonAsync("/sandbox/alipay/faults", new { fault = "balance_not_enough", method = "alipay.trade.pay" }))
        {
        }

        var poor = await _channel.PrepayAsync(Order(NewOrderNo(), AlipayClient.BarcodeMethod, 1234) with { PaymentCode = "286648048691290423" }, CancellationToken.None);
        Assert.Equal((ChannelTradeState.Failed, "ACQ.BUYER_BALANCE_NOT_ENOUGH"), (poor.Order!.State, poor.ChannelCode));
    }

    [Theory]
    [InlineData("system_error", null, true)]
    [InlineData("bad_signature", "RESPONSE_SIGNATURE_INVALID", false)]
    [InlineData("unsigned", "RESPONSE_SIGNATURE_MISSING", false)]
    [InlineData("timeout", null, true)]
    public async Task Faults_never_pass_for_an_answer(string fault, string? code, bool transient)
    {
        var outTradeNo = NewOrderNo();
        using (await host.Client.PostAsJsonAsync("/sandbox/alipay/faults", new { fault, method = "alipay.trade.precreate", delay_ms = 4000 }))
        {
        }

        var ex = await Assert.ThrowsAsync<ChannelException>(() => _channel.PrepayAsync(Order(outTradeNo, AlipayClient.QrMethod, 100), CancellationToken.None));

        Assert.Equal(transient, ex.IsTransient);
        if (code is not null)
        {
            Assert.Equal(code, ex.Code);
        }
    }

    [Fact]
    public async Task Wap_pay_redirects_to_a_cashier_that_returns_with_alipay_signed_parameters()
    {
        var outTradeNo = NewOrderNo();
        var placed = await _channel.PrepayAsync(Order(outTradeNo, AlipayClient.WapMethod, 999) with { ReturnUrl = new Uri("https://shop.example.com/back") }, CancellationToken.None);
        var url = Assert.IsType<RedirectToUrl>(placed.NextAction).Url;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var page = await browser.GetStringAsync(url);
        using var paid = await browser.PostAsync(new Uri(url, $"/sandbox/alipay/cashier/{outTradeNo}/pay"), null);
        var notification = (await WaitForNotificationsAsync(1)).Single(n => n.OutTradeNo == outTradeNo);

        Assert.Contains("9.99", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var returned = AlipayMerchant.ParseForm(paid.Headers.Location!.Query.TrimStart('?'));
        using var alipayKey = AlipaySignature.ImportPublicKey(host.Secret("alipay-main-alipay-public-key"));
        Assert.True(AlipaySignature.Verify(alipayKey, AlipaySignature.NotificationContent(returned), returned["sign"]));
        Assert.Equal("alipay.trade.wap.pay.return", returned["method"]);
        Assert.Equal((ChannelTradeState.Succeeded, new Money(999, Currency.Cny)), (notification.State, notification.Amount));
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using PayFunctions.Channels;
using PayFunctions.Channels.AlipayPlus;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.AlipayPlus;

/// <summary>The PayFunctions Alipay+ adapter, configured as the platform configures it, against the simulator over HTTP.</summary>
public sealed class AdapterAgainstSandboxTests(SandboxHost host) : IClassFixture<SandboxHost>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<ChannelNotification> _notifications = new();
    private HttpClient _http = null!;
    private IPaymentChannel _channel = null!;
    private AlipayPlusNotifyListener _listener = null!;

    public async Task InitializeAsync()
    {
        _listener = await AlipayPlusNotifyListener.StartAsync((headers, body) =>
        {
            try
            {
                _notifications.Enqueue(_channel.ParseNotification(headers, body));
                return (_channel.SuccessReply.StatusCode, _channel.SuccessReply.Body);
            }
            catch (ChannelNotificationException ex)
            {
                var reply = _channel.FailureReply(ex.Reason);
                return (reply.StatusCode, reply.Body);
            }
        });

        var module = new AlipayPlusModule();
        var secrets = module.Capabilities.SecretNames.ToDictionary(name => name, name => host.Secret($"alipay-plus-main-{name}"));
        var settings = new Dictionary<string, string>
        {
            ["ClientId"] = AlipayPlusMerchant.ClientId,
            ["KeyVersion"] = "1",
            ["BaseUrl"] = host.BaseAddress.AbsoluteUri,
        };
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        _channel = module.Create(new ChannelAccount("main", settings, secrets) { NotifyUrl = new Uri(_listener.Url) }, _http, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _listener.DisposeAsync();
        _http.Dispose();
        (_channel as IDisposable)?.Dispose();
    }

    private static string NewOrderNo() => "pay_" + Guid.NewGuid().ToString("N")[..24];

    private PrepayRequest Order(string outTradeNo, string method, long amount, string currency) =>
        new(outTradeNo, method, new Money(amount, Currency.Parse(currency)), "Latte", DateTimeOffset.UtcNow.AddMinutes(30), new Uri(_listener.Url), null)
        {
            ReturnUrl = new Uri("https://shop.example/return"),
        };

    [Fact]
    public async Task Pay_AtTheWallet_NotifyQueryRefundTwiceAndQueryTheRefund()
    {
        var outTradeNo = NewOrderNo();
        var placed = await _channel.PrepayAsync(Order(outTradeNo, "alipay_plus.truemoney", 10000, "THB"), CancellationToken.None);
        var page = Assert.IsType<RedirectToUrl>(placed.NextAction).Url;
        Assert.Equal(ChannelTradeState.NotPaid, (await _channel.QueryAsync(new ChannelOrderRef(outTradeNo), CancellationToken.None)).State);

        // The payer's browser: the wallet page, pay, back to the merchant.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(page)).StatusCode);
        using var paid = await browser.PostAsync(new Uri(page, page.AbsolutePath + "/pay"), null);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal("https://shop.example/return", paid.Headers.Location!.AbsoluteUri);

        var notification = await WaitForAsync(n => n.OutTradeNo == outTradeNo && n.Refund is null);
        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Equal(new Money(10000, Currency.Parse("THB")), notification.Amount);
        var order = await _channel.QueryAsync(new ChannelOrderRef(outTradeNo), CancellationToken.None);
        Assert.Equal(ChannelTradeState.Succeeded, order.State);
        Assert.Equal(notification.ChannelTradeNo, order.ChannelTradeNo);
        Assert.Equal("TRUEMONEY", notification.Payer?.Bank);
        Assert.NotNull(notification.Payer?.Account);
        Assert.Equal(notification.Payer, order.Payer);

        foreach (var (refundNo, amount) in new[] { ("re_1" + outTradeNo[4..], 3333L), ("re_2" + outTradeNo[4..], 6667L) })
        {
            var refund = await _channel.RefundAsync(
                new ChannelRefundRequest(outTradeNo, refundNo, new Money(amount, Currency.Parse("THB")), new Money(10000, Currency.Parse("THB")), null, new Uri(_listener.Url))
                {
                    ChannelTradeNo = order.ChannelTradeNo,
                },
                CancellationToken.None);
            Assert.Equal(ChannelRefundState.Succeeded, refund.State);
            Assert.Equal(ChannelRefundState.Succeeded, (await _channel.QueryRefundAsync(new ChannelOrderRef(outTradeNo), refundNo, CancellationToken.None)).State);
            var notified = await WaitForAsync(n => n.Refund?.OutRefundNo == refundNo);
            Assert.Equal(outTradeNo, notified.OutTradeNo);
            Assert.Equal(new Money(amount, Currency.Parse("THB")), notified.Refund!.Amount);
        }

        var tooMuch = await Assert.ThrowsAsync<ChannelException>(() => _channel.RefundAsync(
            new ChannelRefundRequest(outTradeNo, "re_3" + outTradeNo[4..], new Money(1, Currency.Parse("THB")), new Money(10000, Currency.Parse("THB")), null, new Uri(_listener.Url))
            {
                ChannelTradeNo = order.ChannelTradeNo,
            },
            CancellationToken.None));
        Assert.Equal("REFUND_AMOUNT_EXCEED", tooMuch.Code);
    }

    [Fact]
    public async Task Close_UnpaidIsClosedPaidIsAlreadyPaid()
    {
        var unpaid = NewOrderNo();
        await _channel.PrepayAsync(Order(unpaid, "alipay_plus.kakaopay", 10000, "KRW"), CancellationToken.None);
        Assert.Equal(CloseOutcome.Closed, await _channel.CloseAsync(new ChannelOrderRef(unpaid), CancellationToken.None));
        Assert.Equal(ChannelTradeState.Closed, (await _channel.QueryAsync(new ChannelOrderRef(unpaid), CancellationToken.None)).State);

        var paid = NewOrderNo();
        await _channel.PrepayAsync(Order(paid, "alipay_plus.gcash", 10000, "PHP"), CancellationToken.None);
        using var pay = await host.Client.PostAsync($"sandbox/alipay_plus/orders/{paid}/pay", new StringContent("""{"notify":false}""", Encoding.UTF8, "application/json"));
        Assert.Equal(CloseOutcome.AlreadyPaid, await _channel.CloseAsync(new ChannelOrderRef(paid), CancellationToken.None));
    }

    [Fact]
    public async Task Prepay_AnUnknownOutcomeIsTransientAndTheRetryGetsTheSamePayment()
    {
        var outTradeNo = NewOrderNo();
        using var fault = await host.Client.PostAsync("sandbox/alipay_plus/faults", new StringContent("""{"fault":"unknown","api":"pay"}""", Encoding.UTF8, "application/json"));

        // A retry sends the very order it retries: its expiry is part of it, and one a second later is another order.
        var order = Order(outTradeNo, "alipay_plus.dana", 3000000, "IDR");

        var error = await Assert.ThrowsAsync<ChannelException>(() => _channel.PrepayAsync(order, CancellationToken.None));
        var first = await _channel.PrepayAsync(order, CancellationToken.None);
        var again = await _channel.PrepayAsync(order, CancellationToken.None);

        Assert.True(error.IsTransient);
        Assert.Equal(Assert.IsType<RedirectToUrl>(first.NextAction).Url, Assert.IsType<RedirectToUrl>(again.NextAction).Url);
    }

    [Fact]
    public async Task ATamperedAnswer_IsNeverBelieved()
    {
        using var fault = await host.Client.PostAsync("sandbox/alipay_plus/faults", new StringContent("""{"fault":"bad_signature","api":"inquiryPayment"}""", Encoding.UTF8, "application/json"));

        var error = await Assert.ThrowsAsync<ChannelException>(() => _channel.QueryAsync(new ChannelOrderRef(NewOrderNo()), CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_INVALID", error.Code);
    }

    private async Task<ChannelNotification> WaitForAsync(Func<ChannelNotification, bool> match)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (_notifications.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(25);
        }

        Assert.Fail("The expected notification never arrived.");
        return null!;
    }
}

using System.Net;
using System.Net.Http.Json;
using PayFunctions.Channels;
using PayFunctions.Channels.PayPal;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.PayPal;

/// <summary>The PayFunctions PayPal adapter, configured as the platform configures it, against the simulator over HTTP.</summary>
public sealed class AdapterAgainstSandboxTests(SandboxHost host) : IClassFixture<SandboxHost>, IAsyncLifetime
{
    private static readonly Money Usd100 = new(10000, Currency.Parse("USD"));

    private readonly PayPalModule _module = new();
    private HttpClient _http = null!;
    private IPaymentChannel _channel = null!;
    private NotifyListener _listener = null!;

    public async Task InitializeAsync()
    {
        // The platform reads each declared secret as {channel}-{account}-{secret}: the sandbox wrote exactly those.
        var secrets = _module.Capabilities.SecretNames.ToDictionary(name => name, name => host.Secret($"paypal-main-{name}"));
        var settings = new Dictionary<string, string>
        {
            ["ClientId"] = PayPalMerchant.ClientId,
            ["WebhookId"] = PayPalMerchant.WebhookId,
            ["BaseUrl"] = host.BaseAddress.AbsoluteUri,
        };
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        _channel = _module.Create(new ChannelAccount("main", settings, secrets), _http, TimeProvider.System);
        _listener = await NotifyListener.StartAsync();
        await new PayPalMerchant(host).PointWebhooksAtAsync(_listener.Url);
    }

    public async Task DisposeAsync()
    {
        await _listener.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Order_ApprovedCapturedAndRefundedInParts_EveryWebhookVerifiedByTheAdapter()
    {
        var outTradeNo = NewOrderNo();
        var placed = await _channel.PrepayAsync(Order(outTradeNo), CancellationToken.None);
        var orderId = placed.ChannelOrderId!;
        Assert.Equal(PrepayStatus.Placed, placed.Status);
        Assert.Equal($"{host.BaseAddress}checkoutnow?token={orderId}", Assert.IsType<RedirectToUrl>(placed.NextAction).Url.AbsoluteUri);

        // A repeated prepay (an activity run twice) gets the same order.
        Assert.Equal(orderId, (await _channel.PrepayAsync(Order(outTradeNo), CancellationToken.None)).ChannelOrderId);
        var reference = new ChannelOrderRef(outTradeNo, orderId);
        Assert.Equal(ChannelTradeState.NotPaid, (await _channel.QueryAsync(reference, CancellationToken.None)).State);

        await PayAsync(outTradeNo);
        var approved = await NextNotificationAsync(outTradeNo, "CHECKOUT.ORDER.APPROVED");
        Assert.Equal(ChannelTradeState.Authorized, approved.State);
        Assert.Equal(Usd100, approved.Amount);
        Assert.Equal("US", approved.Payer?.Country);
        Assert.NotNull(approved.Payer?.Account);
        Assert.Equal("Wei Zhang", approved.Payer?.Name);
        var authorized = await _channel.QueryAsync(reference, CancellationToken.None);
        Assert.Equal(ChannelTradeState.Authorized, authorized.State);
        Assert.Equal(approved.Payer, authorized.Payer);

        var captured = await _channel.CaptureAsync(reference, Usd100, CancellationToken.None);
        Assert.Equal(ChannelTradeState.Succeeded, captured.State);
        var completed = await NextNotificationAsync(outTradeNo, "PAYMENT.CAPTURE.COMPLETED");
        Assert.Equal(ChannelTradeState.Succeeded, completed.State);
        Assert.Equal(captured.ChannelTradeNo, completed.ChannelTradeNo);

        // Capturing again is the same capture.
        Assert.Equal(captured.ChannelTradeNo, (await _channel.CaptureAsync(reference, Usd100, CancellationToken.None)).ChannelTradeNo);

        var first = await _channel.RefundAsync(Refund(outTradeNo, orderId, captured.ChannelTradeNo!, "re_" + outTradeNo[4..] + "a", 3333), CancellationToken.None);
        Assert.Equal(ChannelRefundState.Succeeded, first.State);
        var refundNotification = await NextNotificationAsync(outTradeNo, "PAYMENT.CAPTURE.REFUNDED");
        Assert.Equal(first.OutRefundNo, refundNotification.Refund!.OutRefundNo);
        Assert.Equal(3333, refundNotification.Refund.Amount!.Value.MinorUnits);

        var rest = Refund(outTradeNo, orderId, captured.ChannelTradeNo!, "re_" + outTradeNo[4..] + "b", 6667);
        Assert.Equal(ChannelRefundState.Succeeded, (await _channel.RefundAsync(rest, CancellationToken.None)).State);
        Assert.Equal(ChannelRefundState.Succeeded, (await _channel.RefundAsync(rest, CancellationToken.None)).State);
        var queried = await _channel.QueryRefundAsync(reference, rest.OutRefundNo, CancellationToken.None);
        Assert.Equal(6667, queried.Amount!.Value.MinorUnits);
        Assert.Equal(ChannelTradeState.Refunded, (await _channel.QueryAsync(reference, CancellationToken.None)).State);

        var tooMuch = Refund(outTradeNo, orderId, captured.ChannelTradeNo!, "re_" + outTradeNo[4..] + "c", 1);
        Assert.Equal("CAPTURE_FULLY_REFUNDED", (await Assert.ThrowsAsync<ChannelException>(() => _channel.RefundAsync(tooMuch, CancellationToken.None))).Code);
    }

    [Fact]
    public async Task Capture_OfLess_CapturesThePatchedAmount()
    {
        var outTradeNo = NewOrderNo();
        var reference = new ChannelOrderRef(outTradeNo, (await _channel.PrepayAsync(Order(outTradeNo), CancellationToken.None)).ChannelOrderId);
        await PayAsync(outTradeNo, notify: false);

        var captured = await _channel.CaptureAsync(reference, Usd100 with { MinorUnits = 2500 }, CancellationToken.None);

        Assert.Equal(ChannelTradeState.Succeeded, captured.State);
        Assert.Equal(2500, captured.Amount!.Value.MinorUnits);
    }

    [Fact]
    public async Task Faults_ARevokedTokenIsRenewed_AServerErrorIsTransient_ADeclineIsARefusal()
    {
        var outTradeNo = NewOrderNo();
        var reference = new ChannelOrderRef(outTradeNo, (await _channel.PrepayAsync(Order(outTradeNo), CancellationToken.None)).ChannelOrderId);

        await FaultAsync(PayPalFaultKinds.TokenRevoked);
        Assert.Equal(ChannelTradeState.NotPaid, (await _channel.QueryAsync(reference, CancellationToken.None)).State);

        await FaultAsync(PayPalFaultKinds.ServerError);
        Assert.True((await Assert.ThrowsAsync<ChannelException>(() => _channel.QueryAsync(reference, CancellationToken.None))).IsTransient);

        await PayAsync(outTradeNo, notify: false);
        await FaultAsync(PayPalFaultKinds.InstrumentDeclined);
        var declined = await Assert.ThrowsAsync<ChannelException>(() => _channel.CaptureAsync(reference, Usd100, CancellationToken.None));
        Assert.Equal("INSTRUMENT_DECLINED", declined.Code);
        Assert.False(declined.IsTransient);
        Assert.Equal(ChannelTradeState.Authorized, (await _channel.QueryAsync(reference, CancellationToken.None)).State);
    }

    [Fact]
    public async Task SettlementReport_OfTheSimulator_IsReadByTheModule()
    {
        var outTradeNo = NewOrderNo();
        var reference = new ChannelOrderRef(outTradeNo, (await _channel.PrepayAsync(Order(outTradeNo), CancellationToken.None)).ChannelOrderId);
        await PayAsync(outTradeNo, notify: false);
        var captured = await _channel.CaptureAsync(reference, Usd100, CancellationToken.None);
        await _channel.RefundAsync(Refund(outTradeNo, reference.ChannelOrderId!, captured.ChannelTradeNo!, "re_" + outTradeNo[4..], 1000), CancellationToken.None);

        await using var report = await host.Client.GetStreamAsync("/sandbox/paypal/reports/settlement");
        var lines = new List<ChannelStatementLine>();
        await foreach (var line in _module.ReadAsync(report, CancellationToken.None))
        {
            lines.Add(line);
        }

        var payment = Assert.Single(lines, l => l.Type == ChannelStatementLineType.Payment && l.OutTradeNo == outTradeNo);
        Assert.Equal(captured.ChannelTradeNo, payment.ChannelReference);
        Assert.Equal(Usd100, payment.Amount);
        Assert.Equal(398, payment.Fee.MinorUnits);
        var refund = Assert.Single(lines, l => l.Type == ChannelStatementLineType.Refund && l.OutTradeNo == outTradeNo);
        Assert.Equal("re_" + outTradeNo[4..], refund.OutRefundNo);
        Assert.Equal(1000, refund.Amount.MinorUnits);
    }

    private static string NewOrderNo() => "pay_" + Guid.NewGuid().ToString("N")[..20];

    private static PrepayRequest Order(string outTradeNo) =>
        new(outTradeNo, PayPalClient.CheckoutMethod, Usd100, "Latte", DateTimeOffset.UtcNow.AddHours(2), new Uri("http://127.0.0.1/api/notify/paypal"), null)
        {
            ReturnUrl = new Uri("https://shop.example/return"),
        };

    private static ChannelRefundRequest Refund(string outTradeNo, string orderId, string captureId, string outRefundNo, long cents) =>
        new(outTradeNo, outRefundNo, Usd100 with { MinorUnits = cents }, Usd100, "Returned", new Uri("http://127.0.0.1/api/notify/paypal"))
        {
            ChannelOrderId = orderId,
            ChannelTradeNo = captureId,
        };

    private async Task PayAsync(string outTradeNo, bool notify = true)
    {
        using var response = await host.Client.PostAsJsonAsync($"/sandbox/paypal/orders/{outTradeNo}/pay", new { notify, given_name = "Wei", surname = "Zhang" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task FaultAsync(string kind)
    {
        using var response = await host.Client.PostAsJsonAsync("/sandbox/paypal/faults", new { kind, times = 1 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>The platform's notify endpoint: the adapter fetches the certificate, then verifies and maps the delivery.</summary>
    private async Task<ChannelNotification> NextNotificationAsync(string outTradeNo, string eventType)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var delivery in _listener.Received)
            {
                var text = System.Text.Encoding.UTF8.GetString(delivery.Body);
                if (text.Contains(outTradeNo, StringComparison.Ordinal) && text.Contains($"\"event_type\":\"{eventType}\"", StringComparison.Ordinal))
                {
                    await _channel.PrepareNotificationAsync(delivery.Headers, CancellationToken.None);
                    return _channel.ParseNotification(delivery.Headers, delivery.Body);
                }
            }

            await Task.Delay(50);
        }

        Assert.Fail($"No {eventType} webhook for {outTradeNo}.");
        return null!;
    }

    private static class PayPalFaultKinds
    {
        public const string TokenRevoked = "token_revoked";
        public const string ServerError = "server_error";
        public const string InstrumentDeclined = "instrument_declined";
    }
}

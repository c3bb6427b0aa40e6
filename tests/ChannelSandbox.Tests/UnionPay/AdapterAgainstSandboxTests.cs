using System.Net.Http.Json;
using PayFunctions.Channels;
using PayFunctions.Channels.UnionPay;
using PayFunctions.Domain;
using ChannelPrepay = PayFunctions.Channels.PrepayRequest;

namespace ChannelSandbox.Tests.UnionPay;

/// <summary>The platform's UnionPay adapter against the simulator, end to end over HTTP; the two share no code.</summary>
public sealed class AdapterAgainstSandboxTests(UnionPaySandboxHost sandbox) : IClassFixture<UnionPaySandboxHost>, IAsyncLifetime
{
    private static readonly Dictionary<string, string> NoHeaders = [];
    private NotifyListener _listener = null!;
    private HttpClient _http = null!;
    private IPaymentChannel _adapter = null!;

    public async Task InitializeAsync()
    {
        _listener = await NotifyListener.StartAsync([.. Enumerable.Repeat(200, 50)]);
        _http = new HttpClient();
        var account = new ChannelAccount(
            "main",
            new Dictionary<string, string>
            {
                ["MerId"] = UnionPayMerchant.MerId,
                ["SignCertId"] = UnionPayMerchant.CertId,
                ["BaseUrl"] = sandbox.BaseUrl.AbsoluteUri,
                ["BackUrl"] = _listener.Url,
            },
            new Dictionary<string, string>
            {
                [UnionPayModule.SigningPrivateKeySecret] = sandbox.Secret("unionpay-main-signing-private-key"),
                [UnionPayModule.RootCertSecret] = sandbox.Secret("unionpay-main-root-cert"),
                [UnionPayModule.MiddleCertSecret] = sandbox.Secret("unionpay-main-middle-cert"),
            });
        _adapter = new UnionPayModule().Create(account, _http, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        ((IDisposable)_adapter).Dispose();
        _http.Dispose();
        await _listener.DisposeAsync();
    }

    [Fact]
    public async Task QR_pay_notification_query_partial_refund_and_refund_notification()
    {
        var paymentId = NewId("pay");

        var placed = await _adapter.PrepayAsync(Prepay(paymentId, UnionPayClient.QrMethod, 2000), CancellationToken.None);
        Assert.StartsWith("https://qr.95516.com/", Assert.IsType<DisplayQrCode>(placed.NextAction).Data, StringComparison.Ordinal);
        Assert.Equal(ChannelTradeState.NotPaid, (await _adapter.QueryAsync(new ChannelOrderRef(paymentId), CancellationToken.None)).State);

        using (var paid = await sandbox.Client.PostAsync($"/sandbox/unionpay/orders/{paymentId}/pay", null))
        {
            Assert.Equal(200, (int)paid.StatusCode);
        }

        var payment = _adapter.ParseNotification(NoHeaders, (await NextDeliveryAsync(1)).Body);
        Assert.Equal(paymentId, payment.OutTradeNo);
        Assert.Equal(ChannelTradeState.Succeeded, payment.State);
        Assert.Equal(new Money(2000, Currency.Cny), payment.Amount);
        Assert.NotNull(payment.PaidAt);

        var order = await _adapter.QueryAsync(new ChannelOrderRef(paymentId), CancellationToken.None);
        Assert.Equal(ChannelTradeState.Succeeded, order.State);
        Assert.Equal(payment.ChannelTradeNo, order.ChannelTradeNo);
        Assert.Equal(new ChannelPayer(null, "01", null, null), payment.Payer);
        Assert.Equal(payment.Payer, order.Payer);

        var refundId = NewId("re");
        var refund = await _adapter.RefundAsync(
            new ChannelRefundRequest(paymentId, refundId, new Money(700, Currency.Cny), new Money(2000, Currency.Cny), null, new Uri(_listener.Url)),
            CancellationToken.None);
        Assert.Equal(ChannelRefundState.Processing, refund.State);

        var refunded = _adapter.ParseNotification(NoHeaders, (await NextDeliveryAsync(2)).Body);
        Assert.Equal(paymentId, refunded.OutTradeNo);
        Assert.Equal(payment.ChannelTradeNo, refunded.ChannelTradeNo);
        Assert.Equal(refundId, refunded.Refund!.OutRefundNo);
        Assert.Equal(ChannelRefundState.Succeeded, refunded.Refund.State);
        Assert.Equal(new Money(700, Currency.Cny), refunded.Refund.Amount);

        var queried = await _adapter.QueryRefundAsync(new ChannelOrderRef(paymentId), refundId, CancellationToken.None);
        Assert.Equal(ChannelRefundState.Succeeded, queried.State);
    }

    [Fact]
    public async Task Gateway_form_opens_UnionPays_page_a_changed_one_is_refused_and_paying_notifies()
    {
        var paymentId = NewId("pay");
        var placed = await _adapter.PrepayAsync(
            Prepay(paymentId, UnionPayClient.GatewayMethod, 2500) with { ReturnUrl = new Uri("https://shop.example/return") }, CancellationToken.None);
        var form = Assert.IsType<SubmitForm>(placed.NextAction);
        Assert.Equal(new Uri(sandbox.BaseUrl, "/gateway/api/frontTransReq.do"), form.Action);

        using (var forged = await sandbox.Client.PostAsync(form.Action, new FormUrlEncodedContent(new Dictionary<string, string>(form.Fields) { ["txnAmt"] = "1" })))
        {
            Assert.Contains("交易失败", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var page = await sandbox.Client.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields)))
        {
            Assert.Contains("银联在线支付", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(ChannelTradeState.NotPaid, (await _adapter.QueryAsync(new ChannelOrderRef(paymentId), CancellationToken.None)).State);
        using (var paid = await sandbox.Client.PostAsync(
            $"/sandbox/unionpay/front/{form.Fields["orderId"]}/pay", new FormUrlEncodedContent(new Dictionary<string, string> { ["result"] = "success" })))
        {
            Assert.Contains("https://shop.example/return", await paid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var payment = _adapter.ParseNotification(NoHeaders, (await NextDeliveryAsync(1)).Body);
        Assert.Equal((paymentId, ChannelTradeState.Succeeded, new Money(2500, Currency.Cny)), (payment.OutTradeNo, payment.State, payment.Amount));
        Assert.Equal(ChannelTradeState.Succeeded, (await _adapter.QueryAsync(new ChannelOrderRef(paymentId), CancellationToken.None)).State);
    }

    [Fact]
    public async Task Barcode_success_pending_and_insufficient_balance()
    {
        var success = await _adapter.PrepayAsync(Barcode(NewId("pay")), CancellationToken.None);
        Assert.Equal(ChannelTradeState.Succeeded, success.Order!.State);

        await AddFaultAsync("user_paying");
        var pendingId = NewId("pay");
        var pending = await _adapter.PrepayAsync(Barcode(pendingId), CancellationToken.None);
        Assert.Equal(ChannelTradeState.Paying, pending.Order!.State);
        using (var paid = await sandbox.Client.PostAsync($"/sandbox/unionpay/orders/{pendingId}/pay", null))
        {
            Assert.Equal(200, (int)paid.StatusCode);
        }

        Assert.Equal(ChannelTradeState.Succeeded, (await _adapter.QueryAsync(new ChannelOrderRef(pendingId), CancellationToken.None)).State);

        await AddFaultAsync("insufficient_balance");
        var declined = await _adapter.PrepayAsync(Barcode(NewId("pay")), CancellationToken.None);
        Assert.Equal(ChannelTradeState.Failed, declined.Order!.State);
    }

    [Fact]
    public async Task Cancel_voids_a_payment_made_today_the_void_is_notified_and_a_repeated_cancel_is_the_same()
    {
        var paymentId = NewId("pay");
        await _adapter.PrepayAsync(Barcode(paymentId), CancellationToken.None);
        await NextDeliveryAsync(1);

        Assert.Equal(CloseOutcome.Reversed, await _adapter.CancelAsync(new ChannelOrderRef(paymentId), CancellationToken.None));

        var voided = _adapter.ParseNotification(NoHeaders, (await NextDeliveryAsync(2)).Body);
        Assert.Equal(paymentId, voided.OutTradeNo);
        Assert.Equal("31", voided.EventType[..2]);
        Assert.Equal(ChannelRefundState.Succeeded, voided.Refund!.State);
        Assert.Equal(new Money(1500, Currency.Cny), voided.Refund.Amount);
        Assert.Equal(CloseOutcome.Reversed, await _adapter.CancelAsync(new ChannelOrderRef(paymentId), CancellationToken.None));
    }

    [Fact]
    public async Task A_forged_answer_and_a_system_error_are_channel_exceptions()
    {
        await AddFaultAsync("signature_error");
        var forged = await Assert.ThrowsAsync<ChannelException>(() => _adapter.QueryAsync(new ChannelOrderRef(NewId("pay")), CancellationToken.None));
        Assert.Equal("RESPONSE_SIGNATURE_INVALID", forged.Code);

        await AddFaultAsync("system_error");
        var busy = await Assert.ThrowsAsync<ChannelException>(() => _adapter.QueryAsync(new ChannelOrderRef(NewId("pay")), CancellationToken.None));
        Assert.Equal("06", busy.Code);
        Assert.True(busy.IsTransient);
    }

    private static string NewId(string prefix)
    {
        const string alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        var inverted = (long)Math.Pow(36, 12) - 1 - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = new char[24];
        for (var i = 11; i >= 0; i--)
        {
            id[i] = alphabet[(int)(inverted % 36)];
            inverted /= 36;
        }

        for (var i = 12; i < 24; i++)
        {
            id[i] = alphabet[Random.Shared.Next(36)];
        }

        return prefix + "_" + new string(id);
    }

    private ChannelPrepay Prepay(string id, string method, long fen) =>
        new(id, method, new Money(fen, Currency.Cny), "Coffee", DateTimeOffset.UtcNow.AddMinutes(15), new Uri(_listener.Url), null);

    private ChannelPrepay Barcode(string id) => Prepay(id, UnionPayClient.BarcodeMethod, 1500) with { PaymentCode = "6222021234567890123" };

    private async Task<Received> NextDeliveryAsync(int count)
    {
        var received = await _listener.WaitForAsync(count, TimeSpan.FromSeconds(10));
        Assert.Equal(count, received.Count);
        return received[^1];
    }

    private async Task AddFaultAsync(string kind)
    {
        using var response = await sandbox.Client.PostAsJsonAsync("/sandbox/unionpay/faults", new { kind });
        Assert.Equal(202, (int)response.StatusCode);
    }
}

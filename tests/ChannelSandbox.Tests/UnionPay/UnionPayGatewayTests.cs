using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;

namespace ChannelSandbox.Tests.UnionPay;

/// <summary>The UnionPay simulator over real HTTP, driven by a merchant written from the ACP specification.</summary>
public sealed class UnionPayGatewayTests(UnionPaySandboxHost sandbox) : IClassFixture<UnionPaySandboxHost>
{
    private UnionPayMerchant Merchant => sandbox.Merchant;

    [Fact]
    public void The_merchant_secrets_are_written_and_the_root_signs_the_middle()
    {
        using var root = X509Certificate2.CreateFromPem(sandbox.Secret("unionpay-main-root-cert"));
        using var middle = X509Certificate2.CreateFromPem(sandbox.Secret("unionpay-main-middle-cert"));

        Assert.Contains("PRIVATE KEY", sandbox.Secret("unionpay-main-signing-private-key"), StringComparison.Ordinal);
        Assert.Equal(root.Subject, middle.Issuer);
        Assert.Contains("\r\n", sandbox.Secret("unionpay-main-root-cert"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_QR_code_is_signed_by_UnionPay_and_unknown_to_query_until_paid_then_notified()
    {
        await using var listener = await NotifyListener.StartAsync(200);
        var orderId = UnionPayMerchant.NewOrderId();
        var txnTime = UnionPayMerchant.ChinaNow();

        var answer = await Merchant.ApplyQrCodeAsync(orderId, txnTime, 1234, listener.Url);

        Assert.True(Merchant.IsFromUnionPay(answer));
        Assert.Equal("00", answer["respCode"]);
        Assert.StartsWith("https://qr.95516.com/", answer["qrCode"], StringComparison.Ordinal);
        Assert.Equal("34", (await Merchant.QueryAsync(orderId, txnTime))["respCode"]);

        using var paid = await sandbox.Client.PostAsync($"/sandbox/unionpay/orders/{orderId}/pay", null);
        Assert.Equal(200, (int)paid.StatusCode);

        var received = Assert.Single(await listener.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.StartsWith("application/x-www-form-urlencoded", received.Headers["Content-Type"], StringComparison.Ordinal);
        var notification = UnionPayMerchant.ParseForm(received.Body);
        Assert.True(Merchant.IsFromUnionPay(notification));
        Assert.Equal(orderId, notification["orderId"]);
        Assert.Equal("00", notification["respCode"]);
        Assert.Equal("1234", notification["txnAmt"]);
        Assert.Equal(txnTime, notification["txnTime"]);

        var query = await Merchant.QueryAsync(orderId, txnTime);
        Assert.True(Merchant.IsFromUnionPay(query));
        Assert.Equal("00", query["origRespCode"]);
        Assert.Equal(notification["queryId"], query["queryId"]);
    }

    [Fact]
    public async Task A_notification_is_sent_again_until_HTTP_200()
    {
        await using var listener = await NotifyListener.StartAsync(500, 204, 200);
        var orderId = UnionPayMerchant.NewOrderId();
        await Merchant.ConsumeByCodeAsync(orderId, UnionPayMerchant.ChinaNow(), 100, listener.Url);

        var received = await listener.WaitForAsync(3, TimeSpan.FromSeconds(10));
        await Task.Delay(1500);

        Assert.Equal(3, listener.Received.Count);
        Assert.All(received, delivery => Assert.Equal(orderId, UnionPayMerchant.ParseForm(delivery.Body)["orderId"]));
        var log = await sandbox.Client.GetFromJsonAsync<List<Delivery>>($"/sandbox/unionpay/orders/{orderId}/notifications");
        Assert.Equal([false, false, true], log!.Select(delivery => delivery.Acknowledged));
    }

    [Fact]
    public async Task A_request_not_signed_by_the_merchant_certificate_is_refused_with_11()
    {
        var fields = UnionPayMerchant.Fields("00", "00", UnionPayMerchant.NewOrderId(), UnionPayMerchant.ChinaNow());
        Merchant.Sign(fields);
        fields["orderId"] = UnionPayMerchant.NewOrderId();

        var answer = await Merchant.PostAsync("/gateway/api/queryTrans.do", fields, sign: false);

        Assert.Equal("11", answer["respCode"]);
        Assert.True(Merchant.IsFromUnionPay(answer));
    }

    [Fact]
    public async Task The_same_orderId_twice_is_a_repeated_transaction()
    {
        var orderId = UnionPayMerchant.NewOrderId();
        var txnTime = UnionPayMerchant.ChinaNow();

        Assert.Equal("00", (await Merchant.ApplyQrCodeAsync(orderId, txnTime, 1, "http://127.0.0.1:9/n"))["respCode"]);
        Assert.Equal("12", (await Merchant.ApplyQrCodeAsync(orderId, txnTime, 1, "http://127.0.0.1:9/n"))["respCode"]);
    }

    [Fact]
    public async Task Faults_insufficient_balance_user_paying_system_error_and_signature_error()
    {
        await using var listener = await NotifyListener.StartAsync(200, 200);
        await AddFaultAsync("insufficient_balance");
        var poor = UnionPayMerchant.NewOrderId();
        var poorTime = UnionPayMerchant.ChinaNow();
        Assert.Equal("64", (await Merchant.ConsumeByCodeAsync(poor, poorTime, 100, listener.Url))["respCode"]);
        Assert.Equal("64", (await Merchant.QueryAsync(poor, poorTime))["origRespCode"]);

        await AddFaultAsync("user_paying");
        var slow = UnionPayMerchant.NewOrderId();
        var slowTime = UnionPayMerchant.ChinaNow();
        Assert.Equal("00", (await Merchant.ConsumeByCodeAsync(slow, slowTime, 100, listener.Url))["respCode"]);
        Assert.Equal("05", (await Merchant.QueryAsync(slow, slowTime))["origRespCode"]);
        using (var paid = await sandbox.Client.PostAsync($"/sandbox/unionpay/orders/{slow}/pay", null))
        {
            Assert.Equal(200, (int)paid.StatusCode);
        }

        Assert.Equal("00", (await Merchant.QueryAsync(slow, slowTime))["origRespCode"]);

        await AddFaultAsync("system_error");
        Assert.Equal("06", (await Merchant.QueryAsync(slow, slowTime))["respCode"]);

        await AddFaultAsync("signature_error");
        Assert.False(Merchant.IsFromUnionPay(await Merchant.QueryAsync(slow, slowTime)));
        Assert.True(Merchant.IsFromUnionPay(await Merchant.QueryAsync(slow, slowTime)));
    }

    [Fact]
    public async Task The_timeout_fault_holds_the_answer_then_says_03_but_the_transaction_exists()
    {
        await using var listener = await NotifyListener.StartAsync(200);
        await AddFaultAsync("timeout");
        var orderId = UnionPayMerchant.NewOrderId();
        var txnTime = UnionPayMerchant.ChinaNow();

        Assert.Equal("03", (await Merchant.ConsumeByCodeAsync(orderId, txnTime, 100, listener.Url))["respCode"]);
        Assert.Equal("00", (await Merchant.QueryAsync(orderId, txnTime))["origRespCode"]);
    }

    [Fact]
    public async Task A_refund_is_accepted_then_succeeds_and_is_notified_and_cannot_exceed_the_payment()
    {
        await using var listener = await NotifyListener.StartAsync(200, 200);
        var orderId = UnionPayMerchant.NewOrderId();
        var txnTime = UnionPayMerchant.ChinaNow();
        await Merchant.ConsumeByCodeAsync(orderId, txnTime, 1000, listener.Url);

        var refundId = UnionPayMerchant.NewOrderId();
        var refundTime = UnionPayMerchant.ChinaNow();
        var answer = await Merchant.PostAsync("/gateway/api/backTransReq.do", Refund(refundId, refundTime, orderId, txnTime, 600, listener.Url));
        Assert.Equal("00", answer["respCode"]);
        Assert.Equal("05", (await Merchant.QueryAsync(refundId, refundTime))["origRespCode"]);

        var received = await listener.WaitForAsync(2, TimeSpan.FromSeconds(10));
        var notification = UnionPayMerchant.ParseForm(received[^1].Body);
        Assert.Equal("04", notification["txnType"]);
        Assert.Equal(refundId, notification["orderId"]);
        Assert.Equal("600", notification["txnAmt"]);
        Assert.Equal(orderId, notification["reqReserved"]);
        Assert.False(string.IsNullOrEmpty(notification["origQryId"]));
        Assert.Equal("00", (await Merchant.QueryAsync(refundId, refundTime))["origRespCode"]);

        var tooMuch = await Merchant.PostAsync("/gateway/api/backTransReq.do", Refund(UnionPayMerchant.NewOrderId(), refundTime, orderId, txnTime, 401, listener.Url));
        Assert.Equal("36", tooMuch["respCode"]);
    }

    [Fact]
    public async Task Control_routes_refuse_unknown_orders_and_bad_bodies()
    {
        using var unknown = await sandbox.Client.PostAsync("/sandbox/unionpay/orders/nosuchorder1/pay", null);
        using var badFault = await sandbox.Client.PostAsJsonAsync("/sandbox/unionpay/faults", new { kind = "meteor" });
        using var badPath = await sandbox.Client.GetAsync("/sandbox/unionpay/orders/..%2F..%2Fetc/");

        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal(400, (int)badFault.StatusCode);
        Assert.Equal(404, (int)badPath.StatusCode);
    }

    private static Dictionary<string, string> Refund(string orderId, string txnTime, string origOrderId, string origTxnTime, long amount, string backUrl)
    {
        var fields = UnionPayMerchant.Fields("04", "00", orderId, txnTime);
        fields["channelType"] = "08";
        fields["txnAmt"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["currencyCode"] = "156";
        fields["backUrl"] = backUrl;
        fields["origOrderId"] = origOrderId;
        fields["origTxnTime"] = origTxnTime;
        fields["reqReserved"] = origOrderId;
        return fields;
    }

    private async Task AddFaultAsync(string kind)
    {
        using var response = await sandbox.Client.PostAsJsonAsync("/sandbox/unionpay/faults", new { kind });
        Assert.Equal(202, (int)response.StatusCode);
    }

    private sealed record Delivery(string Reason, int? Status, bool Acknowledged);
}

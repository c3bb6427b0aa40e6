using PayFunctions.Channels;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PayFunctions.Channels.Alipay;
using PayFunctions.Channels.Tests.WeChatPay;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.Alipay;

public sealed class AlipayNotificationAndModuleTests
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    private static AlipayClient Client() =>
        new(new HttpClient(), new AlipayOptions { AppId = AlipayTestKeys.AppId }, new AlipayCredentials(AlipayTestKeys.AppPrivateKeyPem, AlipayTestKeys.AlipayPublicKeyPem), new FixedTimeProvider(AlipayTestKeys.Now));

    private static Dictionary<string, string> Payment() => new()
    {
        ["notify_time"] = "2026-03-01 10:00:06",
        ["notify_type"] = "trade_status_sync",
        ["notify_id"] = "2026030100222100006000000001",
        ["charset"] = "utf-8",
        ["version"] = "1.0",
        ["sign_type"] = "RSA2",
        ["app_id"] = AlipayTestKeys.AppId,
        ["auth_app_id"] = AlipayTestKeys.AppId,
        ["seller_id"] = "2088000000000001",
        ["trade_no"] = "2026030122001400000000000001",
        ["out_trade_no"] = "pay_0001",
        ["trade_status"] = "TRADE_SUCCESS",
        ["total_amount"] = "88.88",
        ["subject"] = "Flat white & 豆浆 = 1+1",
        ["gmt_create"] = "2026-03-01 10:00:00",
        ["gmt_payment"] = "2026-03-01 10:00:05",
    };

    private static byte[] Signed(Dictionary<string, string> parameters, RSA? key = null)
    {
        parameters["sign"] = AlipaySignature.Sign(key ?? AlipayTestKeys.Alipay, AlipaySignature.NotificationContent(parameters));
        return Encoding.UTF8.GetBytes(string.Join('&', parameters.Select(p => WebUtility.UrlEncode(p.Key) + "=" + WebUtility.UrlEncode(p.Value))));
    }

    [Fact]
    public void A_payment_notification_with_reserved_characters_is_verified_over_decoded_values()
    {
        using var client = Client();

        var notification = client.ParseNotification(NoHeaders, Signed(Payment()));

        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Equal(new Money(8888, Currency.Cny), notification.Amount);
        Assert.Equal("2026030100222100006000000001", notification.EventId);
    }

    [Fact]
    public void A_payment_notification_reports_the_buyer_and_the_fund_channel_that_paid_most()
    {
        using var client = Client();
        var payment = Payment();
        payment["buyer_id"] = "2088102146225135";
        payment["buyer_logon_id"] = "159****5620";
        payment["fund_bill_list"] = """[{"amount":"8.88","fundChannel":"COUPON"},{"amount":"80.00","fundChannel":"PCREDIT"}]""";

        var notification = client.ParseNotification(NoHeaders, Signed(payment));

        Assert.Equal(new ChannelPayer("2088102146225135", "PCREDIT", null, null), notification.Payer);
    }

    [Fact]
    public void An_open_id_app_is_told_the_buyer_open_id()
    {
        using var client = Client();
        var payment = Payment();
        payment["buyer_open_id"] = "074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5";

        var notification = client.ParseNotification(NoHeaders, Signed(payment));

        Assert.Equal(new ChannelPayer("074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5", null, null, null), notification.Payer);
    }

    [Theory]
    [InlineData("2088<script>", "not json")]
    [InlineData("4111111111111111", """[{"amount":"88.88","fundChannel":"BANKCARD 4111111111111111"}]""")]
    [InlineData("2088 1021 4622 5135", """{"fundChannel":"PCREDIT","amount":"88.88"}""")]
    [InlineData("", """[{"amount":"-1","fundChannel":"PCREDIT"},{"fundChannel":"COUPON"}]""")]
    [InlineData("", """[{"amount":"88.88","fundChannel":"\ud800"}]""")]
    public void Hostile_payer_fields_are_dropped_and_the_payment_stands(string buyerId, string fundBillList)
    {
        using var client = Client();
        var payment = Payment();
        payment["buyer_id"] = buyerId;
        payment["fund_bill_list"] = fundBillList;

        var notification = client.ParseNotification(NoHeaders, Signed(payment));

        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Null(notification.Payer);
    }

    [Fact]
    public void A_partial_refund_notification_carries_the_refund()
    {
        using var client = Client();
        var parameters = Payment();
        parameters["out_biz_no"] = "re_1";
        parameters["refund_fee"] = "30.00";
        parameters["gmt_refund"] = "2026-03-01 11:00:00.320";

        var notification = client.ParseNotification(NoHeaders, Signed(parameters));

        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        var refund = Assert.IsType<ChannelRefund>(notification.Refund);
        Assert.Equal("re_1", refund.OutRefundNo);
        Assert.Equal(ChannelRefundState.Succeeded, refund.State);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 11, 0, 0, 320, TimeSpan.FromHours(8)), refund.CompletedAt);
    }

    [Fact]
    public void A_full_refund_notification_is_a_refunded_trade()
    {
        using var client = Client();
        var parameters = Payment();
        parameters["trade_status"] = "TRADE_CLOSED";
        parameters["out_biz_no"] = "re_2";
        parameters["refund_fee"] = "88.88";
        parameters["gmt_refund"] = "2026-03-01 11:00:00.000";
        parameters["gmt_close"] = "2026-03-01 11:00:00";

        var notification = client.ParseNotification(NoHeaders, Signed(parameters));

        Assert.Equal(ChannelTradeState.Refunded, notification.State);
        Assert.Equal("re_2", notification.Refund!.OutRefundNo);
    }

    [Fact]
    public void A_notification_signed_by_another_key_is_unauthenticated()
    {
        using var client = Client();
        using var other = RSA.Create(2048);

        var ex = Assert.Throws<ChannelNotificationException>(() => client.ParseNotification(NoHeaders, Signed(Payment(), other)));

        Assert.True(ex.IsAuthenticationFailure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("trade_status=TRADE_SUCCESS")]
    [InlineData("sign=abc&sign=abc")]
    public void Unsigned_or_malformed_notifications_are_rejected(string body)
    {
        using var client = Client();

        Assert.Throws<ChannelNotificationException>(() => client.ParseNotification(NoHeaders, Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("total_amount", "88.888")]
    [InlineData("total_amount", "-1.00")]
    [InlineData("total_amount", "1e3")]
    [InlineData("gmt_payment", "2026/03/01 10:00:05")]
    public void A_signed_notification_with_unusable_fields_is_malformed(string field, string value)
    {
        using var client = Client();
        var parameters = Payment();
        parameters[field] = value;

        var ex = Assert.Throws<ChannelNotificationException>(() => client.ParseNotification(NoHeaders, Signed(parameters)));

        Assert.Equal("body_malformed", ex.Reason);
        Assert.False(ex.IsAuthenticationFailure);
    }

    [Theory]
    [InlineData("0.01", 1)]
    [InlineData("0.1", 10)]
    [InlineData("88.88", 8888)]
    [InlineData("100", 10000)]
    [InlineData("100000000.00", 10000000000)]
    [InlineData("0.29", 29)]
    [InlineData("1.15", 115)]
    public void Yuan_parse_exactly_into_fen(string yuan, long fen)
    {
        Assert.True(AlipayFields.TryParseFen(yuan, out var parsed));
        Assert.Equal(fen, parsed);
        Assert.Equal(fen, AlipayFields.TryParseFen(AlipayFields.FormatYuan(fen), out var roundTrip) ? roundTrip : -1);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("1.234")]
    [InlineData(" 1.00")]
    [InlineData("+1.00")]
    [InlineData("1,000.00")]
    [InlineData("１.00")]
    public void Anything_else_is_not_an_amount(string yuan) => Assert.False(AlipayFields.TryParseFen(yuan, out _));

    [Fact]
    public void The_module_declares_the_methods_operations_and_secrets()
    {
        var capabilities = new AlipayModule().Capabilities;

        Assert.Equal("alipay", capabilities.Name);
        Assert.Equal("Alipay", capabilities.ConfigurationKey);
        Assert.Equal(["alipay.qr", "alipay.page", "alipay.wap", "alipay.barcode"], capabilities.Methods.Select(m => m.Method));
        Assert.All(capabilities.Methods, m => Assert.Equal((1L, 100_000_000_00L), (m.MinAmount, m.MaxAmount)));
        Assert.True(capabilities.Supports(ChannelOperations.Query | ChannelOperations.Close | ChannelOperations.Cancel
            | ChannelOperations.Refund | ChannelOperations.PartialRefund | ChannelOperations.RefundQuery));
        Assert.Equal(["app-private-key", "alipay-public-key"], capabilities.SecretNames);
        Assert.Contains(ChannelCatalog.All, module => module.Capabilities.Name == "alipay");
        var barcode = capabilities.Methods.Single(m => m.Method == "alipay.barcode");
        Assert.Equal(PayerDetails.PaymentCode, barcode.Requires);
        Assert.Matches(barcode.PaymentCodePattern!, "286648048691290423");
        Assert.Matches(barcode.PaymentCodePattern!, "3012345678901234");
        Assert.DoesNotMatch(barcode.PaymentCodePattern!, "134567890123456789");
        Assert.DoesNotMatch(barcode.PaymentCodePattern!, "31234567890123456");
        Assert.DoesNotMatch(barcode.PaymentCodePattern!, "251234567890123");
    }

    [Fact]
    public void The_module_builds_an_adapter_from_an_account_and_refuses_a_bad_key()
    {
        var settings = new Dictionary<string, string> { ["AppId"] = AlipayTestKeys.AppId, ["BaseUrl"] = "http://127.0.0.1:7080/gateway.do" };
        var secrets = new Dictionary<string, string> { ["app-private-key"] = AlipayTestKeys.AppPrivateKeyPem, ["alipay-public-key"] = AlipayTestKeys.AlipayPublicKeyPem };
        using var http = new HttpClient();

        var channel = new AlipayModule().Create(new ChannelAccount("main", settings, secrets), http, TimeProvider.System);

        Assert.Equal("alipay", channel.Name);
        var bad = new Dictionary<string, string>(secrets) { ["alipay-public-key"] = "nope" };
        Assert.Throws<ArgumentException>(() => new AlipayModule().Create(new ChannelAccount("main", settings, bad), http, TimeProvider.System));
    }

    [Fact]
    public async Task Certificate_mode_sends_both_sns_and_accepts_only_answers_from_the_configured_alipay_certificate()
    {
        var (root, rootPem) = Authority("CN=Test Root R1,OU=Certification Authority,O=Test,C=CN");
        var alipayCertPem = Issue(root, "CN=Alipay RSA2", AlipayTestKeys.Alipay, serial: 7);
        using var appKeyPair = RSA.Create(2048);
        var appCertPem = Issue(root, "CN=2088000000000001-2021000000000001", AlipayTestKeys.App, serial: 9);
        var settings = new Dictionary<string, string>
        {
            ["AppId"] = AlipayTestKeys.AppId,
            ["AppCertificate"] = appCertPem,
            ["AlipayRootCertificate"] = rootPem,
        };
        var secrets = new Dictionary<string, string> { ["app-private-key"] = AlipayTestKeys.AppPrivateKeyPem, ["alipay-public-key"] = alipayCertPem };
        var alipaySn = AlipayCertificates.CertificateSn(alipayCertPem);
        using var gateway = new FakeAlipayGateway();
        using var http = new HttpClient(gateway);
        var channel = new AlipayModule().Create(new ChannelAccount("main", settings, secrets), http, new FixedTimeProvider(AlipayTestKeys.Now));

        gateway.Respond = _ => new GatewayAnswer("""{"code":"10000","msg":"Success","trade_no":"1","out_trade_no":"pay_0001","trade_status":"WAIT_BUYER_PAY","total_amount":"1.00"}""") { AlipayCertSn = alipaySn };
        var order = await channel.QueryAsync(new ChannelOrderRef("pay_0001"), CancellationToken.None);

        Assert.Equal(ChannelTradeState.NotPaid, order.State);
        var call = Assert.Single(gateway.Calls);
        Assert.Equal(AlipayCertificates.CertificateSn(appCertPem), call.Parameters["app_cert_sn"]);
        Assert.Equal(AlipayCertificates.RootCertificateSn(rootPem), call.Parameters["alipay_root_cert_sn"]);
        Assert.True(AlipaySignature.Verify(AlipayTestKeys.App, AlipaySignature.RequestContent(call.Parameters), call.Parameters["sign"]));

        gateway.Respond = _ => new GatewayAnswer("""{"code":"10000","msg":"Success","trade_no":"1","out_trade_no":"pay_0001","trade_status":"WAIT_BUYER_PAY"}""") { AlipayCertSn = "0123456789abcdef0123456789abcdef" };
        var ex = await Assert.ThrowsAsync<ChannelException>(() => channel.QueryAsync(new ChannelOrderRef("pay_0001"), CancellationToken.None));
        Assert.Equal("RESPONSE_CERT_UNKNOWN", ex.Code);
        root.Dispose();
    }

    private static (X509Certificate2 Root, string Pem) Authority(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        return (root, root.ExportCertificatePem());
    }

    private static string Issue(X509Certificate2 issuer, string subject, RSA key, byte serial)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.Create(issuer, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), [0x20, 0x20, serial]);
        return certificate.ExportCertificatePem();
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using PayFunctions.Channels.Alipay;
using PayFunctions.Channels.Tests.WeChatPay;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.Alipay;

/// <summary>Known answers: signatures Alipay made and certificate SNs the official SDK computes.</summary>
public sealed class AlipayPublishedVectorTests
{
    private static string FormBody(IReadOnlyDictionary<string, string> parameters) =>
        string.Join('&', parameters.Select(p => WebUtility.UrlEncode(p.Key) + "=" + WebUtility.UrlEncode(p.Value)));

    private static AlipayClient ClientFor(string appId, string alipayPublicKey) =>
        new(new HttpClient(), new AlipayOptions { AppId = appId }, new AlipayCredentials(AlipayTestKeys.AppPrivateKeyPem, alipayPublicKey), new FixedTimeProvider(AlipayTestKeys.Now));

    [Fact]
    public void The_notification_signing_string_is_sorted_decoded_and_excludes_sign_and_sign_type()
    {
        var content = AlipaySignature.NotificationContent(PublishedAlipayVectors.Notification);

        Assert.StartsWith("app_id=2019073166072302&auth_app_id=2019073166072302&buyer_id=2088102534368455&buyer_logon_id=xud***@126.com&", content, StringComparison.Ordinal);
        Assert.Contains("&fund_bill_list=[{\"amount\":\"0.10\",\"fundChannel\":\"ALIPAYACCOUNT\"}]&", content, StringComparison.Ordinal);
        Assert.Contains("&subject=语雀空间 500人规模&", content, StringComparison.Ordinal);
        Assert.DoesNotContain("sign_type=", content, StringComparison.Ordinal);
        Assert.DoesNotContain("sign=", content, StringComparison.Ordinal);
        Assert.EndsWith("&trade_status=TRADE_SUCCESS&version=1.0", content, StringComparison.Ordinal);
        using var key = AlipaySignature.ImportPublicKey(PublishedAlipayVectors.NotifyPublicKey);
        Assert.True(AlipaySignature.Verify(key, content, PublishedAlipayVectors.Notification["sign"]));
    }

    [Fact]
    public void A_real_alipay_notification_parses_into_a_verified_payment()
    {
        using var client = ClientFor("2019073166072302", PublishedAlipayVectors.NotifyPublicKey);

        var notification = client.ParseNotification(new Dictionary<string, string>(), Encoding.UTF8.GetBytes(FormBody(PublishedAlipayVectors.Notification)));

        Assert.Equal("alipay", notification.Channel);
        Assert.Equal("2019081500222155624068450559358070", notification.EventId);
        Assert.Equal("TRADE_SUCCESS", notification.EventType);
        Assert.Equal("2019073166072302", notification.AppId);
        Assert.Equal("2088531891668739", notification.MerchantId);
        Assert.Equal("20190815155618536-564-57", notification.OutTradeNo);
        Assert.Equal("2019081522001468450512505578", notification.ChannelTradeNo);
        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Equal(new Money(10, Currency.Cny), notification.Amount);
        Assert.Equal(new DateTimeOffset(2019, 8, 15, 15, 56, 24, TimeSpan.FromHours(8)), notification.PaidAt);
        Assert.Null(notification.Refund);
    }

    [Fact]
    public void The_real_notification_verifies_without_sign_type_too()
    {
        using var client = ClientFor("2019073166072302", PublishedAlipayVectors.NotifyPublicKey);
        var withoutSignType = PublishedAlipayVectors.Notification.Where(p => p.Key != "sign_type").ToDictionary();

        var notification = client.ParseNotification(new Dictionary<string, string>(), Encoding.UTF8.GetBytes(FormBody(withoutSignType)));

        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
    }

    [Theory]
    [InlineData("total_amount", "1000.10")]
    [InlineData("trade_status", "TRADE_CLOSED")]
    [InlineData("out_trade_no", "20190815155618536-564-58")]
    public void A_tampered_real_notification_is_unauthenticated(string field, string value)
    {
        using var client = ClientFor("2019073166072302", PublishedAlipayVectors.NotifyPublicKey);
        var tampered = PublishedAlipayVectors.Notification.ToDictionary();
        tampered[field] = value;

        var ex = Assert.Throws<ChannelNotificationException>(() => client.ParseNotification(new Dictionary<string, string>(), Encoding.UTF8.GetBytes(FormBody(tampered))));

        Assert.Equal("signature_invalid", ex.Reason);
        Assert.True(ex.IsAuthenticationFailure);
    }

    [Fact]
    public void The_real_notification_for_another_app_is_a_merchant_mismatch()
    {
        using var client = ClientFor("2021000000000001", PublishedAlipayVectors.NotifyPublicKey);

        var ex = Assert.Throws<ChannelNotificationException>(() => client.ParseNotification(new Dictionary<string, string>(), Encoding.UTF8.GetBytes(FormBody(PublishedAlipayVectors.Notification))));

        Assert.Equal("merchant_mismatch", ex.Reason);
        Assert.True(ex.IsAuthenticationFailure);
    }

    [Fact]
    public void A_real_synchronous_answer_verifies_over_the_raw_text_of_its_response_member()
    {
        var body = Encoding.UTF8.GetBytes(PublishedAlipayVectors.FileUploadResponse);

        Assert.True(AlipayResponse.TryParse(body, "alipay.open.file.upload", out var response));
        Assert.Equal("""{"code":"10000","msg":"Success","file_id":"CAxAToWB1JsAAAAAAAAAAAAADgSLAQBr"}""", Encoding.UTF8.GetString(response.Content.Span));
        using var key = AlipaySignature.ImportPublicKey(PublishedAlipayVectors.ResponsePublicKey);
        Assert.True(AlipaySignature.Verify(key, response.Content.Span, response.Sign));
        Assert.Equal("10000", response.Code);
    }

    [Fact]
    public void The_response_member_is_found_whatever_the_whitespace_around_it()
    {
        var spaced = PublishedAlipayVectors.FileUploadResponse
            .Replace("{\"alipay_open_file_upload_response\":", "{ \"alipay_open_file_upload_response\" :\n  ", StringComparison.Ordinal)
            .Replace("},\"sign\":", "} ,\r\n \"sign\" : ", StringComparison.Ordinal);

        Assert.True(AlipayResponse.TryParse(Encoding.UTF8.GetBytes(spaced), "alipay.open.file.upload", out var response));
        using var key = AlipaySignature.ImportPublicKey(PublishedAlipayVectors.ResponsePublicKey);
        Assert.True(AlipaySignature.Verify(key, response.Content.Span, response.Sign));
    }

    [Fact]
    public void A_re_serialized_answer_no_longer_verifies()
    {
        // The same fields written differently (another member order) are not what Alipay signed.
        var reordered = PublishedAlipayVectors.FileUploadResponse.Replace(
            "{\"code\":\"10000\",\"msg\":\"Success\",",
            "{\"msg\":\"Success\",\"code\":\"10000\",",
            StringComparison.Ordinal);

        Assert.True(AlipayResponse.TryParse(Encoding.UTF8.GetBytes(reordered), "alipay.open.file.upload", out var response));
        using var key = AlipaySignature.ImportPublicKey(PublishedAlipayVectors.ResponsePublicKey);
        Assert.False(AlipaySignature.Verify(key, response.Content.Span, response.Sign));
    }

    [Fact]
    public void A_body_naming_its_response_member_twice_is_refused()
    {
        var doubled = PublishedAlipayVectors.FileUploadResponse.Replace(
            ",\"sign\":",
            ",\"alipay_open_file_upload_response\":{\"code\":\"10000\"},\"sign\":",
            StringComparison.Ordinal);

        Assert.False(AlipayResponse.TryParse(Encoding.UTF8.GetBytes(doubled), "alipay.open.file.upload", out _));
    }

    [Fact]
    public void Certificate_sns_are_the_sdk_s()
    {
        Assert.Equal(PublishedAlipayVectors.AppCertSn, AlipayCertificates.CertificateSn(PublishedAlipayVectors.AppCert));
        Assert.Equal(PublishedAlipayVectors.AlipayCertSn, AlipayCertificates.CertificateSn(PublishedAlipayVectors.AlipayCert));
        Assert.Equal(PublishedAlipayVectors.RootCertSn, AlipayCertificates.RootCertificateSn(PublishedAlipayVectors.RootCertBundle));
    }

    [Fact]
    public void The_issuer_name_is_written_as_java_writes_it()
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(PublishedAlipayVectors.AppCert);

        Assert.Equal(
            "CN=Ant Financial Certification Authority Class 1 R1,OU=Certification Authority,O=Ant Financial,C=CN",
            AlipayCertificates.IssuerName(certificate.IssuerName));
    }

    [Fact]
    public void The_alipay_certificate_holds_the_sdk_s_public_key()
    {
        using var key = AlipayCertificates.PublicKey(PublishedAlipayVectors.AlipayCert);

        Assert.Equal(PublishedAlipayVectors.AlipayCertPublicKey, Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));
    }

    [Fact]
    public void The_request_signing_string_sorts_keeps_sign_type_and_drops_sign_and_empty_values()
    {
        var parameters = new Dictionary<string, string>
        {
            ["timestamp"] = "2014-07-24 03:07:50",
            ["method"] = "alipay.trade.query",
            ["app_id"] = "2014072300007148",
            ["sign_type"] = "RSA2",
            ["sign"] = "ignored",
            ["charset"] = "utf-8",
            ["version"] = "1.0",
            ["notify_url"] = string.Empty,
            ["biz_content"] = """{"out_trade_no":"20150320010101001"}""",
        };

        Assert.Equal(
            """app_id=2014072300007148&biz_content={"out_trade_no":"20150320010101001"}&charset=utf-8&method=alipay.trade.query&sign_type=RSA2&timestamp=2014-07-24 03:07:50&version=1.0""",
            AlipaySignature.RequestContent(parameters));
    }

    [Fact]
    public void Keys_are_read_as_pem_or_as_the_bare_base64_alipay_hands_out()
    {
        using var rsa = RSA.Create(2048);
        using var fromPkcs1 = AlipaySignature.ImportPrivateKey(Convert.ToBase64String(rsa.ExportRSAPrivateKey()));
        using var fromPkcs8 = AlipaySignature.ImportPrivateKey(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()));
        using var fromPem = AlipaySignature.ImportPrivateKey(rsa.ExportRSAPrivateKeyPem());
        using var publicKey = AlipaySignature.ImportPublicKey(Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()));

        foreach (var key in new[] { fromPkcs1, fromPkcs8, fromPem })
        {
            Assert.True(AlipaySignature.Verify(publicKey, "a=1", AlipaySignature.Sign(key, "a=1")));
        }

        Assert.Throws<ArgumentException>(() => AlipaySignature.ImportPrivateKey("not a key"));
    }
}

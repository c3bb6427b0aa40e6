using System.Text;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.WeChatPay;

public sealed class NotificationTests : IDisposable
{
    private const string ResourceNonce = "fdasflkja484";
    private const string AssociatedData = "transaction";
    private readonly TestAccount _account = new();

    public void Dispose() => _account.Dispose();

    [Fact]
    public void Parse_ValidPaymentNotification_ReturnsVerifiedNotification()
    {
        var body = Envelope(Transaction());

        var notification = _account.Client.ParseNotification(_account.SignAsPlatform(body), body);

        Assert.Equal(
            new ChannelNotification(
                "wechat_pay", "EV-2018022511223320873", "TRANSACTION.SUCCESS", TestAccount.MchId, TestAccount.AppId,
                "pay_01HV6Z5K3M", "4200001234202503011234567890", ChannelTradeState.Succeeded, new Money(1999, Currency.Cny),
                new DateTimeOffset(2025, 3, 1, 12, 1, 2, TimeSpan.FromHours(8)))
            {
                Payer = new ChannelPayer("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "CMC", null, null),
            },
            notification);
    }

    [Theory]
    [InlineData("{\"openid\":\"o<img src=x>\"}", "\"ICBC DEBIT\"")]
    [InlineData("{\"openid\":\"6226388000000095\"}", "\"6226388000000095\"")]
    [InlineData("\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"", "null")]
    [InlineData("{\"openid\":42}", "[\"CMC\"]")]
    public void Parse_HostilePayerFields_AreDropped(string payer, string bankType)
    {
        var resource = Transaction().Replace("\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"}", "\"payer\":" + payer, StringComparison.Ordinal)
            .Replace("\"bank_type\":\"CMC\"", "\"bank_type\":" + bankType, StringComparison.Ordinal);
        var body = Envelope(resource);

        var notification = _account.Client.ParseNotification(_account.SignAsPlatform(body), body);

        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Null(notification.Payer);
    }

    [Fact]
    public void Parse_HeaderNamesInAnyCase_AreFound()
    {
        var body = Envelope(Transaction());
        var headers = _account.SignAsPlatform(body).ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value, StringComparer.Ordinal);

        var notification = _account.Client.ParseNotification(headers, body);

        Assert.Equal("pay_01HV6Z5K3M", notification.OutTradeNo);
    }

    [Fact]
    public void Parse_BodyWithOneByteFlipped_IsRejected()
    {
        var body = Envelope(Transaction());
        var headers = _account.SignAsPlatform(body);
        body[body.Length / 2] ^= 0x01;

        AssertRejected("signature_invalid", headers, body);
    }

    [Fact]
    public void Parse_WrongPlatformSerial_IsRejected()
    {
        var body = Envelope(Transaction());

        AssertRejected("platform_serial_unknown", _account.SignAsPlatform(body, serial: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1"), body);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Parse_TimestampOutsideTolerance_IsRejected(int offsetSeconds)
    {
        var body = Envelope(Transaction());

        AssertRejected("timestamp_stale", _account.SignAsPlatform(body, _account.UnixNow + offsetSeconds), body);
    }

    [Fact]
    public void Parse_TimestampJustInsideTolerance_IsAccepted()
    {
        var body = Envelope(Transaction());

        var notification = _account.Client.ParseNotification(_account.SignAsPlatform(body, _account.UnixNow - 299), body);

        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
    }

    [Theory]
    [InlineData("Wechatpay-Signature")]
    [InlineData("Wechatpay-Timestamp")]
    [InlineData("Wechatpay-Nonce")]
    [InlineData("Wechatpay-Serial")]
    public void Parse_MissingSignatureHeader_IsRejected(string header)
    {
        var body = Envelope(Transaction());
        var headers = _account.SignAsPlatform(body);
        headers.Remove(header);

        AssertRejected("signature_headers_missing", headers, body);
    }

    [Fact]
    public void Parse_ProbeSignatureThatWeChatPaySendsToTestVerification_IsRejected()
    {
        var body = Envelope(Transaction());
        var headers = _account.SignAsPlatform(body);
        headers["Wechatpay-Signature"] = "WECHATPAY/SIGNTEST/" + headers["Wechatpay-Signature"];

        AssertRejected("signature_invalid", headers, body);
    }

    [Fact]
    public void Parse_EncryptedWithAnotherApiV3Key_IsRejected()
    {
        var body = Envelope(Transaction(), apiV3Key: "vutsrqponmlkjihgfedcba9876543210");

        AssertRejected("decryption_failed", _account.SignAsPlatform(body), body);
    }

    [Fact]
    public void Parse_OtherMerchant_IsRejected()
    {
        var body = Envelope(Transaction(mchId: "1230000109"));

        AssertRejected("merchant_mismatch", _account.SignAsPlatform(body), body);
    }

    [Fact]
    public void Parse_UnknownResourceType_IsRejected()
    {
        var body = Envelope(Transaction(), originalType: "profitsharing");

        AssertRejected("resource_type_unsupported", _account.SignAsPlatform(body), body);
    }

    [Fact]
    public void Parse_UnknownTradeState_IsRejected()
    {
        var body = Envelope(Transaction(tradeState: "ACCEPT"));

        AssertRejected("trade_state_unknown", _account.SignAsPlatform(body), body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("{\"id\":1}")]
    [InlineData("{\"id\":\"EV-1\",\"event_type\":\"TRANSACTION.SUCCESS\"}")]
    [InlineData("{\"id\":\"EV-1\",\"event_type\":\"TRANSACTION.SUCCESS\",\"resource\":\"x\"}")]
    [InlineData("{\"id\":\"EV-1\",\"event_type\":\"TRANSACTION.SUCCESS\",\"resource\":{\"algorithm\":\"AEAD_AES_256_GCM\",\"original_type\":\"transaction\",\"ciphertext\":\"%%%\",\"nonce\":\"fdasflkja484\"}}")]
    [InlineData("{\"id\":\"EV-1\",\"event_type\":\"TRANSACTION.SUCCESS\",\"resource\":{\"algorithm\":\"AEAD_AES_256_GCM\",\"original_type\":\"transaction\",\"ciphertext\":\"AAAA\",\"nonce\":\"short\"}}")]
    [InlineData("{\"id\":\"EV-1\",\"event_type\":\"TRANSACTION.SUCCESS\",\"resource\":{\"algorithm\":\"AEAD_AES_128_CBC\",\"original_type\":\"transaction\",\"ciphertext\":\"AAAA\",\"nonce\":\"fdasflkja484\"}}")]
    [InlineData("\u00ff\u00fe")]
    public void Parse_MalformedSignedBody_IsRejectedAsNotificationException(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);

        var error = Assert.Throws<ChannelNotificationException>(() => _account.Client.ParseNotification(_account.SignAsPlatform(body), body));
        Assert.False(error.IsAuthenticationFailure, "a genuinely signed callback was taken for a forgery");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"mchid\":\"1900009191\",\"appid\":\"wxd678efh567hg6787\"}")]
    [InlineData("{\"mchid\":\"1900009191\",\"appid\":\"wxd678efh567hg6787\",\"out_trade_no\":\"o\",\"transaction_id\":\"t\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":\"1999\",\"currency\":\"CNY\"}}")]
    [InlineData("{\"mchid\":\"1900009191\",\"appid\":\"wxd678efh567hg6787\",\"out_trade_no\":\"o\",\"transaction_id\":\"t\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":1999}}")]
    [InlineData("{\"mchid\":\"1900009191\",\"appid\":\"wxd678efh567hg6787\",\"out_trade_no\":\"o\",\"transaction_id\":\"t\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":1999,\"currency\":\"XXX\"}}")]
    [InlineData("{\"mchid\":\"1900009191\",\"appid\":\"wxd678efh567hg6787\",\"out_trade_no\":\"o\",\"transaction_id\":\"t\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":1999,\"currency\":\"CNY\"},\"success_time\":\"yesterday\"}")]
    public void Parse_MalformedDecryptedResource_IsRejected(string resource)
    {
        var body = Envelope(resource);

        AssertRejected("resource_malformed", _account.SignAsPlatform(body), body);
    }

    [Fact]
    public void SuccessReply_IsDocumentedAcknowledgement()
    {
        Assert.Equal(200, _account.Client.SuccessReply.StatusCode);
        Assert.Equal(string.Empty, _account.Client.SuccessReply.Body);
    }

    [Fact]
    public void FailureReply_IsServerErrorWithFailCode()
    {
        var reply = _account.Client.FailureReply("ledger unavailable");

        Assert.Equal(500, reply.StatusCode);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("""{"code":"FAIL","message":"ledger unavailable"}""", reply.Body);
    }

    [Fact]
    public void FailureReply_LongMessage_IsCutToDocumentedLength()
    {
        var reply = _account.Client.FailureReply(new string('x', 200));

        Assert.Contains(new string('x', 64) + "\"", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 65), reply.Body, StringComparison.Ordinal);
    }

    // The rejections that mean "not shown to come from WeChat Pay"; every other one is a signed callback that cannot be used.
    private static readonly HashSet<string> OriginNotProven =
        ["signature_headers_missing", "platform_serial_unknown", "timestamp_invalid", "timestamp_stale", "signature_invalid"];

    private void AssertRejected(string reason, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        var error = Assert.Throws<ChannelNotificationException>(() => _account.Client.ParseNotification(headers, body));
        Assert.Equal(reason, error.Reason);
        Assert.Equal(OriginNotProven.Contains(reason), error.IsAuthenticationFailure);
    }

    private static string Transaction(string mchId = TestAccount.MchId, string tradeState = "SUCCESS") => $$"""
        {"mchid":"{{mchId}}","appid":"{{TestAccount.AppId}}","out_trade_no":"pay_01HV6Z5K3M",
         "transaction_id":"4200001234202503011234567890","trade_type":"NATIVE","trade_state":"{{tradeState}}",
         "trade_state_desc":"支付成功","bank_type":"CMC","attach":"merchant=m_42","success_time":"2025-03-01T12:01:02+08:00",
         "payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
         "amount":{"total":1999,"payer_total":1899,"currency":"CNY","payer_currency":"CNY"} }
        """;

    internal static byte[] Envelope(string resourceJson, string apiV3Key = TestAccount.ApiV3Key, string originalType = "transaction")
    {
        var ciphertext = TestAccount.Encrypt(apiV3Key, ResourceNonce, AssociatedData, resourceJson);
        return Encoding.UTF8.GetBytes($$"""
            {"id":"EV-2018022511223320873","create_time":"2025-03-01T12:01:03+08:00","resource_type":"encrypt-resource",
             "event_type":"TRANSACTION.SUCCESS","summary":"支付成功",
             "resource":{"original_type":"{{originalType}}","algorithm":"AEAD_AES_256_GCM","ciphertext":"{{ciphertext}}",
                         "associated_data":"{{AssociatedData}}","nonce":"{{ResourceNonce}}"} }
            """);
    }
}

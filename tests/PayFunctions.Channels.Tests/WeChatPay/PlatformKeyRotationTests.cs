using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.WeChatPay;

/// <summary>
/// While WeChat Pay renews a platform certificate or moves an account to public-key mode it signs with two keys;
/// each message is verified with the configured key its Wechatpay-Serial names.
/// </summary>
public sealed class PlatformKeyRotationTests : IDisposable
{
    private const string NewSerial = "PUB_KEY_ID_0114232134912410000000000099";
    private static readonly RSA NewKey = RSA.Create(2048);

    private readonly TestAccount _account = new(
        options => options.PlatformSerialNo = TestAccount.PlatformSerialNo + ", " + NewSerial,
        SharedPem());

    public void Dispose() => _account.Dispose();

    [Fact]
    public async Task Answers_SignedByEitherListedKey_AreAccepted()
    {
        var useNewKey = false;
        _account.Handler.Respond = _ =>
        {
            useNewKey = !useNewKey;
            var answer = new FakeAnswer(200, """{"code_url":"weixin://wxpay/bizpayurl?pr=x"}""");
            return useNewKey ? answer with { Serial = NewSerial, Key = NewKey } : answer;
        };

        await _account.Client.PrepayAsync(Request(), CancellationToken.None);
        await _account.Client.PrepayAsync(Request(), CancellationToken.None);

        Assert.Equal(2, _account.Handler.Requests.Count);
    }

    [Fact]
    public async Task Answer_SignedByTheOtherListedKey_IsRejected()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """{"code_url":"weixin://x"}""") { Serial = NewSerial };

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(Request(), CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_INVALID", error.Code);
    }

    [Fact]
    public void Notification_SignedByTheNewKey_IsAccepted_AndAnUnlistedSerialIsUnauthenticated()
    {
        var body = Encoding.UTF8.GetBytes(NotificationJson());

        var notification = _account.Client.ParseNotification(_account.SignAsPlatform(body, serial: NewSerial, key: NewKey), body);
        var error = Assert.Throws<ChannelNotificationException>(() =>
            _account.Client.ParseNotification(_account.SignAsPlatform(body, serial: "PUB_KEY_ID_UNKNOWN", key: NewKey), body));

        Assert.Equal("pay_01HV6Z5K3M", notification.OutTradeNo);
        Assert.True(error.IsAuthenticationFailure);
        Assert.Equal("platform_serial_unknown", error.Reason);
    }

    [Fact]
    public void Certificate_NamesItselfWhenItsSerialIsLeftEmpty()
    {
        using var certificate = SelfSigned(NewKey, [0x00, 0x6A, 0x1B, 0x2C]);
        var pem = TestAccount.SharedPlatformPem() + certificate.ExportCertificatePem();
        using var account = new TestAccount(options => options.PlatformSerialNo = TestAccount.PlatformSerialNo + ",", pem);
        var body = Encoding.UTF8.GetBytes(NotificationJson());

        var notification = account.Client.ParseNotification(account.SignAsPlatform(body, serial: "6A1B2C", key: NewKey), body);

        Assert.Equal("pay_01HV6Z5K3M", notification.OutTradeNo);
    }

    [Theory]
    [InlineData("PUB_KEY_ID_A")]
    [InlineData("PUB_KEY_ID_A,PUB_KEY_ID_B,PUB_KEY_ID_C")]
    [InlineData("PUB_KEY_ID_A,PUB_KEY_ID_A")]
    [InlineData("PUB_KEY_ID_A,")]
    public void Serials_ThatDoNotPairWithTheKeys_AreRefusedAtStart(string serials)
    {
        Assert.ThrowsAny<ArgumentException>(() => new TestAccount(options => options.PlatformSerialNo = serials, SharedPem()));
    }

    [Fact]
    public void Certificate_WithAnotherSerialConfigured_IsRefusedAtStart()
    {
        using var certificate = SelfSigned(NewKey, [0x6A, 0x1B]);

        Assert.ThrowsAny<ArgumentException>(() => new TestAccount(
            options => options.PlatformSerialNo = "ABCDEF", certificate.ExportCertificatePem()));
    }

    private static string SharedPem() => TestAccount.SharedPlatformPem() + NewKey.ExportSubjectPublicKeyInfoPem();

    private static X509Certificate2 SelfSigned(RSA key, byte[] serial)
    {
        var request = new CertificateRequest("CN=Tenpay.com Root CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var signed = request.CreateSelfSigned(TestAccount.Now.AddYears(-1), TestAccount.Now.AddYears(4));
        var generator = X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1);
        return request.Create(signed.SubjectName, generator, TestAccount.Now.AddYears(-1), TestAccount.Now.AddYears(4), serial);
    }

    private static PrepayRequest Request() => new(
        "pay_01HV6Z5K3M", "wechat_pay.native", new Money(1999, Currency.Cny), "goods", TestAccount.Now.AddMinutes(30), new Uri("https://pay.example.com/notify"), null);

    private static string NotificationJson()
    {
        var resource = $$$"""
            {"mchid":"{{{TestAccount.MchId}}}","appid":"{{{TestAccount.AppId}}}","out_trade_no":"pay_01HV6Z5K3M","transaction_id":"4200001234202503011234567890",
             "trade_state":"SUCCESS","success_time":"2025-03-01T12:01:02+08:00","amount":{"total":1999,"currency":"CNY"}}
            """;
        var ciphertext = TestAccount.Encrypt(TestAccount.ApiV3Key, "fdasflkja484", "transaction", resource);
        return $$$"""
            {"id":"EV-1","create_time":"2025-03-01T12:01:03+08:00","resource_type":"encrypt-resource","event_type":"TRANSACTION.SUCCESS",
             "summary":"支付成功","resource":{"original_type":"transaction","algorithm":"AEAD_AES_256_GCM","ciphertext":"{{{ciphertext}}}",
             "associated_data":"transaction","nonce":"fdasflkja484"}}
            """;
    }
}

using System.Security.Cryptography;
using System.Text;
using PayFunctions.Channels.WeChatPay;

namespace PayFunctions.Channels.Tests.WeChatPay;

/// <summary>Known answers from WeChat Pay's documentation and SDK test suites; see <see cref="PublishedVectors"/> for each source.</summary>
public sealed class PublishedVectorTests
{
    [Fact]
    public void BuildMessage_WithDocumentedCertificatesRequest_MatchesDocumentedMessage()
    {
        var message = WeChatPayRequestSigner.BuildMessage(
            "GET", "/v3/certificates", long.Parse(PublishedVectors.DocsCertificatesTimestamp, System.Globalization.CultureInfo.InvariantCulture), PublishedVectors.DocsCertificatesNonce, string.Empty);

        Assert.Equal(PublishedVectors.DocsCertificatesMessage, message);
    }

    [Fact]
    public void BuildMessage_WithJavaSdkCredentialVector_MatchesSdkMessage()
    {
        var message = WeChatPayRequestSigner.BuildMessage(
            "GET", PublishedVectors.JavaCredentialUrl, PublishedVectors.JavaCredentialTimestamp, PublishedVectors.JavaCredentialNonce, string.Empty);

        Assert.Equal(
            "GET\n/v3/pay/transactions/id/1217752501201407033233368018?mchid=1230000109\n1652750623\neBYqCOxa0QudMnPvVilkTzOg3gHh5Z3u\n\n",
            message);
    }

    [Fact]
    public void Sign_WithGoSdkTestKey_MatchesPublishedSignature()
    {
        using var signer = new WeChatPayRequestSigner(PublishedVectors.GoPrivateKeyPem);

        Assert.Equal(PublishedVectors.GoSignature, signer.Sign(PublishedVectors.GoMessage));
    }

    [Fact]
    public void Sign_WithJavaSdkMerchantKey_MatchesPublishedSignature()
    {
        using var signer = new WeChatPayRequestSigner(PublishedVectors.JavaMerchantPrivateKeyPem);

        Assert.Equal(PublishedVectors.JavaSignature, signer.Sign(PublishedVectors.JavaMessage));
    }

    [Fact]
    public void VerifySignature_WithGoSdkPlatformCertificate_AcceptsPublishedSignatureOnlyOverItsMessage()
    {
        using var verifier = new WeChatPaySignatureVerifier(
            WeChatPayPlatformKeys.Parse(PublishedVectors.GoPlatformCertificatePem, [PublishedVectors.GoPlatformSerialNo]), TimeSpan.FromMinutes(5), TimeProvider.System);

        Assert.True(verifier.VerifySignature(PublishedVectors.GoPlatformSerialNo, Encoding.UTF8.GetBytes(PublishedVectors.GoMessage), PublishedVectors.GoSignature));
        Assert.False(verifier.VerifySignature(PublishedVectors.GoPlatformSerialNo, Encoding.UTF8.GetBytes("wrong source"), PublishedVectors.GoSignature));
    }

    [Fact]
    public void VerifySignature_WithJavaSdkMerchantCertificate_AcceptsPublishedSignature()
    {
        using var verifier = new WeChatPaySignatureVerifier(
            WeChatPayPlatformKeys.Parse(PublishedVectors.JavaMerchantCertificatePem, ["5F1C72E2A8931B72A2E13AF8DEE92471EB397115"]), TimeSpan.FromMinutes(5), TimeProvider.System);

        Assert.True(verifier.VerifySignature("5F1C72E2A8931B72A2E13AF8DEE92471EB397115", Encoding.UTF8.GetBytes(PublishedVectors.JavaMessage), PublishedVectors.JavaSignature));
    }

    [Fact]
    public void VerifySignature_WithMalformedBase64_ReturnsFalse()
    {
        using var verifier = new WeChatPaySignatureVerifier(
            WeChatPayPlatformKeys.Parse(PublishedVectors.GoPlatformCertificatePem, [PublishedVectors.GoPlatformSerialNo]), TimeSpan.FromMinutes(5), TimeProvider.System);

        Assert.False(verifier.VerifySignature(PublishedVectors.GoPlatformSerialNo, Encoding.UTF8.GetBytes(PublishedVectors.GoMessage), "not base64!"));
    }

    [Fact]
    public void Decrypt_WithJavaSdkAeadVector_ReturnsPublishedPlaintext()
    {
        var plaintext = WeChatPayResourceDecryptor.Decrypt(
            PublishedVectors.JavaApiV3Key, PublishedVectors.JavaAeadNonce, PublishedVectors.JavaAeadAssociatedData, PublishedVectors.JavaAeadCiphertext);

        Assert.Equal(PublishedVectors.JavaAeadPlaintext, Encoding.UTF8.GetString(plaintext));
    }

    [Fact]
    public void Decrypt_WithJavaSdkAeadVectorAndOtherAssociatedData_Throws()
    {
        Assert.ThrowsAny<CryptographicException>(() => WeChatPayResourceDecryptor.Decrypt(
            PublishedVectors.JavaApiV3Key, PublishedVectors.JavaAeadNonce, "transaction", PublishedVectors.JavaAeadCiphertext));
    }

    [Fact]
    public void BuildVerificationMessage_KeepsRawBodyBytes()
    {
        byte[] body = [0x7B, 0xE6, 0x94, 0xAF, 0x7D];

        var message = WeChatPaySignatureVerifier.BuildMessage(PublishedVectors.DocsCertificatesTimestamp, PublishedVectors.DocsCertificatesNonce, body);

        Assert.Equal([.. Encoding.ASCII.GetBytes("1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n"), .. body, (byte)'\n'], message);
    }

    [Fact]
    public void JsapiSigningString_IsTheDocumentedExample()
    {
        // The "数据举例" of the JSAPI and mini-program payment-invocation pages.
        Assert.Equal(
            "wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n",
            WeChatPaySdkParameters.JsapiMessage("wx8888888888888888", "1414561699", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", "prepay_id=wx201410272009395522657a690389285100"));
    }

    [Fact]
    public void AppSigningString_IsTheDocumentedExample()
    {
        // The "数据举例" of the App payment-invocation page: appid, timestamp, noncestr, prepayid.
        Assert.Equal(
            "wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nWX1217752501201407033233368018\n",
            WeChatPaySdkParameters.AppMessage("wx8888888888888888", "1414561699", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", "WX1217752501201407033233368018"));
    }

    [Fact]
    public void JsapiPaySign_WithJavaSdkMerchantKey_VerifiesWithItsCertificate()
    {
        using var signer = new WeChatPayRequestSigner(PublishedVectors.JavaMerchantPrivateKeyPem);
        using var verifier = new WeChatPaySignatureVerifier(
            WeChatPayPlatformKeys.Parse(PublishedVectors.JavaMerchantCertificatePem, ["5F1C72E2A8931B72A2E13AF8DEE92471EB397115"]), TimeSpan.FromMinutes(5), TimeProvider.System);

        var parameters = WeChatPaySdkParameters.ForJsapi(signer, "wx8888888888888888", "wx201410272009395522657a690389285100", 1414561699, "5K8264ILTKCH16CQ2502SI8ZNMTM67VS");

        Assert.True(verifier.VerifySignature(
            "5F1C72E2A8931B72A2E13AF8DEE92471EB397115",
            Encoding.UTF8.GetBytes("wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n"),
            parameters["paySign"]));
    }

    [Fact]
    public void PlatformCertificate_WithItsSerialLeftEmpty_NamesItselfAsWeChatPayWritesIt()
    {
        using var keys = WeChatPayPlatformKeys.Parse(PublishedVectors.GoPlatformCertificatePem, [string.Empty]);

        Assert.Equal([PublishedVectors.GoPlatformSerialNo], keys.Serials);
    }
}

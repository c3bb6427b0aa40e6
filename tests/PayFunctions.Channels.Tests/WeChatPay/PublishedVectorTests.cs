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
            PublishedVectors.GoPlatformCertificatePem, PublishedVectors.GoPlatformSerialNo, TimeSpan.FromMinutes(5), TimeProvider.System);

        Assert.True(verifier.VerifySignature(Encoding.UTF8.GetBytes(PublishedVectors.GoMessage), PublishedVectors.GoSignature));
        Assert.False(verifier.VerifySignature(Encoding.UTF8.GetBytes("wrong source"), PublishedVectors.GoSignature));
    }

    [Fact]
    public void VerifySignature_WithJavaSdkMerchantCertificate_AcceptsPublishedSignature()
    {
        using var verifier = new WeChatPaySignatureVerifier(
            PublishedVectors.JavaMerchantCertificatePem, "5F1C72E2A8931B72A2E13AF8DEE92471EB397115", TimeSpan.FromMinutes(5), TimeProvider.System);

        Assert.True(verifier.VerifySignature(Encoding.UTF8.GetBytes(PublishedVectors.JavaMessage), PublishedVectors.JavaSignature));
    }

    [Fact]
    public void VerifySignature_WithMalformedBase64_ReturnsFalse()
    {
        using var verifier = new WeChatPaySignatureVerifier(
            PublishedVectors.GoPlatformCertificatePem, PublishedVectors.GoPlatformSerialNo, TimeSpan.FromMinutes(5), TimeProvider.System);

        Assert.False(verifier.VerifySignature(Encoding.UTF8.GetBytes(PublishedVectors.GoMessage), "not base64!"));
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
}

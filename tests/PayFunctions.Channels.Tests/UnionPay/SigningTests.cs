using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PayFunctions.Channels.UnionPay;

namespace PayFunctions.Channels.Tests.UnionPay;

/// <summary>The ACP 5.1.0 signing text and signature against UnionPay's own published message.</summary>
public sealed class SigningTests
{
    [Fact]
    public void Published_notification_signature_verifies_over_the_signing_text()
    {
        var fields = PublishedNotification.Fields();
        using var certificate = X509Certificate2.CreateFromPem(PublishedNotification.CertificatePem);
        using var key = certificate.GetRSAPublicKey()!;

        var verified = key.VerifyData(
            UnionPaySigningString.DigestHex(fields), Convert.FromBase64String(PublishedNotification.Signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        Assert.True(verified);
    }

    [Fact]
    public void Published_notification_does_not_verify_once_a_field_changes()
    {
        var fields = PublishedNotification.Fields();
        fields["txnAmt"] = "100";
        using var certificate = X509Certificate2.CreateFromPem(PublishedNotification.CertificatePem);
        using var key = certificate.GetRSAPublicKey()!;

        Assert.False(key.VerifyData(
            UnionPaySigningString.DigestHex(fields), Convert.FromBase64String(PublishedNotification.Signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Published_certificate_names_UnionPay_as_owner_in_the_third_part_of_its_CN()
    {
        using var certificate = X509Certificate2.CreateFromPem(PublishedNotification.CertificatePem);

        Assert.Equal("041@8310000000083040@中国银联股份有限公司@00016493", certificate.GetNameInfo(X509NameType.SimpleName, false));
        Assert.Equal(UnionPayVerifier.UnionPayOwner, UnionPayVerifier.Owner(certificate));
    }

    [Fact]
    public void Signing_text_sorts_ordinally_leaves_out_signature_and_keeps_empty_and_raw_values()
    {
        var fields = new Dictionary<string, string>
        {
            ["txnAmt"] = "1",
            ["signature"] = "xyz",
            ["accessType"] = "0",
            ["Zeta"] = "upper case sorts first",
            ["reqReserved"] = "",
            ["backUrl"] = "https://a.example/n?x=1&y=2",
        };

        Assert.Equal(
            "Zeta=upper case sorts first&accessType=0&backUrl=https://a.example/n?x=1&y=2&reqReserved=&txnAmt=1",
            UnionPaySigningString.Build(fields));
        Assert.Equal(UnionPaySide.SigningText(fields), UnionPaySigningString.Build(fields));
    }

    [Fact]
    public void Digest_is_the_lower_case_hex_of_sha256_of_the_signing_text()
    {
        var fields = new Dictionary<string, string> { ["a"] = "1", ["b"] = "中" };

        Assert.Equal(UnionPaySide.HexOfSha256("a=1&b=中"), UnionPaySigningString.DigestHex(fields));
        Assert.Equal(64, UnionPaySigningString.DigestHex(fields).Length);
        Assert.DoesNotContain(UnionPaySigningString.DigestHex(fields), b => b is >= (byte)'A' and <= (byte)'F');
    }

    [Fact]
    public void Signer_sets_certId_and_a_signature_UnionPay_verifies_with_the_merchant_key()
    {
        using var signer = new UnionPaySigner(TestPki.Shared.MerchantKey.ExportPkcs8PrivateKeyPem(), UnionPayTestAccount.SignCertId);
        var fields = new Dictionary<string, string> { ["version"] = "5.1.0", ["orderId"] = "pay0abc12345678" };

        signer.Sign(fields);

        Assert.Equal(UnionPayTestAccount.SignCertId, fields["certId"]);
        Assert.True(UnionPaySide.IsSignedBy(fields, TestPki.Shared.MerchantKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("6875966312A")]
    public void Signer_refuses_a_certId_that_is_not_a_decimal_serial(string certId) =>
        Assert.Throws<ArgumentException>(() => new UnionPaySigner(TestPki.Shared.MerchantKey.ExportPkcs8PrivateKeyPem(), certId));

    [Fact]
    public void Answer_text_is_split_as_the_SDK_parseQString_does()
    {
        var text = "respCode=00&respMsg=成功[0000000]&reserved={a=1&b=2}&list=[x&y]&signature=ab+c/d==&empty=";

        Assert.True(UnionPayAnswerText.TryParseAnswer(text, out var fields));

        Assert.Equal("00", fields["respCode"]);
        Assert.Equal("成功[0000000]", fields["respMsg"]);
        Assert.Equal("{a=1&b=2}", fields["reserved"]);
        Assert.Equal("[x&y]", fields["list"]);
        Assert.Equal("ab+c/d==", fields["signature"]);
        Assert.Equal(string.Empty, fields["empty"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("=value")]
    [InlineData("a=1&a=2")]
    public void Unreadable_answer_texts_are_refused(string text) =>
        Assert.False(UnionPayAnswerText.TryParseAnswer(text, out _));
}

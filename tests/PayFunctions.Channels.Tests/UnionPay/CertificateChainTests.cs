using System.Security.Cryptography.X509Certificates;
using PayFunctions.Channels.Tests.WeChatPay;
using PayFunctions.Channels.UnionPay;

namespace PayFunctions.Channels.Tests.UnionPay;

/// <summary>The checks CertUtil.verifyCertificate makes on signPubKeyCert before its key is trusted.</summary>
public sealed class CertificateChainTests
{
    private static readonly TestPki Pki = TestPki.Shared;

    [Fact]
    public void A_UnionPay_certificate_under_the_configured_root_and_middle_verifies()
    {
        using var verifier = Verifier();

        Assert.True(verifier.TryVerify(Signed(Pki.SigningPem, Pki.SigningKey), out var failure), failure);
    }

    [Fact]
    public void A_chain_to_another_root_is_untrusted()
    {
        var other = new TestPki();
        using var verifier = Verifier();

        Assert.False(verifier.TryVerify(Signed(other.SigningPem, other.SigningKey), out var failure));
        Assert.Equal("certificate_untrusted", failure);
    }

    [Fact]
    public void The_middle_must_be_the_configured_one()
    {
        var other = new TestPki();
        using var verifier = new UnionPayVerifier(Pki.RootPem, other.MiddlePem, acceptTestOwner: false, new FixedTimeProvider(TestPki.Now));

        Assert.False(verifier.TryVerify(Signed(Pki.SigningPem, Pki.SigningKey), out var failure));
        Assert.Equal("certificate_untrusted", failure);
    }

    [Fact]
    public void An_expired_certificate_is_refused()
    {
        var (certificate, key) = Pki.CreateSigning(TestPki.UnionPaySubject, TestPki.Now.AddYears(-2), TestPki.Now.AddDays(-1));
        using var verifier = Verifier();

        Assert.False(verifier.TryVerify(Signed(certificate.ExportCertificatePem(), key), out var failure));
        Assert.Equal("certificate_expired", failure);
    }

    [Fact]
    public void A_certificate_not_yet_valid_is_refused()
    {
        var (certificate, key) = Pki.CreateSigning(TestPki.UnionPaySubject, TestPki.Now.AddDays(1), TestPki.Now.AddYears(1));
        using var verifier = Verifier();

        Assert.False(verifier.TryVerify(Signed(certificate.ExportCertificatePem(), key), out var failure));
        Assert.Equal("certificate_expired", failure);
    }

    [Theory]
    [InlineData("CN=041@Z20@某某科技有限公司@00000001, O=CFCA OCA1, C=cn")]
    [InlineData("CN=中国银联股份有限公司, O=CFCA OCA1, C=cn")]
    [InlineData("CN=041@中国银联股份有限公司, O=CFCA OCA1, C=cn")]
    public void A_certificate_of_another_owner_under_the_same_chain_is_refused(string subject)
    {
        var (certificate, key) = Pki.CreateSigning(subject, TestPki.Now.AddDays(-1), TestPki.Now.AddYears(1));
        using var verifier = Verifier();

        Assert.False(verifier.TryVerify(Signed(certificate.ExportCertificatePem(), key), out var failure));
        Assert.Equal("certificate_not_unionpay", failure);
    }

    [Fact]
    public void The_test_environment_owner_is_accepted_only_when_configured()
    {
        var (certificate, key) = Pki.CreateSigning("CN=041@Z12@00040000:SIGN@00000062, O=CFCA OCA1, C=cn", TestPki.Now.AddDays(-1), TestPki.Now.AddYears(1));
        var fields = Signed(certificate.ExportCertificatePem(), key);
        using var strict = Verifier();
        using var lenient = new UnionPayVerifier(Pki.RootPem, Pki.MiddlePem, acceptTestOwner: true, new FixedTimeProvider(TestPki.Now));

        Assert.False(strict.TryVerify(fields, out var failure));
        Assert.Equal("certificate_not_unionpay", failure);
        Assert.True(lenient.TryVerify(fields, out _));
    }

    [Fact]
    public void A_signature_by_another_key_is_invalid()
    {
        using var verifier = Verifier();

        Assert.False(verifier.TryVerify(Signed(Pki.SigningPem, Pki.MerchantKey), out var failure));
        Assert.Equal("signature_invalid", failure);
    }

    [Theory]
    [InlineData("signMethod", "11")]
    [InlineData("version", "5.0.0")]
    public void Other_sign_methods_and_versions_are_refused(string field, string value)
    {
        var fields = Signed(Pki.SigningPem, Pki.SigningKey);
        fields[field] = value;
        using var verifier = Verifier();

        Assert.False(verifier.TryVerify(fields, out var failure));
        Assert.Equal("sign_method_unsupported", failure);
    }

    [Fact]
    public void A_missing_or_unreadable_certificate_is_refused()
    {
        using var verifier = Verifier();
        var missing = Signed(Pki.SigningPem, Pki.SigningKey);
        missing.Remove("signPubKeyCert");
        var garbage = Signed(Pki.SigningPem, Pki.SigningKey);
        garbage["signPubKeyCert"] = "-----BEGIN CERTIFICATE-----\r\nAAAA\r\n-----END CERTIFICATE-----";

        Assert.False(verifier.TryVerify(missing, out var first));
        Assert.Equal("signature_missing", first);
        Assert.False(verifier.TryVerify(garbage, out var second));
        Assert.Equal("certificate_malformed", second);
    }

    private static UnionPayVerifier Verifier() => new(Pki.RootPem, Pki.MiddlePem, acceptTestOwner: false, new FixedTimeProvider(TestPki.Now));

    private static Dictionary<string, string> Signed(string certificatePem, System.Security.Cryptography.RSA key) =>
        UnionPaySide.SignAsUnionPay(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["version"] = "5.1.0",
                ["encoding"] = "UTF-8",
                ["signMethod"] = "01",
                ["respCode"] = "00",
                ["respMsg"] = "成功[0000000]",
            },
            key,
            certificatePem);
}

using System.Security.Cryptography;
using PayFunctions.Channels.AlipayPlus;

namespace PayFunctions.Channels.Tests.AlipayPlus;

public sealed class SignatureTests
{
    [Fact]
    public void ContentToSign_IsTheDocumentedLayout()
    {
        var content = AlipayPlusSignature.ContentToSign(
            "POST", "/ams/api/v1/payments/pay", "SANDBOX_5YEZ0000000000001", "2026-03-01T10:00:00.000+08:00",
            """{"paymentRequestId":"pay_0000000000000001","paymentAmount":{"currency":"PHP","value":"10000"}}""");

        Assert.Equal(AlipayPlusKnownAnswer.Content, content);
    }

    [Fact]
    public void Sign_MatchesOpenSslAndTheHeaderMatchesAlipaysLibrary()
    {
        using var key = RSA.Create();
        key.ImportFromPem(AlipayPlusKnownAnswer.PrivateKeyPem);

        var signature = AlipayPlusSignature.Sign(key, AlipayPlusKnownAnswer.Content);

        Assert.Equal(AlipayPlusKnownAnswer.Signature, signature);
        Assert.Equal($"algorithm=RSA256,keyVersion=1,signature={AlipayPlusKnownAnswer.EncodedSignature}", AlipayPlusSignature.Header("1", signature));
    }

    [Fact]
    public void Verify_AcceptsTheKnownSignatureEncodedOrNotAndRefusesAnyChange()
    {
        using var key = RSA.Create();
        key.ImportFromPem(AlipayPlusKnownAnswer.PublicKeyPem);
        var header = $"algorithm=RSA256,keyVersion=1,signature={AlipayPlusKnownAnswer.EncodedSignature}";

        Assert.True(AlipayPlusSignature.Verify(key, AlipayPlusKnownAnswer.Content, header));
        Assert.True(AlipayPlusSignature.Verify(key, AlipayPlusKnownAnswer.Content, $"algorithm=RSA256,keyVersion=1,signature={AlipayPlusKnownAnswer.Signature}"));
        Assert.False(AlipayPlusSignature.Verify(key, AlipayPlusKnownAnswer.Content.Replace("10000", "100", StringComparison.Ordinal), header));
        Assert.False(AlipayPlusSignature.Verify(key, AlipayPlusKnownAnswer.Content, header.Replace("RSA256", "ECC224", StringComparison.Ordinal)));
        Assert.False(AlipayPlusSignature.Verify(key, AlipayPlusKnownAnswer.Content, "signature=%%%"));
        Assert.False(AlipayPlusSignature.Verify(key, AlipayPlusKnownAnswer.Content, null));
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00+08:00", "2026-03-01T02:00:00+00:00")]
    [InlineData("2026-03-01T10:00:00.123+08:00", "2026-03-01T02:00:00.123+00:00")]
    [InlineData("1772330400000", "2026-03-01T02:00:00+00:00")]
    public void ParseTime_ReadsIsoAndEpochMilliseconds(string value, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AlipayPlusSignature.ParseTime(value));

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-03-01")]
    [InlineData("99999999999999999999")]
    public void ParseTime_RefusesAnythingElse(string value) => Assert.Null(AlipayPlusSignature.ParseTime(value));
}

using System.Text;
using PayFunctions.Channels.PayPal;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.PayPal;

public sealed class ProtocolPrimitiveTests
{
    [Theory]
    [InlineData("", 0u)]
    [InlineData("123456789", 0xCBF43926u)] // the CRC-32 (ISO-HDLC) check value
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Crc32_MatchesTheKnownAnswers(string text, uint expected) =>
        Assert.Equal(expected, PayPalCrc32.Compute(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void SignedMessage_IsTransmissionIdTimeWebhookIdAndTheUnsignedDecimalCrcOfTheRawBody()
    {
        // 0xCBF43926 is above int.MaxValue: a signed rendering would be negative.
        var message = PayPalWebhookHeaders.SignedMessage("69cd13f0-d67a-11e5-baa3-778b53f4ae55", "2016-02-18T20:01:35Z", "1JE4291016473214C", "123456789"u8);
        Assert.Equal("69cd13f0-d67a-11e5-baa3-778b53f4ae55|2016-02-18T20:01:35Z|1JE4291016473214C|3421780262", message);
    }

    [Theory]
    [InlineData("USD", 10000, "100.00")]
    [InlineData("USD", 1, "0.01")]
    [InlineData("EUR", 123456, "1234.56")]
    [InlineData("JPY", 500, "500")]
    [InlineData("TWD", 10000, "100")]
    [InlineData("HUF", 250000, "2500")]
    public void Amounts_AreWrittenWithPayPalsDigits(string currency, long minor, string expected)
    {
        Assert.Equal(expected, PayPalAmounts.Format(new Money(minor, Currency.Parse(currency))));
        Assert.True(PayPalAmounts.TryParse(expected, currency, out var back));
        Assert.Equal(minor, back.MinorUnits);
    }

    [Theory]
    [InlineData("TWD", 10050)]
    [InlineData("HUF", 1)]
    public void Amounts_WithAFractionPayPalDoesNotTake_AreRefused(string currency, long minor)
    {
        var refused = Assert.Throws<ChannelException>(() => PayPalAmounts.Format(new Money(minor, Currency.Parse(currency))));
        Assert.Equal(PayPalAmounts.AmountNotWhole, refused.Code);
        Assert.False(refused.IsTransient);
    }

    [Theory]
    [InlineData("1e3", "USD")]
    [InlineData("-1.00", "USD")]
    [InlineData("1.001", "USD")]
    [InlineData("1.", "USD")]
    [InlineData(".5", "USD")]
    [InlineData("1,00", "USD")]
    [InlineData("1.00", "XXX")]
    public void Amounts_ThatAreNotPayPalValues_DoNotParse(string value, string currency) =>
        Assert.False(PayPalAmounts.TryParse(value, currency, out _));

    [Theory]
    [InlineData("https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-7a8abba8", true)]
    [InlineData("https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-7a8abba8", true)]
    [InlineData("https://paypal.stand-in.test/v1/notifications/certs/CERT-1", true)]
    [InlineData("http://api.paypal.com/v1/notifications/certs/CERT-1", false)]
    [InlineData("https://api.paypal.com:8443/v1/notifications/certs/CERT-1", false)]
    [InlineData("https://api.paypal.com.evil.test/v1/notifications/certs/CERT-1", false)]
    [InlineData("https://evil.test/v1/notifications/certs/CERT-1", false)]
    [InlineData("https://api.paypal.com/v1/oauth2/token", false)]
    [InlineData("https://api.paypal.com/v1/notifications/certs/../../oauth2/token", false)]
    [InlineData("https://api.paypal.com/v1/notifications/certs/CERT-1?next=https://evil.test", false)]
    [InlineData("https://user:pw@api.paypal.com/v1/notifications/certs/CERT-1", false)]
    [InlineData("http://paypal.stand-in.test/v1/notifications/certs/CERT-1", false)]
    [InlineData("https://paypal.stand-in.test:444/v1/notifications/certs/CERT-1", false)]
    [InlineData("https://169.254.169.254/v1/notifications/certs/CERT-1", false)]
    public void CertificateUrls_AreAllowedOnlyOnPayPalsHostsOrTheConfiguredOrigin(string url, bool allowed) =>
        Assert.Equal(allowed, PayPalWebhookCertificates.IsAllowed(new Uri(url), new Uri(PayPalTestAccount.BaseUrl)));

    [Fact]
    public void Module_DeclaresCaptureRefundsStatementsAndNoClose()
    {
        var capabilities = new PayPalModule().Capabilities;
        Assert.True(capabilities.Supports(ChannelOperations.Capture | ChannelOperations.Refund | ChannelOperations.PartialRefund | ChannelOperations.Statements));
        Assert.False(capabilities.Supports(ChannelOperations.Close));
        Assert.False(capabilities.Supports(ChannelOperations.Cancel));
        Assert.NotNull(capabilities.AuthorizationValidity);
        var method = Assert.Single(capabilities.Methods);
        Assert.Equal(NextActionType.RedirectToUrl, method.NextAction);
        Assert.All(method.Currencies, c => Assert.True(Currency.TryParse(c, out _), c));
        Assert.Contains("CNY", method.Currencies);
        Assert.DoesNotContain("KRW", method.Currencies);
    }
}

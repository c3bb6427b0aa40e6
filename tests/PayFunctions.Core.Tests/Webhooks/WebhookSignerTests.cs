using PayFunctions.Core.Webhooks;

namespace PayFunctions.Core.Tests.Webhooks;

public sealed class WebhookSignerTests
{
    // The worked example of the Standard Webhooks specification (standard-webhooks/spec, "Signature scheme").
    [Fact]
    public void Sign_WithSpecificationExample_MatchesPublishedSignature()
    {
        var signature = WebhookSigner.Sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            DateTimeOffset.FromUnixTimeSeconds(1614265330),
            """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void NewSecret_IsPrefixedBase64OfAtLeast24Bytes()
    {
        var secret = WebhookSigner.NewSecret();

        Assert.StartsWith(WebhookSigner.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.True(Convert.FromBase64String(secret[WebhookSigner.SecretPrefix.Length..]).Length >= 24);
        Assert.NotEqual(secret, WebhookSigner.NewSecret());
    }
}

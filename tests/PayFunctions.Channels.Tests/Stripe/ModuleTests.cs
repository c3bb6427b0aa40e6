using PayFunctions.Channels.Stripe;

namespace PayFunctions.Channels.Tests.Stripe;

public sealed class ModuleTests
{
    private readonly StripeModule _module = new();

    [Fact]
    public void Declares_the_hosted_card_page_with_capture_statements_and_the_signature_header_as_evidence()
    {
        var capabilities = _module.Capabilities;

        Assert.Equal(("stripe", "Stripe"), (capabilities.Name, capabilities.ConfigurationKey));
        var card = Assert.Single(capabilities.Methods);
        Assert.Equal(("stripe.card", NextActionType.RedirectToUrl, PayerDetails.ReturnUrl), (card.Method, card.NextAction, card.Requires));
        Assert.Contains("USD", card.Currencies);
        Assert.Contains("JPY", card.Currencies);
        Assert.DoesNotContain("KWD", card.Currencies);
        Assert.True(capabilities.Supports(ChannelOperations.Query | ChannelOperations.Close | ChannelOperations.Cancel | ChannelOperations.PartialRefund
            | ChannelOperations.RefundQuery | ChannelOperations.RefundNotification | ChannelOperations.Statements | ChannelOperations.Capture));
        Assert.Equal(TimeSpan.FromDays(7), capabilities.AuthorizationValidity);
        Assert.Equal(["secret-key", "webhook-secret"], capabilities.SecretNames);
        Assert.Equal(["Stripe-Signature"], capabilities.EvidenceHeaders);
        Assert.Single(ChannelCatalog.All, module => module.Capabilities.Name == "stripe");
    }

    [Theory]
    [InlineData("pk_test_publishable", StripeEvents.Secret)]
    [InlineData("sk_test_with space", StripeEvents.Secret)]
    [InlineData(StripeAccounts.SecretKey, "not-a-webhook-secret")]
    public void A_key_that_cannot_work_fails_when_the_adapter_is_built(string secretKey, string webhookSecret)
    {
        var account = StripeAccounts.Account() with
        {
            Secrets = new Dictionary<string, string> { [StripeModule.SecretKeySecret] = secretKey, [StripeModule.WebhookSecretSecret] = webhookSecret },
        };
        Assert.Throws<ArgumentException>(() => _module.Create(account, new HttpClient(), TimeProvider.System));
    }
}

using PayFunctions.Channels.Stripe;

namespace PayFunctions.Channels.Tests.Stripe;

internal static class StripeAccounts
{
    public const string SecretKey = "sk_test_51SampleKeyForTheAdapterTests000000000000";

    public static ChannelAccount Account(string webhookSecret = StripeEvents.Secret, string baseUrl = "https://api.stripe.test") =>
        new(
            "main",
            new Dictionary<string, string> { ["BaseUrl"] = baseUrl, ["AccountId"] = "acct_1Sample" },
            new Dictionary<string, string> { [StripeModule.SecretKeySecret] = SecretKey, [StripeModule.WebhookSecretSecret] = webhookSecret });

    public static IPaymentChannel Adapter(TimeProvider time, HttpMessageHandler? handler = null, string webhookSecret = StripeEvents.Secret) =>
        new StripeModule().Create(Account(webhookSecret), new HttpClient(handler ?? new HttpClientHandler()), time);
}

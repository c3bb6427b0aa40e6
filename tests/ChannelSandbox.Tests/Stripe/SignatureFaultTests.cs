using PayFunctions.Channels;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.Stripe;

/// <summary>A sandbox of its own, so the injected fault can only meet this test's event.</summary>
public sealed class SignatureFaultTests(StripeSandboxHost sandbox) : IClassFixture<StripeSandboxHost>
{
    [Fact]
    public async Task A_delivery_signed_with_another_secret_is_refused_by_the_adapter_as_unauthenticated()
    {
        using (await sandbox.Client.PostAsync("sandbox/stripe/faults", new StringContent("""{"kind":"webhook_signature"}""", System.Text.Encoding.UTF8, "application/json")))
        {
        }

        var (outTradeNo, _) = await AdapterAgainstSandboxTests.PrepayAsync(sandbox.Adapter, Currency.Parse("USD"), 990);
        using (await sandbox.Client.PostAsync($"sandbox/stripe/orders/{outTradeNo}/pay", null))
        {
        }

        var received = await AdapterAgainstSandboxTests.WebhooksOfAsync(sandbox, outTradeNo, 1);
        var refused = Assert.Throws<ChannelNotificationException>(() => sandbox.Adapter.ParseNotification(received[0].Headers, received[0].Body));
        Assert.True(refused.IsAuthenticationFailure);
    }
}

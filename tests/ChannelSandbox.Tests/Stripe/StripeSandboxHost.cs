using PayFunctions.Channels;
using PayFunctions.Channels.Stripe;

namespace ChannelSandbox.Tests.Stripe;

/// <summary>
/// A real sandbox on a free loopback port whose Stripe webhook endpoint is a listener of the test's, with short retry
/// delays, and the platform's adapter built the way the platform builds it, from the secrets the sandbox wrote.
/// </summary>
public class StripeSandboxHost : IAsyncLifetime
{
    private readonly int[] _webhookReplies;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "stripe-sandbox-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public StripeSandboxHost()
        : this([])
    {
    }

    /// <summary>A sandbox whose webhook endpoint answers <paramref name="webhookReplies"/> first, then 204.</summary>
    protected StripeSandboxHost(int[] webhookReplies)
    {
        _webhookReplies = webhookReplies;
    }

    public NotifyListener Webhooks { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseUrl => new(_app!.Urls.Single());

    public string SecretsDirectory => Path.Combine(_root, "secrets");

    public IPaymentChannel Adapter { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Webhooks = await NotifyListener.StartAtAsync("/api/notify/stripe", _webhookReplies);
        _app = SandboxApp.Create(
        [
            "--urls=http://127.0.0.1:0",
            $"--Sandbox:SecretsDirectory={SecretsDirectory}",
            $"--Sandbox:StateDirectory={Path.Combine(_root, "state")}",
            $"--Sandbox:PlatformBaseUrl={Webhooks.BaseUrl}",
            "--Sandbox:NotifyRetryDelays=00:00:00.2,00:00:00.3,00:00:00.5",
        ]);
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = BaseUrl };
        Adapter = NewAdapter(Secret("stripe-main-secret-key"));
    }

    public IPaymentChannel NewAdapter(string secretKey) =>
        new StripeModule().Create(
            new ChannelAccount(
                "main",
                new Dictionary<string, string> { ["BaseUrl"] = BaseUrl.AbsoluteUri, ["AccountId"] = "acct_test" },
                new Dictionary<string, string> { ["secret-key"] = secretKey, ["webhook-secret"] = Secret("stripe-main-webhook-secret") })
            {
                NotifyUrl = new Uri(Webhooks.Url),
            },
            new HttpClient(),
            TimeProvider.System);

    public string Secret(string name) => File.ReadAllText(Path.Combine(SecretsDirectory, name));

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Webhooks.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}

namespace ChannelSandbox.Tests.UnionPay;

/// <summary>A real sandbox on a free loopback port with short UnionPay timings, its PKI in a fresh temporary directory.</summary>
public sealed class UnionPaySandboxHost : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "unionpay-sandbox-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public string SecretsDirectory => Path.Combine(_root, "secrets");

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseUrl => new(_app!.Urls.Single());

    public UnionPayMerchant Merchant { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = SandboxApp.Create(
        [
            "--urls=http://127.0.0.1:0",
            $"--Sandbox:SecretsDirectory={SecretsDirectory}",
            $"--Sandbox:StateDirectory={Path.Combine(_root, "state")}",
            "--Sandbox:NotifyRetryDelays=00:00:00.2,00:00:00.3,00:00:00.5",
            "--Sandbox:UnionPay:RefundDelay=00:00:00.3",
            "--Sandbox:UnionPay:TimeoutDelay=00:00:01",
        ]);
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = BaseUrl };
        Merchant = new UnionPayMerchant(Client, Secret("unionpay-main-signing-private-key"), Secret("unionpay-main-root-cert"), Secret("unionpay-main-middle-cert"));
    }

    public string Secret(string name) => File.ReadAllText(Path.Combine(SecretsDirectory, name));

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace ChannelSandbox.Tests;

/// <summary>A real sandbox on a free loopback port, with its keys in a fresh temporary directory.</summary>
public sealed class SandboxHost : IAsyncLifetime
{
    public const string MchId = "1900000109";
    public const string AppId = "wx8888888888888888";
    public const string MerchantSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    public const string PlatformSerial = "7132D72A03E93CDDF8C03BBD1F37EEDF13B1B71B";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "channel-sandbox-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public string SecretsDirectory => Path.Combine(_root, "secrets");

    public string StateDirectory => Path.Combine(_root, "state");

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress => Client.BaseAddress!;

    public MerchantSide Merchant { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = SandboxApp.Create(
        [
            "--urls=http://127.0.0.1:0",
            $"--Sandbox:SecretsDirectory={SecretsDirectory}",
            $"--Sandbox:StateDirectory={StateDirectory}",
            "--Sandbox:NotifyRetryDelays=00:00:00.2,00:00:00.3,00:00:00.5",
            "--Sandbox:Alipay:NotifyRetryDelays=00:00:00.2,00:00:00.3,00:00:00.5",
            "--Sandbox:AlipayPlus:NotifyRetryDelays=00:00:00.2,00:00:00.3,00:00:00.5",
            "--Sandbox:WeChatPay:RefundDelay=00:00:00.3",
        ]);
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };

        var merchantKey = RSA.Create();
        merchantKey.ImportFromPem(Secret("wechat-pay-main-merchant-private-key"));
        var platformKey = RSA.Create();
        platformKey.ImportFromPem(Secret("wechat-pay-main-platform-public-key"));
        Merchant = new MerchantSide(merchantKey, platformKey, Encoding.ASCII.GetBytes(Secret("wechat-pay-main-apiv3-key")), MchId, MerchantSerial);
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

namespace ChannelSandbox.Tests;

public sealed class CredentialsTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public void The_merchant_secrets_are_one_file_each()
    {
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", host.Secret("wechat-pay-main-merchant-private-key"), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", host.Secret("wechat-pay-main-platform-public-key"), StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9]{32}$", host.Secret("wechat-pay-main-apiv3-key"));
        Assert.Matches("^[0-9a-f]{32}$", host.Secret("wechat-pay-main-app-secret"));
        Assert.Empty(Directory.GetFiles(host.SecretsDirectory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_restart_keeps_the_generated_keys()
    {
        var state = Path.Combine(host.StateDirectory, "wechatpay.json");
        var before = await File.ReadAllTextAsync(state);

        await using var restarted = SandboxApp.Create(
        [
            "--urls=http://127.0.0.1:0",
            $"--Sandbox:SecretsDirectory={host.SecretsDirectory}",
            $"--Sandbox:StateDirectory={host.StateDirectory}",
        ]);
        await restarted.StartAsync();
        await restarted.StopAsync();

        Assert.Equal(before, await File.ReadAllTextAsync(state));
    }
}

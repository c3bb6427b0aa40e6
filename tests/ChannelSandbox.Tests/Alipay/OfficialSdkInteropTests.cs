using System.Diagnostics;

namespace ChannelSandbox.Tests.Alipay;

/// <summary>
/// Alipay's official Node.js SDK (npm <c>alipay-sdk</c>, pinned in package.json) against the simulator:
/// signed calls whose answers the SDK verifies over the raw text, a notification checked with
/// <c>checkNotifySignV2</c>, a wrong Alipay key refused, and a <c>pageExecute</c> URL that opens the cashier.
/// A simulator that drifts from the protocol the SDK speaks fails here.
/// </summary>
public sealed class OfficialSdkInteropTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public async Task The_official_node_sdk_interoperates_with_the_simulator()
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("node", [Path.Combine(root, "tools", "ChannelSandbox", "Alipay", "interop", "alipay-sdk-interop.mjs")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        start.Environment["SANDBOX"] = host.BaseAddress.AbsoluteUri.TrimEnd('/');
        start.Environment["SECRETS"] = host.SecretsDirectory;
        // The SDK writes its timestamp in local time and Alipay reads it as Beijing time.
        start.Environment["TZ"] = "Asia/Shanghai";

        using var node = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = node.StandardError.ReadToEndAsync(timeout.Token);
        await node.WaitForExitAsync(timeout.Token);

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(node.ExitCode == 0, $"{await output}\n{await errors}");
        Assert.Equal(8, lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PayFunctions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}

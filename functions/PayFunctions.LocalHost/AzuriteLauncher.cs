using System.Diagnostics;
using System.Net.Sockets;

namespace PayFunctions.LocalHost;

/// <summary>
/// Starts the Azurite emulator installed from npm (pinned in the repository's package.json) when no
/// emulator listens yet, bound to loopback. Azurite ignores SIGTERM, so it is stopped with a kill.
/// </summary>
public sealed class AzuriteLauncher : IDisposable
{
    private const int BlobPort = 10000;
    private Process? process;

    public async Task EnsureRunningAsync(ILogger logger, CancellationToken cancellationToken)
    {
        if (await IsListeningAsync(BlobPort, cancellationToken))
        {
            return;
        }

        var root = FindRepositoryRoot()
            ?? throw new InvalidOperationException("Azurite is not running and no package.json with it was found; run 'npm ci' in the repository root.");
        var azurite = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed; run 'npm ci' in {root}.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            azurite, "--silent", "--skipApiVersionCheck", "--location", Path.Combine(root, ".azurite"),
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
        })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        logger.LogInformation("Started Azurite (pid {Pid}) with data in {Location}", process.Id, Path.Combine(root, ".azurite"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await IsListeningAsync(BlobPort, cancellationToken))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("Azurite did not start listening on 127.0.0.1:10000.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
        }

        process?.Dispose();
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "PayFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

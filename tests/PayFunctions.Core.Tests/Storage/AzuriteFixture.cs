using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Tests.Storage;

/// <summary>Azurite from npm, in memory, on free ports, with the app's tables created by the app's own initializer.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string work = Path.Combine(Path.GetTempPath(), "payfunctions-core-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int blobPort = FreePort();
    private readonly int queuePort = FreePort();
    private readonly int tablePort = FreePort();
    private Process? azurite;

    public StorageClients Storage { get; private set; } = null!;

    private string connectionString = "";

    /// <summary>The emulator's connection string, for what builds its own clients (the audit verification command).</summary>
    public string ConnectionString => connectionString;

    /// <summary>Clients on the same emulator whose every request <paramref name="counter"/> counts.</summary>
    public StorageClients Counted(StorageRequestCounter counter) =>
        new(Options.Create(new StorageOptions { ConnectionString = connectionString }), counter);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(work);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            Path.Combine(RepositoryRoot.Path, "node_modules", "azurite", "dist", "src", "azurite.js"),
            "--silent", "--skipApiVersionCheck", "--inMemoryPersistence",
            "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
        })
        {
            start.ArgumentList.Add(arg);
        }

        azurite = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        azurite.OutputDataReceived += (_, _) => { };
        azurite.ErrorDataReceived += (_, _) => { };
        azurite.BeginOutputReadLine();
        azurite.BeginErrorReadLine();
        await WaitForPortAsync(tablePort);

        connectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
        Storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = connectionString }));
        await new StorageInitializer(Storage, new StorageQueueChannelWorkQueue(Storage, Options.Create(new ChannelWorkOptions()))).EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        if (azurite is { HasExited: false })
        {
            // Azurite ignores SIGTERM; it is stopped the hard way, which in memory loses nothing anyone needs.
            azurite.Kill(entireProcessTree: true);
            azurite.WaitForExit(10_000);
        }

        azurite?.Dispose();
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean with the rest of the temp folder.
        }

        return Task.CompletedTask;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort() => PayFunctions.Testing.LoopbackPorts.Free();

    private async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 300; i++)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                if (azurite!.HasExited)
                {
                    break;
                }

                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"Azurite never listened on {port}; run 'npm ci' at the repository root.");
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}

using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Storage;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// The real parts, on ports of their own: Azurite from npm with a fresh data folder, the WeChat Pay
/// sandbox, and LocalHost (Durable Task on Azurite) with the demo merchant and a second merchant.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public const string DemoApiKey = "sk_test_it_demo_00000000000000000000";
    public const string OtherApiKey = "sk_test_it_other_0000000000000000000";
    public const string DemoMerchantId = "mch_it_demo";
    public const string OtherMerchantId = "mch_it_other";
    public const string WebhookSecret = "whsec_aW50ZWdyYXRpb24tdGVzdC13ZWJob29rLXNlY3JldA==";
    public const string OperatorKey = "bootstrap_test_it_00000000000000";
    public const string WebhookSink = "it";

    /// <summary>How long the host lets a payer at the till confirm before it reverses the payment.</summary>
    public static readonly TimeSpan BarcodeConfirmWindow = TimeSpan.FromSeconds(6);

    /// <summary>
    /// How near a midnight a booking may be read as the neighbouring day's. The reconciliation tests must pay outside it,
    /// and wait when they start near midnight: the platform's five minutes would make that wait most of a run.
    /// </summary>
    public static readonly TimeSpan ReconciliationShiftWindow = TimeSpan.FromMinutes(1);

    // Free ports picked per test run, so several runs (and a developer's run-local.sh) can share a machine.
    private static readonly int BlobPort = FreePort();
    private static readonly int QueuePort = FreePort();
    private static readonly int TablePort = FreePort();
    private static readonly int ApiPort = FreePort();
    private static readonly int SidecarPort = FreePort();
    private static readonly int SandboxPort = FreePort();
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string work = Path.Combine(Path.GetTempPath(), "payfunctions-it-" + Guid.NewGuid().ToString("N")[..8]);
    private ManagedProcess? azurite;
    private ManagedProcess? sandbox;

    public static string ConnectionString { get; } =
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public ManagedProcess? Host { get; private set; }

    public HttpClient Api { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{ApiPort}/"), Timeout = TimeSpan.FromSeconds(60) };

    public HttpClient Sandbox { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{SandboxPort}/"), Timeout = TimeSpan.FromSeconds(30) };

    public StorageClients Storage { get; } = new(Options.Create(new StorageOptions { ConnectionString = ConnectionString }));

    public LedgerStore Ledger => new(Storage, new SettlementDueIndex(Storage));

    public string SecretsDirectory => Path.Combine(work, "secrets");

    /// <summary>Every LocalHost's output in full, one file per process (a restarted host writes a new one).</summary>
    private string HostLogsDirectory => Path.Combine(work, "host-logs");

    public static string RepositoryRoot { get; } = FindRoot();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(work);
        azurite = ManagedProcess.Start(
            "node",
            [
                Path.Combine(RepositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js"),
                "--silent", "--skipApiVersionCheck", "--location", Path.Combine(work, "azurite"),
                "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ],
            work,
            new Dictionary<string, string>());
        await WaitForPortAsync(TablePort, azurite);

        sandbox = ManagedProcess.Start(
            "dotnet",
            [BuiltDll("tools/ChannelSandbox", "ChannelSandbox"), "--urls", $"http://127.0.0.1:{SandboxPort}"],
            work,
            new Dictionary<string, string>
            {
                ["Sandbox__SecretsDirectory"] = SecretsDirectory,
                ["Sandbox__StateDirectory"] = Path.Combine(work, "sandbox"),
                ["Sandbox__StorageConnectionString"] = ConnectionString,

                // The channels' published schedules wait minutes before a retry; a test cannot.
                ["Sandbox__NotifyRetryDelays"] = "00:00:01,00:00:02,00:00:05,00:00:15,00:01:00",

                // Channels whose webhook endpoint is set on the account post to this host's notify route.
                ["Sandbox__PlatformBaseUrl"] = $"http://127.0.0.1:{ApiPort}/",
            });
        await WaitForHealthAsync(Sandbox, "health", sandbox);

        StartHost();
        await WaitForHealthAsync(Api, "api/health", Host!);
        await SeedOtherMerchantAsync();
        await LoadReferenceRatesAsync();
    }

    /// <summary>An operator's first step: today's reference rates, so payments in any currency can lock a quote.</summary>
    private async Task LoadReferenceRatesAsync()
    {
        using var request = Request(HttpMethod.Post, "api/ops/fx_rates", OperatorKey);
        request.Content = new StringContent(EcbReferenceRates.Daily(DateOnly.FromDateTime(DateTime.UtcNow)), System.Text.Encoding.UTF8, "application/xml");
        using var response = await Api.SendAsync(request);
        if (response.StatusCode is not (System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"Loading reference rates answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Starts LocalHost; the worker id stays the same so a restart takes its leases straight back.</summary>
    private void StartHost() => Host = StartLocalHost(ApiPort, SidecarPort, "integration", "integration-host", new Dictionary<string, string>
    {
        // Every test calls from loopback, and the bad-input tests alone answer 24 requests 401 within
        // seconds: the default of 30 failed authentications a minute per address would be shared by the
        // whole run. Every other limit keeps its default (the busiest test sends 20 concurrent creates).
        ["RateLimits__Unauthenticated__Limit"] = "100000",

        // The barcode tests wait for a payer who never confirms: the channels' 45 s would be most of the run.
        ["Payments__BarcodeConfirmWindow"] = BarcodeConfirmWindow.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Reconciliation__ShiftWindow"] = ReconciliationShiftWindow.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
    });

    /// <summary>
    /// A second LocalHost on the same storage and sandbox, with its own ports, task hub and settings,
    /// for tests that need configuration the shared host must not have.
    /// </summary>
    public async Task<(ManagedProcess Process, HttpClient Api)> StartExtraHostAsync(string taskHub, IReadOnlyDictionary<string, string> settings)
    {
        var apiPort = FreePort();
        var process = StartLocalHost(apiPort, FreePort(), taskHub, taskHub + "-host", settings);
        var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}/"), Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            await WaitForHealthAsync(api, "api/health", process);
            return (process, api);
        }
        catch
        {
            api.Dispose();
            process.Dispose();
            throw;
        }
    }

    private ManagedProcess StartLocalHost(int apiPort, int sidecarPort, string taskHub, string workerId, IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = ConnectionString,
            ["Secrets__LocalDirectory"] = SecretsDirectory,
            ["Durable__TaskHub"] = taskHub,
            ["Api__PublicBaseUrl"] = $"http://127.0.0.1:{apiPort}/",
            ["LocalHost__ApiUrl"] = $"http://127.0.0.1:{apiPort}",
            ["LocalHost__SidecarPort"] = sidecarPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LocalHost__StartAzurite"] = "false",
            ["LocalHost__WorkerId"] = workerId,
            ["DemoMerchant__Id"] = DemoMerchantId,
            ["DemoMerchant__ApiKey"] = DemoApiKey,
            ["DemoMerchant__WebhookUrl"] = $"http://127.0.0.1:{SandboxPort}/sandbox/webhooks/{WebhookSink}",
            ["DemoMerchant__WebhookSecret"] = WebhookSecret,
            ["DemoMerchant__OperatorKey"] = OperatorKey,
            // The demo merchant's webhooks go to the sandbox's sink on loopback over http.
            ["Webhooks__AllowPrivateNetworks"] = "true",

            // Hosts share the storage account: each polls its own channel queues, as each has its own task hub.
            ["ChannelWork__StorageQueuePrefix"] = "cw-" + taskHub,
        };
        foreach (var module in ChannelCatalog.All)
        {
            foreach (var setting in module.Capabilities.HostSettings)
            {
                environment[$"Channels__{module.Capabilities.ConfigurationKey}__Accounts__main__{setting}"] = $"http://127.0.0.1:{SandboxPort}";
            }
        }

        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return ManagedProcess.Start(
            "dotnet",
            [BuiltDll("functions/PayFunctions.LocalHost", "PayFunctions.LocalHost")],
            Path.Combine(RepositoryRoot, "functions", "PayFunctions.LocalHost"),
            environment,
            Path.Combine(HostLogsDirectory, $"{workerId}-{Guid.NewGuid():N}.log"));
    }

    public string HostLogTail()
    {
        var output = Host?.Output ?? "";
        return output.Length > 6000 ? output[^6000..] : output;
    }

    public async Task RestartHostAsync()
    {
        StartHost();
        await WaitForHealthAsync(Api, "api/health", Host!);
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string apiKey = DemoApiKey, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>
    /// The end of the run is where everything the platform wrote can be read: the hosts are stopped first, so nothing
    /// is written while it is read, then storage and the hosts' logs are scanned for secrets in the clear before Azurite
    /// goes. A finding fails the run (a collection fixture's cleanup failure fails <c>dotnet test</c>) and names where it
    /// is, never the value.
    /// </summary>
    public async Task DisposeAsync()
    {
        Host?.Dispose();
        sandbox?.Dispose();
        IReadOnlyList<Security.SecretFinding> findings = [];
        if (azurite is not null)
        {
            findings = await Security.EndOfRunScan.RunAsync(
                ConnectionString, HostLogsDirectory, SecretsDirectory, [("API key", DemoApiKey), ("API key", OtherApiKey), ("webhook secret", WebhookSecret), ("operator key", OperatorKey)]);
        }

        azurite?.Dispose();
        Api.Dispose();
        Sandbox.Dispose();
        await Task.Run(() =>
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying child; the temp folder is cleaned by the OS.
            }
        });
        if (findings.Count > 0)
        {
            throw new InvalidOperationException(
                $"The platform wrote {findings.Count} secret(s) in the clear:{Environment.NewLine}{string.Join(Environment.NewLine, findings.Take(50))}");
        }
    }

    /// <summary>The secrets LocalHost reads (it generated the pepper and key-encryption key at start).</summary>
    public ISecretStore Secrets => new LocalDirectorySecretStore(SecretsDirectory);

    public MerchantStore Merchants(TimeProvider time) => new(Storage, ApiKeys(time), new SecretEnvelope(Secrets), time);

    public ApiKeyStore ApiKeys(TimeProvider time) => new(Storage, Secrets, new SecretEnvelope(Secrets), time);

    private async Task SeedOtherMerchantAsync() =>
        await Merchants(TimeProvider.System).SeedAsync(
            new MerchantEntity { Id = OtherMerchantId, Name = "Other", FeeBasisPoints = 60 },
            OtherApiKey,
            WebhookSecret,
            CancellationToken.None);

    internal static int FreePort() => PayFunctions.Testing.LoopbackPorts.Free();

    private static string BuiltDll(string projectDirectory, string assembly)
    {
        var configuration = typeof(PlatformFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "Configuration").Value;
        var path = Path.Combine(RepositoryRoot, projectDirectory, "bin", configuration!, "net10.0", assembly + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {projectDirectory} first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PayFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }

    internal static async Task WaitForPortAsync(int port, ManagedProcess process)
    {
        for (var i = 0; i < 300; i++)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"Port {port} never opened:\n{process.Output}");
    }

    private static async Task WaitForHealthAsync(HttpClient client, string path, ManagedProcess process)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var response = await client.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"{client.BaseAddress}{path} never became healthy:\n{process.Output}");
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}

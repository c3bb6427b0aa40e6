using PayFunctions.CommandLine;

namespace PayFunctions.LoadDriver;

/// <summary>Command-line settings of one load run; only loopback targets are accepted.</summary>
public sealed record LoadOptions(Uri BaseUrl, string ApiKey, TimeSpan Duration, int Concurrency, TimeSpan Warmup)
{
    /// <summary>The channel sandbox, where <see cref="Complete"/> payments are paid.</summary>
    public Uri SandboxUrl { get; init; } = new("http://127.0.0.1:7080");

    /// <summary>How long LocalHost's idle storage traffic is counted before the run, to subtract it.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many of the created payments to pay and follow to their webhook, counting what that costs.</summary>
    public int Complete { get; init; }

    /// <summary>The storage the target uses, where the create's mix of requests is replayed without the platform.</summary>
    public string Storage { get; init; } = "UseDevelopmentStorage=true";

    /// <summary>How long the create's mix is replayed against <see cref="Storage"/>; 0 skips it.</summary>
    public TimeSpan MixDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Payments to create without measuring (see <see cref="Seeder"/>); 0 runs the measured load.</summary>
    public int Seed { get; init; }

    public const string DemoApiKey = "sk_test_demo_0000000000000000000000";
    public const int MaxDurationSeconds = 300;

    public const string Usage =
        "Usage: PayFunctions.LoadDriver [--url http://127.0.0.1:7071] [--api-key KEY] [--duration 30] [--concurrency 16] [--warmup 5] [--seed N]\n" +
        "                               [--idle 5] [--complete 0] [--sandbox-url http://127.0.0.1:7080] [--mix 20] [--storage CONNECTION]\n" +
        "  --url          API base address; only 127.0.0.1 or localhost (default http://127.0.0.1:7071)\n" +
        "  --api-key      merchant API key (default the demo merchant's key)\n" +
        "  --duration     measured seconds after warm-up, 1 to 300 (default 30)\n" +
        "  --concurrency  workers sending requests back to back, 1 to 1024 (default 16)\n" +
        "  --warmup       seconds of load before measuring, 0 to 300 (default 5)\n" +
        "  --idle         seconds of idle storage traffic counted before the run and subtracted, 1 to 60 (default 5)\n" +
        "  --complete     payments to pay at the sandbox afterwards and follow to their webhook, 0 to 10000 (default 0)\n" +
        "  --sandbox-url  channel sandbox address; only 127.0.0.1 or localhost (default http://127.0.0.1:7080)\n" +
        "  --mix          seconds to replay a create's storage requests straight against the storage, 0 to 300 (default 20; 0 skips)\n" +
        "  --storage      connection string of that storage; only a loopback emulator (default UseDevelopmentStorage=true)\n" +
        "  --seed         only create N payments with Prefer: wait=0 (2 in 5 expire after 60 s), 1 to 1000000";

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new OptionArguments(args, "--url", "--api-key", "--duration", "--concurrency", "--warmup", "--idle", "--complete", "--sandbox-url", "--mix", "--storage", "--seed");
        var url = options.Text("--url", "http://127.0.0.1:7071");
        var apiKey = options.Text("--api-key", DemoApiKey);
        var duration = options.WholeNumber("--duration", 30, 1, MaxDurationSeconds);
        var concurrency = options.WholeNumber("--concurrency", 16, 1, 1024);
        var warmup = options.WholeNumber("--warmup", 5, 0, MaxDurationSeconds);
        var seed = options.WholeNumber("--seed", 0, 1, 1_000_000);
        var idle = options.WholeNumber("--idle", 5, 1, 60);
        var complete = options.WholeNumber("--complete", 0, 0, 10_000);
        var mix = options.WholeNumber("--mix", 20, 0, MaxDurationSeconds);
        var storage = options.Text("--storage", "UseDevelopmentStorage=true");
        if (!IsLoopbackStorage(storage))
        {
            throw new ArgumentException("--storage is refused: only UseDevelopmentStorage=true or endpoints on 127.0.0.1 or localhost may be loaded.");
        }

        var baseUrl = LocalAddress("--url", url);
        var sandboxUrl = LocalAddress("--sandbox-url", options.Text("--sandbox-url", "http://127.0.0.1:7080"));

        if (apiKey.Length == 0)
        {
            throw new ArgumentException("--api-key must not be empty.");
        }

        return new LoadOptions(baseUrl, apiKey, TimeSpan.FromSeconds(duration), concurrency, TimeSpan.FromSeconds(warmup))
        {
            SandboxUrl = sandboxUrl,
            Idle = TimeSpan.FromSeconds(idle),
            Complete = complete,
            Storage = storage,
            MixDuration = TimeSpan.FromSeconds(mix),
            Seed = seed,
        };
    }

    private static Uri LocalAddress(string option, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"{option} {url} is not an http(s) address.");
        }

        return IsLocal(address) ? address : throw new ArgumentException($"{option} {url} is refused: only 127.0.0.1 and localhost may be loaded.");
    }

    /// <summary>The emulator's shorthand, or a connection string whose every endpoint is on this machine.</summary>
    private static bool IsLoopbackStorage(string connection)
    {
        if (connection.Trim().Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var endpoints = connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(part => part.Contains("Endpoint=", StringComparison.OrdinalIgnoreCase))
            .Select(part => part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..])
            .ToList();
        return endpoints.Count > 0 && endpoints.All(e => Uri.TryCreate(e, UriKind.Absolute, out var uri) && IsLocal(uri));
    }

    private static bool IsLocal(Uri url) =>
        url.Host == "127.0.0.1" || string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase);
}

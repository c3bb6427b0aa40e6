using PayFunctions.CommandLine;

namespace PayFunctions.LoadDriver;

/// <summary>Command-line settings of one load run; only loopback targets are accepted.</summary>
public sealed record LoadOptions(Uri BaseUrl, string ApiKey, TimeSpan Duration, int Concurrency, TimeSpan Warmup)
{
    /// <summary>Payments to create without measuring (see <see cref="Seeder"/>); 0 runs the measured load.</summary>
    public int Seed { get; init; }

    public const string DemoApiKey = "sk_test_demo_0000000000000000000000";
    public const int MaxDurationSeconds = 300;

    public const string Usage =
        "Usage: PayFunctions.LoadDriver [--url http://127.0.0.1:7071] [--api-key KEY] [--duration 30] [--concurrency 16] [--warmup 5] [--seed N]\n" +
        "  --url          API base address; only 127.0.0.1 or localhost (default http://127.0.0.1:7071)\n" +
        "  --api-key      merchant API key (default the demo merchant's key)\n" +
        "  --duration     measured seconds after warm-up, 1 to 300 (default 30)\n" +
        "  --concurrency  workers sending requests back to back, 1 to 1024 (default 16)\n" +
        "  --warmup       seconds of load before measuring, 0 to 300 (default 5)\n" +
        "  --seed         only create N payments with Prefer: wait=0 (2 in 5 expire after 60 s), 1 to 1000000";

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new OptionArguments(args, "--url", "--api-key", "--duration", "--concurrency", "--warmup", "--seed");
        var url = options.Text("--url", "http://127.0.0.1:7071");
        var apiKey = options.Text("--api-key", DemoApiKey);
        var duration = options.WholeNumber("--duration", 30, 1, MaxDurationSeconds);
        var concurrency = options.WholeNumber("--concurrency", 16, 1, 1024);
        var warmup = options.WholeNumber("--warmup", 5, 0, MaxDurationSeconds);
        var seed = options.WholeNumber("--seed", 0, 1, 1_000_000);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--url {url} is not an http(s) address.");
        }

        if (!IsLocal(baseUrl))
        {
            throw new ArgumentException($"--url {url} is refused: only 127.0.0.1 and localhost may be loaded.");
        }

        if (apiKey.Length == 0)
        {
            throw new ArgumentException("--api-key must not be empty.");
        }

        return new LoadOptions(baseUrl, apiKey, TimeSpan.FromSeconds(duration), concurrency, TimeSpan.FromSeconds(warmup)) { Seed = seed };
    }

    private static bool IsLocal(Uri url) =>
        url.Host == "127.0.0.1" || string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase);
}

using System.Diagnostics;
using System.Net;
using PayFunctions.LoadDriver;

LoadOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(LoadOptions.Usage);
        return 0;
    }

    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Concurrency + 2,
    AllowAutoRedirect = false,
    UseProxy = false,
};
using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };

try
{
    using var health = await http.GetAsync(new Uri(options.BaseUrl, "api/health"));
    if (health.StatusCode != HttpStatusCode.OK)
    {
        Console.Error.WriteLine($"{options.BaseUrl}api/health answered {(int)health.StatusCode}; is ./scripts/run-local.sh running?");
        return 1;
    }
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"{options.BaseUrl} is not reachable ({e.Message}); start it with ./scripts/run-local.sh.");
    return 1;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

if (options.Seed > 0)
{
    return await new Seeder(http, options).RunAsync(stop.Token);
}

var metering = await StorageMetering.StartAsync(http, options, stop.Token);
Console.WriteLine(
    $"Creating payments at {options.BaseUrl} with {options.Concurrency} workers: " +
    $"{options.Warmup.TotalSeconds:0} s warm-up, then {options.Duration.TotalSeconds:0} s measured (Ctrl+C stops early).");
var measuredFrom = DateTimeOffset.UtcNow + options.Warmup;
var run = new LoadRun(http, options);
var result = await run.RunAsync(stop.Token);
result = result with { Overhead = await OverheadReport.FetchAsync(http, options.BaseUrl, measuredFrom, CancellationToken.None) };
var costs = new List<StorageCost>();
if (metering is not null && await metering.PhaseAsync("create", run.Created.Count, stop.Token) is { } createCost)
{
    costs.Add(createCost);
}

if (options.Complete > 0 && run.Created.Count > 0)
{
    var paid = run.Created.Take(options.Complete).ToList();
    Console.WriteLine($"Paying {paid.Count} payments at {options.SandboxUrl} and waiting for their webhooks.");
    var started = Stopwatch.GetTimestamp();
    var completed = await new CompletionRun(http, options.SandboxUrl, options.Concurrency).RunAsync(paid, stop.Token);
    Console.WriteLine($"{completed} of {paid.Count} completed in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s.");
    result = result with { Completion = (paid.Count, completed) };
    if (metering is not null && await metering.PhaseAsync("completion", completed, stop.Token) is { } completionCost)
    {
        costs.Add(completionCost);
    }
}

result = result with { Storage = costs };
if (options.MixDuration > TimeSpan.Zero && costs.FirstOrDefault(c => c.Phase == "create") is { } mixOfCreate)
{
    Console.WriteLine($"Replaying a create's storage requests against the storage alone for {options.MixDuration.TotalSeconds:0} s with {options.Concurrency} workers.");
    var mix = await new StorageMix(options.Storage, options.Concurrency, options.MixDuration).RunAsync(mixOfCreate.Lines, stop.Token);
    result = result with { Mix = mix };
}

Console.WriteLine(result.ToText());
Console.WriteLine(result.ToJsonLine());
return result.Successes > 0 ? 0 : 1;

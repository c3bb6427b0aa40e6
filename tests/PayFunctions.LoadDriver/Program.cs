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
    MaxConnectionsPerServer = options.Concurrency,
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

Console.WriteLine(
    $"Creating payments at {options.BaseUrl} with {options.Concurrency} workers: " +
    $"{options.Warmup.TotalSeconds:0} s warm-up, then {options.Duration.TotalSeconds:0} s measured (Ctrl+C stops early).");
var result = await new LoadRun(http, options).RunAsync(stop.Token);
Console.WriteLine(result.ToText());
Console.WriteLine(result.ToJsonLine());
return result.Successes > 0 ? 0 : 1;

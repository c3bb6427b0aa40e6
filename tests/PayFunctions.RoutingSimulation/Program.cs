using PayFunctions.Core.Channels;
using Microsoft.Extensions.DependencyInjection;
using PayFunctions.Domain;
using PayFunctions.RoutingSimulation;
using PayFunctions.RoutingSimulation.Strategies;

SimulationOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(SimulationOptions.Usage);
        return 0;
    }

    options = SimulationOptions.Parse(args);
    if (!ChannelRegistry.TryGetMethod(options.Method, out _, out _))
    {
        throw new ArgumentException($"--method {options.Method} is not a method of any channel.");
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(SimulationOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

ChannelRegistry.TryGetMethod(options.Method, out var module, out var method);
Console.WriteLine($"Starting the channel sandbox; {options.PaymentCount} payments of {options.Method} over {options.Duration.TotalSeconds:0} s to each strategy.");
foreach (var account in Scenario.Accounts)
{
    Console.WriteLine($"  account {account.Letter}: fee {account.FeeBasisPoints / 100.0:0.00} %; {account.Story}");
}

Console.WriteLine($"  ours: Balanced, cost weight {options.CostWeight}, daily cap of {Scenario.LimitedAccount} = {Scenario.DailyLimit(options)} payments; seed {options.Seed}");
using var sandbox = await SandboxProcess.StartAsync(stop.Token);
using var sandboxClient = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
var runId = Guid.NewGuid().ToString("N")[..8];
string[] strategyNames = ["static", "round-robin", "ours"];
var accounts = strategyNames.ToDictionary(s => s, s => (IReadOnlyList<string>)[.. Scenario.Accounts.Select(a => FaultControl.Profile(s, a.Letter))]);

await using var platform = SimulatedPlatform.Build(sandbox, module, accounts.Values.SelectMany(a => a), OursStrategy.AddServices);
var orders = new AccountOrders(platform.GetRequiredService<ChannelRegistry>(), module.Capabilities.Name, options.Method, Currency.Parse(method.Currencies[0]), runId);
IStrategy[] strategies =
[
    new StaticStrategy(orders, accounts["static"]),
    new RoundRobinStrategy(orders, accounts["round-robin"]),
    OursStrategy.Create(platform, orders, accounts["ours"], options, options.Method, Currency.Parse(method.Currencies[0])),
];

var faults = new FaultControl(sandboxClient);
var records = await new SimulationRun(options, strategies, faults).RunAsync(Console.WriteLine, stop.Token);
var channelSide = new Dictionary<string, ChannelSideCounts>(StringComparer.Ordinal);
foreach (var strategy in strategyNames)
{
    foreach (var account in Scenario.Accounts)
    {
        channelSide[FaultControl.Profile(strategy, account.Letter)] = await faults.CountsAsync(strategy, account.Letter, stop.Token);
    }
}

var results = StrategyResult.From(records, strategyNames);
Console.WriteLine();
Console.WriteLine(StrategyResult.ToMarkdown(results, channelSide));
if (options.OutputPath is not null)
{
    await File.WriteAllTextAsync(options.OutputPath, StrategyResult.ToJson(results), stop.Token);
}

return 0;

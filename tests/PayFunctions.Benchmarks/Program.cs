using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Options;
using PayFunctions.Benchmarks;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Storage;

// `--routing` times the routing decision alone: pure, so it needs no store.
if (args.Contains("--routing"))
{
    BenchmarkRunner.Run<RoutingBenchmarks>(DefaultConfig.Instance
        .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default));
    return 0;
}

// `--ip-regions` times reading a country-sized IP-to-region database and one lookup: pure, so it needs no store.
if (args.Contains("--ip-regions"))
{
    BenchmarkRunner.Run<IpRegionBenchmarks>(DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default));
    return 0;
}

// `--screening` times one sanctions screening query against a generated list of 20 000 parties: pure, so it needs no store.
if (args.Contains("--screening"))
{
    new ScreeningBenchmarks { Entries = 20_000 }.Describe();
    BenchmarkRunner.Run<ScreeningBenchmarks>(DefaultConfig.Instance
        .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default));
    return 0;
}

// `--risk-score` times the learned risk score of one payment, features included: pure, so it needs no store.
if (args.Contains("--risk-score"))
{
    new RiskScoreBenchmarks().Describe();
    BenchmarkRunner.Run<RiskScoreBenchmarks>(DefaultConfig.Instance
        .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
        .AddColumn(StatisticColumn.P95)
        .AddDiagnoser(MemoryDiagnoser.Default));
    return 0;
}

// `--risk` times one risk evaluation (features, score, rules) in process: pure, so it needs no store.
if (args.Contains("--risk"))
{
    new RiskBenchmarks().Describe();
    BenchmarkRunner.Run<RiskBenchmarks>(DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default));
    return 0;
}

// `--reconciliation [--records N]` checks a generated statement day against its injected differences, then times its
// reconciliation: pure, so it needs no store.
if (args.Contains("--reconciliation"))
{
    ReconciliationBenchmarks.Records = Option("--records", 1_000_000);
    if (!ReconciliationCheck.Run(ReconciliationBenchmarks.Records))
    {
        return 1;
    }

    BenchmarkRunner.Run<ReconciliationBenchmarks>(DefaultConfig.Instance
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(Option("--iterations", 5)))
        .AddDiagnoser(MemoryDiagnoser.Default));
    return 0;
}

// `--azurite-growth 0,1000,3000` times the Durable engine's storage operations on Azurite as earlier payments accumulate.
if (Array.IndexOf(args, "--azurite-growth") is var growth and >= 0 && growth + 1 < args.Length)
{
    using var growthAzurite = await Azurite.StartAsync();
    await new AzuriteGrowth(growthAzurite.ConnectionString).RunAsync(args[growth + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList());
    return 0;
}

// Seeds an in-memory Azurite with merchants × entries captures, counts the table requests of each operation,
// then times them with BenchmarkDotNet in this process (the seeded Azurite lives only as long as it does).
var merchants = Option("--merchants", 1_000);
var entries = Option("--entries-per-merchant", 100);
var iterations = Option("--iterations", 5);
var now = DateTimeOffset.UtcNow;

using var azurite = await Azurite.StartAsync();
var context = new BenchmarkContext(azurite.ConnectionString, LedgerSeeder.Merchant(merchants / 2), now);
await new StorageInitializer(context.Storage, new StorageQueueChannelWorkQueue(context.Storage, Options.Create(new ChannelWorkOptions()))).EnsureCreatedAsync(CancellationToken.None);
Console.WriteLine($"Seeding {merchants} merchants × {entries} captures into Azurite...");
var seeding = await LedgerSeeder.SeedAsync(context.Storage, merchants, entries, now);
Console.WriteLine($"Seeded in {seeding.TotalSeconds:F0} s.");

Console.WriteLine();
Console.WriteLine("| operation | table requests | response bytes | result |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
await CountAsync("balance, whole journal (before)", context.BalanceFromWholeJournalAsync);
await CountAsync("balance, two account partitions (after)", context.BalanceFromAccountPartitionsAsync);
await CountAsync("settlement plan, whole journal (before)", context.SettlementPlanFromWholeJournalAsync);
await CountAsync("settlement of one account, first run of the day (after)", context.SettleOneAccountAsync);
await CountAsync("settlement of one account, run again (after)", context.SettleOneAccountAsync);
await CountAsync("settlement plan, due index (after)", async () => await context.PlanFromDueIndexAsync());
Console.WriteLine();

BenchmarkContext.Current = context;
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithStrategy(RunStrategy.Monitoring)
    .WithLaunchCount(1)
    .WithWarmupCount(1)
    .WithIterationCount(iterations);
BenchmarkRunner.Run<LedgerBenchmarks>(DefaultConfig.Instance.AddJob(job).AddDiagnoser(MemoryDiagnoser.Default));
return 0;

async Task CountAsync(string name, Func<Task<long>> operation)
{
    context.Counter.Reset();
    var result = await operation();
    Console.WriteLine($"| {name} | {context.Counter.Requests} | {context.Counter.Bytes:N0} | {result} |");
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

using BenchmarkDotNet.Attributes;
using PayFunctions.Domain.Reconciliation;
using PayFunctions.Domain.Tests.Reconciliation;

namespace PayFunctions.Benchmarks;

/// <summary>
/// One statement day of <see cref="Records"/> lines reconciled end to end: the platform's records indexed and every line,
/// generated one at a time, matched. Two baselines split the time: producing the lines alone, and indexing alone.
/// </summary>
[MemoryDiagnoser]
public class ReconciliationBenchmarks
{
    /// <summary>The seed of the generated day, printed with the results so a run can be repeated.</summary>
    public const int Seed = 20260302;

    /// <summary>Differences injected of each class.</summary>
    public const int PerClass = 100;

    private StatementDayGenerator day = null!;

    /// <summary>How many records the generated day has (one statement line each, besides injections and totalled lines).</summary>
    public static int Records { get; set; } = 1_000_000;

    [GlobalSetup]
    public void Setup() => day = new StatementDayGenerator(Records, PerClass, Seed);

    [Benchmark(Description = "generate the statement's lines only")]
    public long GenerateOnly()
    {
        long amount = 0;
        foreach (var line in day.Statement())
        {
            amount += line.Amount.MinorUnits;
        }

        return amount;
    }

    [Benchmark(Description = "index the platform's records only")]
    public StatementMatcher IndexOnly() => new(StatementDayGenerator.Day, day.Payments, day.Refunds);

    [Benchmark(Description = "reconcile: index, stream every line, classify")]
    public Task<ReconciliationResult> Reconcile() =>
        Reconciler.ReconcileAsync(StatementDayGenerator.Day, day.Payments, day.Refunds, day.Statement().ToAsyncEnumerable(), CancellationToken.None);
}

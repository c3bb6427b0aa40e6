using BenchmarkDotNet.Attributes;

namespace PayFunctions.Benchmarks;

/// <summary>One merchant's balance and one account's settlement, over the whole journal (before) and over account partitions (after).</summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private BenchmarkContext context = null!;

    [GlobalSetup]
    public void Setup() => context = BenchmarkContext.Current ?? throw new InvalidOperationException("Seed the store first.");

    [Benchmark(Description = "balance, whole journal (before)")]
    public Task<long> BalanceBefore() => context.BalanceFromWholeJournalAsync();

    [Benchmark(Description = "balance, two account partitions (after)")]
    public Task<long> BalanceAfter() => context.BalanceFromAccountPartitionsAsync();

    [Benchmark(Description = "settlement plan, whole journal (before)")]
    public Task<long> SettlementBefore() => context.SettlementPlanFromWholeJournalAsync();

    [Benchmark(Description = "settlement of one account (after)")]
    public Task<long> SettlementAfter() => context.SettleOneAccountAsync();

    [Benchmark(Description = "settlement plan, due index (after)")]
    public Task<int> PlanAfter() => context.PlanFromDueIndexAsync();
}

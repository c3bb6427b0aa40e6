using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Benchmarks;

/// <summary>The seeded store and the operations measured, shared by the request count and the timed runs.</summary>
public sealed class BenchmarkContext
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public BenchmarkContext(string connectionString, string merchant, DateTimeOffset now)
    {
        Counter = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(Counter, Azure.Core.HttpPipelinePosition.PerCall);
        Storage = new StorageClients(new StorageOptions { ConnectionString = connectionString }, options);
        Merchant = merchant;
        Day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, China).DateTime);
        Cutoff = SettlementCutoff.For(Day, China);
        var due = new SettlementDueIndex(Storage);
        Ledger = new LedgerStore(Storage, due);
        Recorder = new RecordSettlementActivity(Ledger, new SettlementStore(Storage), new SettlementStateStore(Storage), due, new FixedTime(now));
        Planner = new PlanSettlementActivity(due, new PayoutBlocks(new ScreeningHitStore(Storage), new FixedTime(now)), Options.Create(new SettlementOptions()));
    }

    /// <summary>Set once the store is seeded, for the timed runs (which the benchmark runner constructs itself).</summary>
    public static BenchmarkContext? Current { get; set; }

    public RequestCounter Counter { get; }

    public StorageClients Storage { get; }

    public string Merchant { get; }

    public DateOnly Day { get; }

    public SettlementCutoff Cutoff { get; }

    public LedgerStore Ledger { get; }

    public RecordSettlementActivity Recorder { get; }

    public PlanSettlementActivity Planner { get; }

    public string DayText => Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<long> BalanceFromWholeJournalAsync()
    {
        var entries = await WholeLedger.ReadAllAsync(Storage, CancellationToken.None);
        return WholeLedger.CreditBalance(entries, LedgerAccounts.Payable(Merchant), Currency.Cny)
            + WholeLedger.CreditBalance(entries, LedgerAccounts.PayoutsInTransit(Merchant), Currency.Cny);
    }

    /// <summary>What GET /v1/balance does after the endpoint has authenticated the merchant.</summary>
    public async Task<long> BalanceFromAccountPartitionsAsync()
    {
        var payable = LedgerAccounts.Payable(Merchant);
        var inTransit = LedgerAccounts.PayoutsInTransit(Merchant);
        var reads = await Task.WhenAll(Ledger.ReadAccountAsync(payable, CancellationToken.None), Ledger.ReadAccountAsync(inTransit, CancellationToken.None));
        return LedgerBalances.CreditBalance(reads[0], payable).Sum(m => m.MinorUnits) + LedgerBalances.CreditBalance(reads[1], inTransit).Sum(m => m.MinorUnits);
    }

    public async Task<long> SettlementPlanFromWholeJournalAsync()
    {
        var entries = await WholeLedger.ReadAllAsync(Storage, CancellationToken.None);
        return WholeLedger.Plan(entries, Cutoff.CutoffUtc).GetValueOrDefault(Merchant);
    }

    public async Task<long> SettleOneAccountAsync() =>
        (await Recorder.ExecuteAsync(
            new SettlementPlanItem(SettlementPlanner.SettlementId(Day, Merchant, Currency.Cny), Merchant, "CNY", DayText, Cutoff.CutoffUtc),
            CancellationToken.None)).Amount;

    public async Task<int> PlanFromDueIndexAsync() => (await Planner.ExecuteAsync(new SettlementInput(DayText), CancellationToken.None)).Count;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

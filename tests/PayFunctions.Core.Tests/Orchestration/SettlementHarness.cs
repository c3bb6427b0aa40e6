using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Orchestration;

/// <summary>
/// The real settlement orchestrators and activities on the in-process Durable Task host, over real tables in
/// Azurite, with a clock the test moves. <see cref="FailingAccount"/> makes recording one account fail, as a
/// storage fault confined to that account would.
/// </summary>
public sealed class SettlementHarness : IAsyncDisposable
{
    public static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(90));
    private DurableTaskTestHost? host;

    public SettlementHarness(StorageClients storage, DateTimeOffset now)
    {
        Storage = storage;
        Time = new FakeTimeProvider(now);
        Due = new SettlementDueIndex(storage);
        Ledger = new LedgerStore(storage, Due);
        Settlements = new SettlementStore(storage);
        States = new SettlementStateStore(storage);
        Days = new SettlementDayStore(storage);
        Audit = new AuditLog(storage, Microsoft.Extensions.Options.Options.Create(new AuditOptions { Chain = "s" + Guid.NewGuid().ToString("N")[..16] }), Time, NullLogger<AuditLog>.Instance);
        Scheduler = new SettlementScheduler(Options, Time, Days, Audit);
    }

    public static IOptions<SettlementOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new SettlementOptions());

    public StorageClients Storage { get; }

    public FakeTimeProvider Time { get; }

    public SettlementDueIndex Due { get; }

    public LedgerStore Ledger { get; }

    public SettlementStore Settlements { get; }

    public SettlementStateStore States { get; }

    public SettlementDayStore Days { get; }

    public SettlementScheduler Scheduler { get; }

    /// <summary>The run's audit records, on a chain of the harness's own.</summary>
    public AuditLog Audit { get; }

    public string? FailingAccount { get; set; }

    public CancellationToken Cancellation => timeout.Token;

    public DurableTaskClient Client => host?.Client ?? throw new InvalidOperationException("Call StartAsync first.");

    public RecordSettlementActivity Recorder() => new(Ledger, Settlements, States, Due, Time);

    public static DateTimeOffset ChinaTime(DateOnly day, int hour, int minute = 0) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8)).ToUniversalTime();

    public static SettlementCutoff Cutoff(DateOnly day) => SettlementCutoff.For(day, China);

    public static SettlementPlanItem Item(string account, DateOnly day) =>
        new(SettlementPlanner.SettlementId(day, account, Currency.Cny), account, "CNY", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Cutoff(day).CutoffUtc);

    public static JournalEntry Capture(string merchant, long gross, DateTimeOffset at)
    {
        var money = new Money(gross, Currency.Cny);
        var id = "je_" + Guid.NewGuid().ToString("N")[..12];
        return Postings.PaymentCaptured(id, "pay_" + id, "wechat_pay", money, SplitCalculator.Allocate(money, new FeeSchedule(60, 0), merchant, null), at);
    }

    public async Task<SettlementHarness> StartAsync()
    {
        var plan = new PlanSettlementActivity(Due, new PayoutBlocks(new ScreeningHitStore(Storage), Time), Options);
        var record = Recorder();
        var complete = new CompleteSettlementDayActivity(Days, Time);
        host = await TestHosts.StartAsync(
            registry =>
            {
                registry.AddOrchestrator<SettlementOrchestrator>();
                registry.AddOrchestrator<SettlementCatchUpOrchestrator>();
                registry.AddActivity(plan);
                registry.AddActivity(complete);
                registry.AddActivityFunc<SettlementPlanItem, SettlementRecordResult>(nameof(RecordSettlementActivity), (_, item) =>
                    item.AccountId == FailingAccount
                        ? throw new InvalidOperationException($"The table service refused {item.AccountId}.")
                        : record.ExecuteAsync(item, CancellationToken.None));
            },
            cancellationToken: timeout.Token);
        return this;
    }

    public async Task<List<SettlementDayResult>> WaitForCatchUpAsync(string instanceId)
    {
        var done = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<List<SettlementDayResult>>()!;
    }

    /// <summary>What the ledger says was settled to the account: the credits of its payouts-in-transit account, by settlement.</summary>
    public async Task<IReadOnlyList<(string SettlementId, long Amount)>> SettledAsync(string account) =>
        [
            .. (await Ledger.ReadAccountAsync(LedgerAccounts.PayoutsInTransit(account), CancellationToken.None))
                .Select(l => (l.Reference, l.Credits))
                .OrderBy(s => s.Reference, StringComparer.Ordinal),
        ];

    public async Task<long> PayableAsync(string account) =>
        (await Ledger.ReadAccountAsync(LedgerAccounts.Payable(account), CancellationToken.None)).Sum(l => l.CreditBalance.MinorUnits);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        timeout.Dispose();
        Audit.Dispose();
    }
}

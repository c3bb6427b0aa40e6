using PayFunctions.Core.Audit;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Orchestration;

/// <summary>Settlement against real tables: concurrency, crashes between steps, failures confined to one account, re-runs.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SettlementStorageTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 5, 10);

    private static string NewMerchant() => "mch_" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task TwoDaysForOneAccount_RecordedConcurrently_PayEveryCaptureOnce()
    {
        await using var harness = new SettlementHarness(azurite.Storage, SettlementHarness.ChinaTime(Day.AddDays(1), 1));
        for (var round = 0; round < 4; round++)
        {
            var merchant = NewMerchant();
            string Id(int day) => SettlementPlanner.SettlementId(Day.AddDays(day), merchant, Currency.Cny);

            // An earlier day settled first, so the racing batches contend on replacing an existing state row.
            await harness.Ledger.PostAsync(SettlementHarness.Capture(merchant, 5_000, SettlementHarness.ChinaTime(Day.AddDays(-2), 12)), CancellationToken.None);
            await harness.Recorder().ExecuteAsync(SettlementHarness.Item(merchant, Day.AddDays(-1)), CancellationToken.None);
            await harness.Ledger.PostAsync(SettlementHarness.Capture(merchant, 10_000, SettlementHarness.ChinaTime(Day.AddDays(-1), 12)), CancellationToken.None);
            await harness.Ledger.PostAsync(SettlementHarness.Capture(merchant, 1_000, SettlementHarness.ChinaTime(Day, 12)), CancellationToken.None);

            // Three attempts of each day's batch at once, each its own activity instance, racing on the same account.
            var results = await Task.WhenAll(Enumerable.Range(0, 6)
                .Select(i => Task.Run(() => harness.Recorder().ExecuteAsync(SettlementHarness.Item(merchant, Day.AddDays(i % 2)), CancellationToken.None))));

            var settled = await harness.SettledAsync(merchant);
            Assert.Equal(4_970 + 10_934, settled.Sum(s => s.Amount));
            Assert.True(
                settled.SequenceEqual([(Id(-1), 4_970L), (Id(0), 9_940L), (Id(1), 994L)]) || settled.SequenceEqual([(Id(-1), 4_970L), (Id(1), 10_934L)]),
                string.Join(", ", settled));
            Assert.Equal(0, await harness.PayableAsync(merchant));
            Assert.Equal(10_934, results.Where(r => r.Result == SettlementRecordResults.Settled).DistinctBy(r => r.Amount).Sum(r => r.Amount));
            var records = await harness.Settlements.ListAsync(merchant, CancellationToken.None);
            Assert.Equal(settled, records.Select(r => (r.Id, r.Amount)).OrderBy(r => r.Id, StringComparer.Ordinal));
            var (state, _) = await harness.States.ReadAsync(merchant, Currency.Cny, CancellationToken.None);
            Assert.Equal(new SettlementAccountState(4_970 + 10_934, null), state);
        }
    }

    [Fact]
    public async Task SettlementLeftHalfWrittenByADeadRun_IsCompletedByTheNextRunOfAnotherDay()
    {
        await using var harness = new SettlementHarness(azurite.Storage, SettlementHarness.ChinaTime(Day.AddDays(1), 1));
        var merchant = NewMerchant();
        await harness.Ledger.PostAsync(SettlementHarness.Capture(merchant, 10_000, SettlementHarness.ChinaTime(Day.AddDays(-1), 12)), CancellationToken.None);
        await harness.Ledger.PostAsync(SettlementHarness.Capture(merchant, 1_000, SettlementHarness.ChinaTime(Day, 12)), CancellationToken.None);
        var deadId = SettlementPlanner.SettlementId(Day, merchant, Currency.Cny);
        var intent = new SettlementIntent(deadId, Day, SettlementHarness.Cutoff(Day).CutoffUtc, new Money(9_940, Currency.Cny), SettlementHarness.ChinaTime(Day, 0, 30));
        Assert.NotNull(await harness.States.TryWriteAsync(merchant, Currency.Cny, new SettlementAccountState(9_940, intent), null, CancellationToken.None));

        var next = await harness.Recorder().ExecuteAsync(SettlementHarness.Item(merchant, Day.AddDays(1)), CancellationToken.None);
        var rerun = await harness.Recorder().ExecuteAsync(SettlementHarness.Item(merchant, Day), CancellationToken.None);

        Assert.Equal(new SettlementRecordResult(SettlementRecordResults.Settled, 994), next);
        Assert.Equal(SettlementRecordResults.AlreadyRecorded, rerun.Result);
        Assert.Equal([(deadId, 9_940L), (SettlementPlanner.SettlementId(Day.AddDays(1), merchant, Currency.Cny), 994L)], await harness.SettledAsync(merchant));
        Assert.Equal(intent.CreatedAt, (await harness.Ledger.ReadEntryAsync(intent.JournalEntryId, CancellationToken.None))!.PostedAt);
    }

    [Fact]
    public async Task AccountWithNothingOwed_LeavesTheIndex_AndAPostingAfterwardsPutsItBack()
    {
        await using var harness = new SettlementHarness(azurite.Storage, SettlementHarness.ChinaTime(Day, 1));
        var merchant = NewMerchant();
        await harness.Ledger.PostAsync(SettlementHarness.Capture(merchant, 10_000, SettlementHarness.ChinaTime(Day.AddDays(-1), 12)), CancellationToken.None);
        await harness.Ledger.PostAsync(SettlementHarness.Capture(merchant, 1_000, SettlementHarness.ChinaTime(Day, 0, 10)), CancellationToken.None);

        await harness.Recorder().ExecuteAsync(SettlementHarness.Item(merchant, Day), CancellationToken.None);
        Assert.NotNull(await harness.Due.ReadVersionAsync(merchant, "CNY", CancellationToken.None));

        await harness.Recorder().ExecuteAsync(SettlementHarness.Item(merchant, Day.AddDays(1)), CancellationToken.None);
        Assert.Null(await harness.Due.ReadVersionAsync(merchant, "CNY", CancellationToken.None));

        await harness.Ledger.PostAsync(SettlementHarness.Capture(merchant, 500, SettlementHarness.ChinaTime(Day.AddDays(1), 9)), CancellationToken.None);
        Assert.NotNull(await harness.Due.ReadVersionAsync(merchant, "CNY", CancellationToken.None));
    }

    [Fact]
    public async Task OneAccountsFailure_DoesNotBlockTheOthers_AndTheDayRunsAgainToCompletion()
    {
        await using var harness = await new SettlementHarness(azurite.Storage, SettlementHarness.ChinaTime(Day.AddDays(1), 1)).StartAsync();
        var good = NewMerchant();
        var bad = NewMerchant();
        foreach (var merchant in new[] { good, bad })
        {
            await harness.Ledger.PostAsync(SettlementHarness.Capture(merchant, 10_000, SettlementHarness.ChinaTime(Day.AddDays(-1), 12)), CancellationToken.None);
        }

        harness.FailingAccount = bad;
        var (firstId, first) = await harness.Scheduler.RunDayAsync(harness.Client, Day, harness.Cancellation);

        Assert.Equal(SettlementDayStatus.Partial, first.Status);
        var failure = Assert.Single(first.Failed);
        Assert.Equal((bad, "CNY"), (failure.AccountId, failure.Currency));
        Assert.Contains("refused", failure.Error, StringComparison.Ordinal);
        Assert.Equal([(SettlementPlanner.SettlementId(Day, good, Currency.Cny), 9_940L)], await harness.SettledAsync(good));
        Assert.Empty(await harness.SettledAsync(bad));
        Assert.Equal(SettlementDayStatus.Partial, (await harness.Days.GetAsync(Day, CancellationToken.None))!.Status);

        harness.FailingAccount = null;
        var (secondId, second) = await harness.Scheduler.RunDayAsync(harness.Client, Day, harness.Cancellation);

        Assert.NotEqual(firstId, secondId);
        Assert.Equal(SettlementDayStatus.Completed, second.Status);
        Assert.Empty(second.Failed);
        Assert.Equal([(SettlementPlanner.SettlementId(Day, bad, Currency.Cny), 9_940L)], await harness.SettledAsync(bad));
        Assert.Equal([(SettlementPlanner.SettlementId(Day, good, Currency.Cny), 9_940L)], await harness.SettledAsync(good));
        Assert.Equal(SettlementDayStatus.Completed, (await harness.Days.GetAsync(Day, CancellationToken.None))!.Status);

        var (_, third) = await harness.Scheduler.RunDayAsync(harness.Client, Day, harness.Cancellation);

        Assert.Equal((SettlementDayStatus.Completed, 0), (third.Status, third.Recorded));
        Assert.Single(await harness.SettledAsync(bad));
        Assert.Single(await harness.SettledAsync(good));
    }
}

/// <summary>The daily run against a store of its own, so no other test's days are in its record.</summary>
public sealed class SettlementCatchUpTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture azurite;

    public SettlementCatchUpTests(AzuriteFixture azurite) => this.azurite = azurite;

    [Fact]
    public async Task DailyRun_AfterMissedDays_SettlesEachMissedDayInOrder_ThenHasNothingToDo()
    {
        var first = new DateOnly(2026, 6, 1);
        await using var harness = await new SettlementHarness(azurite.Storage, SettlementHarness.ChinaTime(first, 0, 30)).StartAsync();
        var merchant = "mch_" + Guid.NewGuid().ToString("N")[..10];
        for (var day = 0; day < 4; day++)
        {
            await harness.Ledger.PostAsync(
                SettlementHarness.Capture(merchant, 1_000 * (day + 1), SettlementHarness.ChinaTime(first.AddDays(day - 1), 15)), CancellationToken.None);
        }

        var firstRun = await harness.Scheduler.CatchUpAsync(harness.Client, harness.Cancellation);
        Assert.Equal(["2026-06-01"], (await harness.WaitForCatchUpAsync(firstRun!)).Select(r => r.SettlementDate));

        // The timer did not fire for two nights; on the third it catches up.
        harness.Time.Advance(TimeSpan.FromDays(3));
        var catchUp = await harness.Scheduler.CatchUpAsync(harness.Client, harness.Cancellation);
        var results = await harness.WaitForCatchUpAsync(catchUp!);

        Assert.Equal(["2026-06-02", "2026-06-03", "2026-06-04"], results.Select(r => r.SettlementDate));
        Assert.All(results, r => Assert.Equal(SettlementDayStatus.Completed, r.Status));
        Assert.Equal(
            [
                (SettlementPlanner.SettlementId(first, merchant, Currency.Cny), 994L),
                (SettlementPlanner.SettlementId(first.AddDays(1), merchant, Currency.Cny), 1_988L),
                (SettlementPlanner.SettlementId(first.AddDays(2), merchant, Currency.Cny), 2_982L),
                (SettlementPlanner.SettlementId(first.AddDays(3), merchant, Currency.Cny), 3_976L),
            ],
            await harness.SettledAsync(merchant));
        Assert.Null(await harness.Scheduler.CatchUpAsync(harness.Client, harness.Cancellation));
        var audited = await harness.Audit.ReadHeadAsync(CancellationToken.None);
        Assert.Equal(
            (2L, AuditEventTypes.SettlementRun, AuditActors.System, catchUp, "{\"days\":3,\"through\":\"2026-06-04\"}"),
            (audited!.Sequence, audited.Type, audited.Actor, audited.Subject, audited.Detail));
    }

}

/// <summary>The daily run picking up a day that failed in part, against a store of its own.</summary>
public sealed class SettlementDailyRetryTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture azurite;

    public SettlementDailyRetryTests(AzuriteFixture azurite) => this.azurite = azurite;

    [Fact]
    public async Task DailyRun_RetriesADayThatOnlyPartlySettled()
    {
        var first = new DateOnly(2027, 2, 1);
        await using var harness = await new SettlementHarness(azurite.Storage, SettlementHarness.ChinaTime(first, 0, 30)).StartAsync();
        var merchant = "mch_" + Guid.NewGuid().ToString("N")[..10];
        await harness.Ledger.PostAsync(SettlementHarness.Capture(merchant, 1_000, SettlementHarness.ChinaTime(first.AddDays(-1), 15)), CancellationToken.None);
        harness.FailingAccount = merchant;
        var (_, partial) = await harness.Scheduler.RunDayAsync(harness.Client, first, harness.Cancellation);
        Assert.Equal(SettlementDayStatus.Partial, partial.Status);

        harness.FailingAccount = null;
        harness.Time.Advance(TimeSpan.FromDays(1));
        var results = await harness.WaitForCatchUpAsync((await harness.Scheduler.CatchUpAsync(harness.Client, harness.Cancellation))!);

        Assert.Contains(results, r => r.SettlementDate == "2027-02-01" && r.Status == SettlementDayStatus.Completed);
        Assert.Equal([(SettlementPlanner.SettlementId(first, merchant, Currency.Cny), 994L)], await harness.SettledAsync(merchant));
    }
}

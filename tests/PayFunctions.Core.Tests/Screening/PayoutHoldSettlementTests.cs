using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Tests.Orchestration;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Tests.Screening;

/// <summary>A day's batch against a store of its own: a held party is reported and left owed, and paid once its hit is dismissed.</summary>
public sealed class PayoutHoldSettlementTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateOnly Day = new(2026, 7, 1);

    [Fact]
    public async Task A_held_receiver_is_reported_not_paid_and_paid_by_the_run_after_its_hit_is_dismissed()
    {
        await using var harness = await new SettlementHarness(azurite.Storage, SettlementHarness.ChinaTime(Day, 1)).StartAsync();
        var merchant = "mch_" + Guid.NewGuid().ToString("N")[..10];
        var receiver = "acct_" + Guid.NewGuid().ToString("N")[..24];
        await harness.Ledger.PostAsync(SettlementHarness.Capture(merchant, 10_000, SettlementHarness.ChinaTime(Day.AddDays(-1), 12)), CancellationToken.None);
        await harness.Ledger.PostAsync(SettlementHarness.Capture(receiver, 5_000, SettlementHarness.ChinaTime(Day.AddDays(-1), 12)), CancellationToken.None);
        var hits = new ScreeningHitStore(azurite.Storage);
        var listed = new SanctionsEntry(SanctionsListSource.UnConsolidated, "6908001", "QDi.901", SanctionedPartyType.Individual, "ANNA SERGEEVNA PRIMEROVA", [], ["Al-Qaida"]);
        using var index = new SanctionsIndex(new SanctionsLists(azurite.Storage, harness.Time), Options.Create(new ScreeningOptions()), harness.Time, NullLogger<SanctionsIndex>.Instance);
        var screener = new SanctionsScreener(
            index, hits, new PayoutBlocks(hits, harness.Time), Options.Create(new ScreeningOptions()), harness.Time, NullLogger<SanctionsScreener>.Instance);
        var hit = Assert.Single(await screener.ScreenAsync(ScreeningIndex.Build([listed]), ScreenedParty.Account(merchant, receiver, "Anna Primerowa"), CancellationToken.None));

        var (_, held) = await harness.Scheduler.RunDayAsync(harness.Client, Day, harness.Cancellation);

        // The merchant, the platform's fee account and the receiver are owed; the receiver alone is held.
        Assert.Equal((SettlementDayStatus.Completed, 3, 2), (held.Status, held.Accounts, held.Recorded));
        Assert.Equal([new SettlementHeld(receiver, "CNY")], held.Held);
        Assert.Equal([(SettlementPlanner.SettlementId(Day, merchant, Currency.Cny), 9_940L)], await harness.SettledAsync(merchant));
        Assert.Empty(await harness.SettledAsync(receiver));
        Assert.Equal(4_970, await harness.PayableAsync(receiver));
        Assert.Equal(1, (await harness.Days.GetAsync(Day, CancellationToken.None))!.Held);

        Assert.True(await hits.ReviewAsync(hit, ScreeningHitStatuses.Dismissed, "Different person", "operator:op_a", harness.Time.GetUtcNow(), CancellationToken.None));
        var (_, rerun) = await harness.Scheduler.RunDayAsync(harness.Client, Day, harness.Cancellation);

        Assert.Empty(rerun.Held!);
        Assert.Equal([(SettlementPlanner.SettlementId(Day, receiver, Currency.Cny), 4_970L)], await harness.SettledAsync(receiver));
        Assert.Equal(0, await harness.PayableAsync(receiver));
    }
}

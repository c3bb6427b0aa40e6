using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

public sealed class SettlementTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateOnly Date = new(2026, 11, 28);

    private static Money Cny(long fen) => new(fen, Currency.Cny);

    private static JournalEntry Capture(string id, long gross, DateTimeOffset at, string merchant = "acct_m")
    {
        var allocations = SplitCalculator.Allocate(Cny(gross), new FeeSchedule(60, 0), merchant, null);
        return Postings.PaymentCaptured(id, "pay_" + id, "alipay", Cny(gross), allocations, at);
    }

    private static List<JournalEntry> Settle(IReadOnlyList<SettlementLine> plan, DateOnly date, DateTimeOffset at) =>
        plan.Select(l => SettlementPlanner.SettlementId(date, l.AccountId, l.Amount.Currency))
            .Zip(plan, (id, l) => Postings.Settlement("je_" + id, id, l.AccountId, l.Amount, at))
            .ToList();

    [Fact]
    public void Cutoff_is_midnight_china_standard_time()
    {
        var cutoff = SettlementCutoff.For(Date, China);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero), cutoff.CutoffUtc);
        Assert.Equal(TimeSpan.Zero, cutoff.CutoffUtc.Offset);
        Assert.Equal(Date, cutoff.SettlementDate);
    }

    [Fact]
    public void Cutoff_where_midnight_does_not_exist_is_the_first_instant_of_the_day()
    {
        // Clocks jump from 00:00 to 01:00 at +02:00, so the day starts at 22:00 UTC the evening before.
        var zone = ZoneWithTransitionsAtMidnight();

        var cutoff = SettlementCutoff.For(new DateOnly(2026, 3, 29), zone);

        Assert.Equal(new DateTimeOffset(2026, 3, 28, 22, 0, 0, TimeSpan.Zero), cutoff.CutoffUtc);
    }

    [Fact]
    public void Cutoff_where_midnight_happens_twice_is_the_first_of_them()
    {
        // Clocks fall back from 01:00 to 00:00, so local midnight is first reached at 00:00 +03:00.
        var zone = ZoneWithTransitionsAtMidnight();

        var cutoff = SettlementCutoff.For(new DateOnly(2026, 10, 25), zone);

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 21, 0, 0, TimeSpan.Zero), cutoff.CutoffUtc);
    }

    [Fact]
    public void Plan_includes_only_entries_posted_strictly_before_the_cutoff()
    {
        var cutoff = SettlementCutoff.For(Date, China);
        var entries = new[]
        {
            Capture("a", 10_000, cutoff.CutoffUtc.AddTicks(-1)),
            Capture("b", 20_000, cutoff.CutoffUtc),
            Capture("c", 5_000, cutoff.CutoffUtc.AddHours(-20), "acct_b"),
        };

        var plan = SettlementPlanner.Plan(entries, cutoff);

        Assert.Equal(
            [new SettlementLine("acct_b", Cny(4_970)), new SettlementLine("acct_m", Cny(9_940)), new SettlementLine("platform", Cny(90))],
            plan);
    }

    [Fact]
    public void Plan_is_per_currency_ordered_by_account_then_currency()
    {
        var usd = Currency.Parse("USD");
        var at = new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);
        var dollars = new Money(300, usd);
        var entries = new[]
        {
            Postings.PaymentCaptured("je_usd", "pay_usd", "paypal", dollars, SplitCalculator.Allocate(dollars, FeeSchedule.None, "acct_m", null), at),
            Capture("a", 100, at),
        };

        var plan = SettlementPlanner.Plan(entries, SettlementCutoff.For(Date, China));

        Assert.Equal(
            [new SettlementLine("acct_m", Cny(99)), new SettlementLine("acct_m", dollars), new SettlementLine("platform", Cny(1))],
            plan);
    }

    [Fact]
    public void Earlier_settlements_are_netted_out_of_the_next_batch()
    {
        var firstCutoff = SettlementCutoff.For(Date, China);
        var ledger = new List<JournalEntry> { Capture("a", 10_000, firstCutoff.CutoffUtc.AddHours(-1)) };
        ledger.AddRange(Settle(SettlementPlanner.Plan(ledger, firstCutoff), Date, firstCutoff.CutoffUtc.AddHours(2)));
        ledger.Add(Capture("b", 1_000, firstCutoff.CutoffUtc.AddHours(3)));

        var plan = SettlementPlanner.Plan(ledger, SettlementCutoff.For(Date.AddDays(1), China));

        Assert.Equal([new SettlementLine("acct_m", Cny(994)), new SettlementLine("platform", Cny(6))], plan);
    }

    [Property(MaxTest = 200)]
    public Property Settling_a_batch_then_planning_it_again_gives_nothing() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(-48, 47).Zip(Gen.Choose(1, 1_000_000))).ToArbitrary(),
            Gen.Choose(0, 600).ToArbitrary(),
            (payments, settleMinutesAfterCutoff) =>
            {
                var cutoff = SettlementCutoff.For(Date, China);
                var ledger = payments
                    .Select((p, i) => Capture("je_" + i, p.Item2, cutoff.CutoffUtc.AddHours(p.Item1), i % 2 == 0 ? "acct_even" : "acct_odd"))
                    .ToList();
                var plan = SettlementPlanner.Plan(ledger, cutoff);
                ledger.AddRange(Settle(plan, Date, cutoff.CutoffUtc.AddMinutes(settleMinutesAfterCutoff)));

                Assert.Empty(SettlementPlanner.Plan(ledger, cutoff));
                Assert.Empty(LedgerInvariants.Check(ledger));
                Assert.All(plan, l => Assert.True(l.Amount.IsPositive));
                var expected = ledger.Where(e => e.PostedAt < cutoff.CutoffUtc && e.Kind == Postings.PaymentCapturedKind).Sum(e => e.Lines[0].Amount.MinorUnits);
                Assert.Equal(expected, plan.Sum(l => l.Amount.MinorUnits));
            });

    [Fact]
    public void Another_days_settlement_posted_later_does_not_change_a_past_batch()
    {
        var cutoff = SettlementCutoff.For(Date, China);
        var ledger = new List<JournalEntry> { Capture("a", 10_000, cutoff.CutoffUtc.AddHours(-1)) };
        var plan = SettlementPlanner.Plan(ledger, cutoff);
        ledger.AddRange(Settle(plan, Date.AddDays(1), cutoff.CutoffUtc.AddDays(1)));

        Assert.Equal(plan, SettlementPlanner.Plan(ledger, cutoff));
    }

    [Fact]
    public void Settlement_ids_are_deterministic_and_sanitised()
    {
        Assert.Equal("stl_20261128_acct_1_cny", SettlementPlanner.SettlementId(Date, "acct_1", Currency.Cny));
        Assert.Equal(SettlementPlanner.SettlementId(Date, "Acct-1", Currency.Cny), SettlementPlanner.SettlementId(Date, "Acct-1", Currency.Cny));
        Assert.Matches("^stl_20261128_acct_1_[0-9a-f]{8}_jpy$", SettlementPlanner.SettlementId(Date, "Acct-1", Currency.Parse("JPY")));
        Assert.NotEqual(SettlementPlanner.SettlementId(Date, "acct-1", Currency.Cny), SettlementPlanner.SettlementId(Date, "acct.1", Currency.Cny));
        Assert.NotEqual(SettlementPlanner.SettlementId(Date, "acct-1", Currency.Cny), SettlementPlanner.SettlementId(Date, "acct_1", Currency.Cny));
        Assert.Matches("^[a-z0-9_]+$", SettlementPlanner.SettlementId(Date, "商户:1", Currency.Cny));
    }

    private static TimeZoneInfo ZoneWithTransitionsAtMidnight()
    {
        var start = TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 0, 0, 0), 3, 29);
        var end = TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 1, 0, 0), 10, 25);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
        return TimeZoneInfo.CreateCustomTimeZone("Test/Midnight", TimeSpan.FromHours(2), "Midnight", "Midnight", "Midnight Summer", [rule]);
    }

    [Fact]
    public void Late_payment_is_held_in_suspense_and_never_settled()
    {
        var at = SettlementCutoff.For(Date, China).CutoffUtc.AddHours(-3);
        var late = Postings.LatePaymentReceived("je_late", "pay_late", "wechat_pay", Cny(4200), at);
        var capture = Capture("c1", 10000, at);

        var plan = SettlementPlanner.Plan([capture, late], SettlementCutoff.For(Date, China));

        Assert.Contains(late.Lines, l => l.Account == LedgerAccounts.LatePaymentsSuspense && l.Side == EntrySide.Credit && l.Amount == Cny(4200));
        Assert.Contains(late.Lines, l => l.Account == LedgerAccounts.ChannelClearing("wechat_pay") && l.Side == EntrySide.Debit);
        Assert.Equal(Cny(10000), plan.Aggregate(Cny(0), (sum, l) => sum + l.Amount));
        Assert.Empty(LedgerInvariants.Check([capture, late]));
    }
}

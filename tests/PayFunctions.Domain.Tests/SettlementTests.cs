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

    private static SettlementCutoff Cutoff(int day) => SettlementCutoff.For(Date.AddDays(day), China);

    private static SettlementBatch Batch(string account, int day, Currency? currency = null) => new(account, currency ?? Currency.Cny, Cutoff(day));

    private static List<AccountLine> Lines(params JournalEntry[] entries) => [.. entries.SelectMany(LedgerProjection.Project)];

    private static JournalEntry ScenarioCapture(SettlementCaptureSpec spec, int index, Currency[] currencies, DateTimeOffset start)
    {
        var gross = new Money(spec.Gross, currencies[spec.Currency]);
        var rule = spec.WithRecipient ? new SplitRule([new SplitRecipient("acct_r", 1_000, null)]) : null;
        var allocations = SplitCalculator.Allocate(gross, new FeeSchedule(60, 0), "acct_m" + spec.Merchant, rule);
        return Postings.PaymentCaptured("je_" + index, "pay_" + index, "wechat_pay", gross, allocations, start.AddMinutes(spec.Minute));
    }

    private static void AssertPaidOnce(SettlementModel model, string account, long total)
    {
        var payable = model.LinesOf(LedgerAccounts.Payable(account));
        Assert.Equal(total, SettlementPlanner.EarnedInAll(payable, account, Currency.Cny));
        Assert.Equal(total, model.RecordsOf(account).Sum(r => r.Amount.MinorUnits));
        Assert.Equal(total, model.LinesOf(LedgerAccounts.PayoutsInTransit(account)).Sum(l => l.Credits));
        Assert.Empty(LedgerBalances.CreditBalance(payable, LedgerAccounts.Payable(account)));
        model.AssertSound([account], [Currency.Cny]);
    }

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
    public void Earned_before_a_cutoff_counts_only_entries_posted_strictly_before_it()
    {
        var cutoff = SettlementCutoff.For(Date, China).CutoffUtc;
        var lines = Lines(
            Capture("a", 10_000, cutoff.AddTicks(-1)),
            Capture("b", 20_000, cutoff),
            Capture("c", 5_000, cutoff.AddHours(-20), "acct_b"));

        Assert.Equal(9_940, SettlementPlanner.EarnedBefore(lines, "acct_m", Currency.Cny, cutoff));
        Assert.Equal(4_970, SettlementPlanner.EarnedBefore(lines, "acct_b", Currency.Cny, cutoff));
        Assert.Equal(90, SettlementPlanner.EarnedBefore(lines, SplitCalculator.PlatformFeeAccount, Currency.Cny, cutoff));
        Assert.Equal(9_940 + 19_880, SettlementPlanner.EarnedInAll(lines, "acct_m", Currency.Cny));
    }

    [Fact]
    public void Earned_is_per_account_and_currency_and_leaves_settlements_out()
    {
        var usd = Currency.Parse("USD");
        var at = new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);
        var dollars = new Money(300, usd);
        var lines = Lines(
            Postings.PaymentCaptured("je_usd", "pay_usd", "paypal", dollars, SplitCalculator.Allocate(dollars, FeeSchedule.None, "acct_m", null), at),
            Capture("a", 100, at),
            Postings.Settlement("je_stl", "stl_x", "acct_m", Cny(50), at));

        Assert.Equal(99, SettlementPlanner.EarnedInAll(lines, "acct_m", Currency.Cny));
        Assert.Equal(300, SettlementPlanner.EarnedInAll(lines, "acct_m", usd));
        Assert.Equal(0, SettlementPlanner.EarnedInAll(lines, "acct_other", Currency.Cny));
    }

    [Fact]
    public void Days_run_in_order_each_pay_what_was_posted_before_their_own_cutoff()
    {
        var model = new SettlementModel();
        var cutoff = Cutoff(0);
        model.Post(Capture("a", 10_000, cutoff.CutoffUtc.AddHours(-1)));
        model.Post(Capture("b", 1_000, cutoff.CutoffUtc.AddHours(3)));

        var first = model.RunToEnd(Batch("acct_m", 0), cutoff.CutoffUtc.AddMinutes(30));
        var second = model.RunToEnd(Batch("acct_m", 1), Cutoff(1).CutoffUtc.AddMinutes(30));

        Assert.Equal((SettlementResult.Settled, 9_940L, 994L), (first.Result, first.Settlement!.Amount.MinorUnits, first.Outstanding));
        Assert.Equal((SettlementResult.Settled, 994L, 0L), (second.Result, second.Settlement!.Amount.MinorUnits, second.Outstanding));
        AssertPaidOnce(model, "acct_m", 10_934);
    }

    [Fact]
    public void Day_run_after_the_next_day_pays_nothing_twice()
    {
        // The batch of D+1 ran first (it was after midnight); D's batch then must not pay D's captures again.
        var model = new SettlementModel();
        model.Post(Capture("a", 10_000, Cutoff(0).CutoffUtc.AddHours(-1)));
        model.Post(Capture("b", 1_000, Cutoff(0).CutoffUtc.AddHours(3)));

        var next = model.RunToEnd(Batch("acct_m", 1), Cutoff(1).CutoffUtc.AddMinutes(30));
        var late = model.RunToEnd(Batch("acct_m", 0), Cutoff(1).CutoffUtc.AddMinutes(40));

        Assert.Equal(10_934, next.Settlement!.Amount.MinorUnits);
        Assert.Equal(SettlementResult.NothingOwed, late.Result);
        AssertPaidOnce(model, "acct_m", 10_934);
    }

    [Fact]
    public void Missed_days_backfilled_after_later_days_pay_nothing_twice()
    {
        var model = new SettlementModel();
        for (var day = 0; day < 4; day++)
        {
            model.Post(Capture("c" + day, 1_000 * (day + 1), Cutoff(day).CutoffUtc.AddHours(-2)));
        }

        model.RunToEnd(Batch("acct_m", 1), Cutoff(3).CutoffUtc);
        model.RunToEnd(Batch("acct_m", 3), Cutoff(3).CutoffUtc);
        var backfilled = new[] { 0, 2 }.Select(day => model.RunToEnd(Batch("acct_m", day), Cutoff(3).CutoffUtc.AddHours(1))).ToList();

        Assert.All(backfilled, o => Assert.Equal(SettlementResult.NothingOwed, o.Result));
        Assert.Equal([Date.AddDays(1), Date.AddDays(3)], model.RecordsOf("acct_m").Select(r => r.SettlementDate));
        AssertPaidOnce(model, "acct_m", 994 + 1_988 + 2_982 + 3_976);
    }

    [Fact]
    public void Rerun_of_a_settled_day_adds_nothing()
    {
        var model = new SettlementModel();
        model.Post(Capture("a", 10_000, Cutoff(0).CutoffUtc.AddHours(-1)));
        model.RunToEnd(Batch("acct_m", 0), Cutoff(0).CutoffUtc);
        var journalBefore = model.Journal.Count;

        var again = model.RunToEnd(Batch("acct_m", 0), Cutoff(0).CutoffUtc.AddHours(5));

        Assert.Equal((SettlementResult.AlreadyRecorded, 0L), (again.Result, again.Outstanding));
        Assert.Equal(journalBefore, model.Journal.Count);
    }

    [Fact]
    public void Capture_posted_before_a_cutoff_but_written_after_its_batch_is_paid_by_the_next_day()
    {
        var model = new SettlementModel();
        model.Post(Capture("a", 10_000, Cutoff(0).CutoffUtc.AddHours(-1)));
        model.RunToEnd(Batch("acct_m", 0), Cutoff(0).CutoffUtc);
        model.Post(Capture("late", 2_000, Cutoff(0).CutoffUtc.AddMinutes(-1)));

        var rerun = model.RunToEnd(Batch("acct_m", 0), Cutoff(0).CutoffUtc.AddHours(1));
        var next = model.RunToEnd(Batch("acct_m", 1), Cutoff(1).CutoffUtc);

        Assert.Equal((SettlementResult.AlreadyRecorded, 1_988L), (rerun.Result, rerun.Outstanding));
        Assert.Equal(1_988, next.Settlement!.Amount.MinorUnits);
        AssertPaidOnce(model, "acct_m", 9_940 + 1_988);
    }

    [Fact]
    public void Settlement_left_half_written_by_a_dead_run_is_completed_by_the_next_run_of_any_day()
    {
        var model = new SettlementModel();
        model.Post(Capture("a", 10_000, Cutoff(0).CutoffUtc.AddHours(-1)));
        model.Post(Capture("b", 1_000, Cutoff(0).CutoffUtc.AddHours(1)));
        var dying = new BatchRun(model, Batch("acct_m", 0), Cutoff(0).CutoffUtc);
        while (model.StateOf("acct_m", Currency.Cny).Pending is null)
        {
            dying.Advance();
        }

        var next = model.RunToEnd(Batch("acct_m", 1), Cutoff(1).CutoffUtc);

        Assert.False(dying.Finished);
        Assert.Equal([9_940L, 994L], model.RecordsOf("acct_m").Select(r => r.Amount.MinorUnits));
        Assert.Equal(994, next.Settlement!.Amount.MinorUnits);
        Assert.Null(model.StateOf("acct_m", Currency.Cny).Pending);
        AssertPaidOnce(model, "acct_m", 10_934);
    }

    [Fact]
    public void Concurrent_days_take_turns_on_the_state_and_the_loser_starts_over()
    {
        var model = new SettlementModel();
        model.Post(Capture("a", 10_000, Cutoff(0).CutoffUtc.AddHours(-1)));
        model.Post(Capture("b", 1_000, Cutoff(0).CutoffUtc.AddHours(1)));
        var day = new BatchRun(model, Batch("acct_m", 0), Cutoff(1).CutoffUtc);
        var nextDay = new BatchRun(model, Batch("acct_m", 1), Cutoff(1).CutoffUtc);

        // Both read the same state and the same lines before either writes.
        for (var i = 0; i < 3; i++)
        {
            day.Advance();
            nextDay.Advance();
        }

        while (!day.Finished || !nextDay.Finished)
        {
            if (!day.Finished)
            {
                day.Advance();
            }

            if (!nextDay.Finished)
            {
                nextDay.Advance();
            }
        }

        Assert.Equal(SettlementResult.Settled, day.Outcome!.Result);
        Assert.Equal(SettlementResult.Settled, nextDay.Outcome!.Result);
        Assert.Equal([9_940L, 994L], model.RecordsOf("acct_m").Select(r => r.Amount.MinorUnits));
        AssertPaidOnce(model, "acct_m", 10_934);
    }

    [Fact]
    public void Recorder_gives_up_when_the_state_keeps_changing()
    {
        var recorder = new SettlementRecorder(Batch("acct_m", 0), Cutoff(0).CutoffUtc);
        var lines = Lines(Capture("a", 10_000, Cutoff(0).CutoffUtc.AddHours(-1)));

        void LoseEveryWrite()
        {
            for (var attempt = 0; attempt <= SettlementRecorder.MaxAttempts; attempt++)
            {
                Assert.IsType<SettlementStep.ReadOwed>(recorder.StateRead(SettlementAccountState.Initial));
                Assert.IsType<SettlementStep.WriteState>(recorder.OwedRead(false, lines));
                Assert.IsType<SettlementStep.ReadState>(recorder.StateWritten(false));
            }
        }

        Assert.IsType<SettlementStep.ReadState>(recorder.Start());
        Assert.Throws<InvalidOperationException>(LoseEveryWrite);
    }

    [Fact]
    public void Recorder_refuses_reports_out_of_turn()
    {
        var recorder = new SettlementRecorder(Batch("acct_m", 0), Cutoff(0).CutoffUtc);

        Assert.Throws<InvalidOperationException>(() => recorder.OwedRead(false, []));
        recorder.Start();
        Assert.Throws<InvalidOperationException>(() => recorder.StateWritten(true));
        Assert.Throws<InvalidOperationException>(() => recorder.RolledForward());
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 200)]
    public void Every_capture_is_settled_exactly_once_whatever_order_batches_run_in_and_die_in(SettlementScenario scenario)
    {
        var model = new SettlementModel();
        var accounts = new[] { "acct_m0", "acct_m1", "acct_r", SplitCalculator.PlatformFeeAccount };
        var currencies = new[] { Currency.Cny, Currency.Parse("JPY") };
        var start = Cutoff(0).CutoffUtc.AddDays(-1);
        var clock = Cutoff(scenario.Days + 1).CutoffUtc;
        var captures = scenario.Captures.Select((c, i) => (Action)(() => model.Post(ScenarioCapture(c, i, currencies, start)))).ToList();
        var actors = new List<object>(captures);
        actors.AddRange(scenario.Runs.Select(r => new RunActor(new BatchRun(model, Batch(accounts[r.Account], r.Day, currencies[r.Currency]), clock), r.CrashAfter)));

        foreach (var choice in scenario.Choices.Concat(Enumerable.Repeat(0, 100_000)))
        {
            if (actors.Count == 0)
            {
                break;
            }

            var index = choice % actors.Count;
            switch (actors[index])
            {
                case Action post:
                    post();
                    actors.RemoveAt(index);
                    break;
                case RunActor(var run, var crashAfter):
                    run.Advance();
                    if (run.Finished)
                    {
                        actors.RemoveAt(index);
                    }
                    else if (run.Operations == crashAfter)
                    {
                        // The activity died; it runs again from the start, as activities do.
                        actors[index] = new RunActor(new BatchRun(model, run.Batch, clock), null);
                    }

                    break;
            }

            model.AssertSound(accounts, currencies);
        }

        Assert.Empty(actors);

        // Then every day runs again, oldest first, and one day after the last capture: all is paid, once.
        for (var day = 0; day <= scenario.Days + 2; day++)
        {
            foreach (var account in accounts)
            {
                foreach (var currency in currencies)
                {
                    model.RunToEnd(Batch(account, day, currency), clock);
                    model.AssertSound(accounts, currencies);
                }
            }
        }

        foreach (var account in accounts)
        {
            var payable = model.LinesOf(LedgerAccounts.Payable(account));
            foreach (var currency in currencies)
            {
                var settled = model.Journal.Where(e => e.Kind == Postings.SettlementKind && e.Lines[0].Account == LedgerAccounts.Payable(account) && e.Lines[0].Amount.Currency == currency).Sum(e => e.Lines[0].Amount.MinorUnits);
                Assert.Equal(SettlementPlanner.EarnedInAll(payable, account, currency), settled);
                Assert.Equal(settled, model.StateOf(account, currency).SettledTotal);
                Assert.Null(model.StateOf(account, currency).Pending);
            }

            Assert.Equal(
                model.Journal.Count(e => e.Kind == Postings.SettlementKind && e.Lines[0].Account == LedgerAccounts.Payable(account)),
                model.RecordsOf(account).Count);
        }

        Assert.Empty(LedgerInvariants.Check(model.Journal));
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

    private sealed record RunActor(BatchRun Run, int? CrashAfter);

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
        var lines = Lines(capture, late);

        Assert.Contains(late.Lines, l => l.Account == LedgerAccounts.LatePaymentsSuspense && l.Side == EntrySide.Credit && l.Amount == Cny(4200));
        Assert.Contains(late.Lines, l => l.Account == LedgerAccounts.ChannelClearing("wechat_pay") && l.Side == EntrySide.Debit);
        Assert.DoesNotContain(lines, l => LedgerAccounts.TryParsePayable(l.Account, out _) && l.EntryId == late.Id);
        Assert.Equal(10000, lines.Where(l => LedgerAccounts.TryParsePayable(l.Account, out _)).Sum(l => l.Credits));
        Assert.Empty(LedgerInvariants.Check([capture, late]));
    }

    [Fact]
    public void Late_payment_refunded_empties_its_suspense_and_leaves_the_payables_alone()
    {
        var at = SettlementCutoff.For(Date, China).CutoffUtc.AddHours(-3);
        var late = Postings.LatePaymentReceived("je_late", "pay_late", "wechat_pay", Cny(4200), at);
        var refunded = Postings.LatePaymentRefunded("je_late_refund", "re_late", "wechat_pay", Cny(4200), at.AddMinutes(1));
        var capture = Capture("c1", 10000, at);
        var lines = Lines(capture, late, refunded);

        Assert.Equal(Postings.LatePaymentRefundKind, refunded.Kind);
        Assert.Equal(0, lines.Where(l => l.Account == LedgerAccounts.LatePaymentsSuspense).Sum(l => l.Credits - l.Debits));
        Assert.Equal(0, lines.Where(l => l.Account == LedgerAccounts.ChannelClearing("wechat_pay")).Sum(l => l.Debits - l.Credits));
        Assert.Equal(10000, lines.Where(l => LedgerAccounts.TryParsePayable(l.Account, out _)).Sum(l => l.Credits));
        Assert.Empty(LedgerInvariants.Check([capture, late, refunded]));
    }
}

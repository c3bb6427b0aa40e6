using FsCheck.Xunit;
using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

public sealed class LedgerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static Money Cny(long fen) => new(fen, Currency.Cny);

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 300)]
    public void Capture_posting_from_any_allocation_is_balanced(SplitScenario scenario)
    {
        var allocations = SplitCalculator.Allocate(scenario.Gross, scenario.Fee, "acct_merchant", scenario.Rule);
        if (!scenario.Gross.IsPositive)
        {
            Assert.Throws<ArgumentException>(() => Postings.PaymentCaptured("je_1", "pay_1", "wechat_pay", scenario.Gross, allocations, At));
            return;
        }

        var entry = Postings.PaymentCaptured("je_1", "pay_1", "wechat_pay", scenario.Gross, allocations, At);

        Assert.Empty(LedgerInvariants.Check([entry]));
        Assert.All(entry.Lines, l => Assert.True(l.Amount.IsPositive));
        Assert.Equal(allocations.Count(a => a.Amount.IsPositive) + 1, entry.Lines.Count);
    }

    [Fact]
    public void Capture_debits_the_channel_and_credits_each_party()
    {
        var allocations = SplitCalculator.Allocate(Cny(10_000), new FeeSchedule(60, 0), "acct_m", new SplitRule([new SplitRecipient("acct_r", 3_000, null)]));

        var entry = Postings.PaymentCaptured("je_1", "pay_1", "wechat_pay", Cny(10_000), allocations, At);

        Assert.Equal(Postings.PaymentCapturedKind, entry.Kind);
        Assert.Equal("pay_1", entry.Reference);
        Assert.Equal(
            [
                new LedgerLine("channel_clearing:wechat_pay", EntrySide.Debit, Cny(10_000)),
                new LedgerLine("payable:platform", EntrySide.Credit, Cny(60)),
                new LedgerLine("payable:acct_r", EntrySide.Credit, Cny(2_982)),
                new LedgerLine("payable:acct_m", EntrySide.Credit, Cny(6_958)),
            ],
            entry.Lines);
    }

    [Fact]
    public void Capture_with_allocations_that_do_not_add_up_is_rejected() =>
        Assert.Throws<ArgumentException>(() => Postings.PaymentCaptured(
            "je_1", "pay_1", "alipay", Cny(100), [new SplitAllocation("acct_m", SplitRole.Merchant, Cny(99))], At));

    [Fact]
    public void Settlement_moves_the_payable_into_transit()
    {
        var entry = Postings.Settlement("je_2", "stl_1", "acct_m", Cny(500), At);

        Assert.Equal(Postings.SettlementKind, entry.Kind);
        Assert.Equal(
            [new LedgerLine("payable:acct_m", EntrySide.Debit, Cny(500)), new LedgerLine("payouts_in_transit:acct_m", EntrySide.Credit, Cny(500))],
            entry.Lines);
        Assert.Throws<ArgumentException>(() => Postings.Settlement("je_3", "stl_1", "acct_m", Cny(0), At));
    }

    [Theory]
    [InlineData(3, EntrySide.Debit, EntrySide.Credit)]
    [InlineData(-2, EntrySide.Credit, EntrySide.Debit)]
    public void A_fee_charged_beyond_the_expected_one_is_an_expense_against_clearing_and_one_short_of_it_the_reverse(
        long difference, EntrySide fees, EntrySide clearing)
    {
        var entry = Postings.ChannelFeeCorrected("je_fee", "pay_1", "wechat_pay", Cny(difference), At);

        Assert.Equal(
            [(LedgerAccounts.ChannelFees("wechat_pay"), fees, Math.Abs(difference)), (LedgerAccounts.ChannelClearing("wechat_pay"), clearing, Math.Abs(difference))],
            entry.Lines.Select(l => (l.Account, l.Side, l.Amount.MinorUnits)));
        Assert.Equal((Postings.ChannelFeeCorrectionKind, "pay_1"), (entry.Kind, entry.Reference));
    }

    [Fact]
    public void A_fee_correction_of_nothing_is_rejected() =>
        Assert.Throws<ArgumentException>(() => Postings.ChannelFeeCorrected("je_fee", "pay_1", "wechat_pay", Cny(0), At));

    [Fact]
    public void Entries_must_have_two_positive_lines_balanced_per_currency()
    {
        var usd = Currency.Parse("USD");
        LedgerLine Line(string account, EntrySide side, Money amount) => new(account, side, amount);

        Assert.Throws<ArgumentException>(() => JournalEntry.Create("je", "k", "r", At, [Line("a", EntrySide.Debit, Cny(1))]));
        Assert.Throws<ArgumentException>(() => JournalEntry.Create("je", "k", "r", At, [Line("a", EntrySide.Debit, Cny(0)), Line("b", EntrySide.Credit, Cny(0))]));
        Assert.Throws<ArgumentException>(() => JournalEntry.Create("je", "k", "r", At, [Line("a", EntrySide.Debit, Cny(-1)), Line("b", EntrySide.Credit, Cny(-1))]));
        Assert.Throws<ArgumentException>(() => JournalEntry.Create("je", "k", "r", At, [Line("a", EntrySide.Debit, Cny(2)), Line("b", EntrySide.Credit, Cny(1))]));
        Assert.Throws<ArgumentException>(() => JournalEntry.Create("je", "k", "r", At, [Line("a", EntrySide.Debit, Cny(1)), Line("b", EntrySide.Credit, new Money(1, usd))]));
        Assert.Throws<ArgumentException>(() => JournalEntry.Create(" ", "k", "r", At, [Line("a", EntrySide.Debit, Cny(1)), Line("b", EntrySide.Credit, Cny(1))]));

        var multiCurrency = JournalEntry.Create("je", "fx", "r", At,
        [
            Line("a", EntrySide.Debit, Cny(700)), Line("b", EntrySide.Credit, Cny(700)),
            Line("c", EntrySide.Debit, new Money(100, usd)), Line("d", EntrySide.Credit, new Money(100, usd)),
        ]);
        Assert.Equal(4, multiCurrency.Lines.Count);
    }

    [Fact]
    public void Created_entry_does_not_change_when_the_callers_list_does()
    {
        var lines = new List<LedgerLine> { new("a", EntrySide.Debit, Cny(1)), new("b", EntrySide.Credit, Cny(1)) };

        var entry = JournalEntry.Create("je", "k", "r", At, lines);
        lines.Add(new("c", EntrySide.Debit, Cny(5)));

        Assert.Equal(2, entry.Lines.Count);
    }

    [Fact]
    public void Invariants_report_duplicate_ids_and_unbalanced_stored_entries()
    {
        var good = Postings.Settlement("je_1", "stl_1", "acct_m", Cny(500), At);
        var unbalanced = new JournalEntry("je_2", "k", "r", At, [new("a", EntrySide.Debit, Cny(2)), new("b", EntrySide.Credit, Cny(1))]);
        var oneLine = new JournalEntry("je_3", "k", "r", At, [new("a", EntrySide.Debit, Cny(2))]);

        var violations = LedgerInvariants.Check([good, good with { }, unbalanced, oneLine]);

        Assert.Equal(3, violations.Count);
        Assert.Contains(violations, v => v.Contains("je_1", StringComparison.Ordinal) && v.Contains("more than once", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("je_2", StringComparison.Ordinal) && v.Contains("CNY", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("je_3", StringComparison.Ordinal));
        Assert.Empty(LedgerInvariants.Check([good]));
        Assert.Empty(LedgerInvariants.Check([]));
    }

    [Fact]
    public void Account_names_carry_their_kind_and_owner()
    {
        Assert.Equal("channel_clearing:wechat_pay", LedgerAccounts.ChannelClearing("wechat_pay"));
        Assert.Equal("payable:acct_1", LedgerAccounts.Payable("acct_1"));
        Assert.Equal("payouts_in_transit:acct_1", LedgerAccounts.PayoutsInTransit("acct_1"));
        Assert.Throws<ArgumentException>(() => LedgerAccounts.Payable(""));

        Assert.True(LedgerAccounts.TryParsePayable("payable:acct_1", out var id));
        Assert.Equal("acct_1", id);
        Assert.False(LedgerAccounts.TryParsePayable("payable:", out _));
        Assert.False(LedgerAccounts.TryParsePayable("payouts_in_transit:acct_1", out _));
        Assert.False(LedgerAccounts.TryParsePayable("channel_clearing:alipay", out _));
    }

    [Fact]
    public void Credit_balance_follows_captures_and_settlements_per_currency()
    {
        var allocations = SplitCalculator.Allocate(Cny(10000), new FeeSchedule(60, 0), "acct_m", null);
        var usd = new Money(700, Currency.Parse("USD"));
        var entries = new[]
        {
            Postings.PaymentCaptured("je_1", "pay_1", "wechat_pay", Cny(10000), allocations, At),
            Postings.PaymentCaptured("je_2", "pay_2", "paypal", usd, [new SplitAllocation("acct_m", SplitRole.Merchant, usd)], At),
            Postings.Settlement("je_3", "stl_1", "acct_m", Cny(9000), At),
        };

        var lines = entries.SelectMany(LedgerProjection.Project).ToList();

        Assert.Equal([Cny(940), usd], LedgerBalances.CreditBalance(lines, LedgerAccounts.Payable("acct_m")));
        Assert.Equal([Cny(9000)], LedgerBalances.CreditBalance(lines, LedgerAccounts.PayoutsInTransit("acct_m")));
        Assert.Equal([Cny(60)], LedgerBalances.CreditBalance(lines, LedgerAccounts.Payable(SplitCalculator.PlatformFeeAccount)));
        Assert.Empty(LedgerBalances.CreditBalance(lines, LedgerAccounts.Payable("acct_nobody")));
    }

    [Fact]
    public void Projection_has_one_line_per_account_and_currency_of_an_entry()
    {
        var usd = Currency.Parse("USD");
        var entry = JournalEntry.Create("je_fx", "fx", "ref_1", At,
        [
            new("b", EntrySide.Credit, Cny(300)), new("a", EntrySide.Debit, Cny(700)), new("b", EntrySide.Credit, Cny(400)),
            new("b", EntrySide.Debit, new Money(100, usd)), new("a", EntrySide.Credit, new Money(100, usd)),
        ]);

        Assert.Equal(
            [
                new AccountLine("a", "je_fx", "fx", "ref_1", At, Currency.Cny, 0, 700),
                new AccountLine("a", "je_fx", "fx", "ref_1", At, usd, 100, 0),
                new AccountLine("b", "je_fx", "fx", "ref_1", At, Currency.Cny, 700, 0),
                new AccountLine("b", "je_fx", "fx", "ref_1", At, usd, 0, 100),
            ],
            LedgerProjection.Project(entry));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 200)]
    public void Projection_keeps_every_amount_of_the_entry(SplitScenario scenario)
    {
        if (!scenario.Gross.IsPositive)
        {
            return;
        }

        var entry = Postings.PaymentCaptured("je_1", "pay_1", "wechat_pay", scenario.Gross, SplitCalculator.Allocate(scenario.Gross, scenario.Fee, "acct_m", scenario.Rule), At);

        var lines = LedgerProjection.Project(entry);

        Assert.Equal(entry.Lines.Where(l => l.Side == EntrySide.Credit).Sum(l => l.Amount.MinorUnits), lines.Sum(l => l.Credits));
        Assert.Equal(entry.Lines.Where(l => l.Side == EntrySide.Debit).Sum(l => l.Amount.MinorUnits), lines.Sum(l => l.Debits));
        Assert.Equal(lines.Count, lines.Select(l => (l.Account, l.Currency)).Distinct().Count());
        Assert.All(entry.Lines, l => Assert.Contains(lines, p => p.Account == l.Account && p.Currency == l.Amount.Currency));
    }
}

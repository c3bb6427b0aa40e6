using FsCheck.Xunit;
using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

public sealed class LedgerBookTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static Money Cny(long fen) => new(fen, Currency.Cny);

    [Fact]
    public void The_test_book_keeps_the_parties_accounts_and_moves_the_platforms_apart()
    {
        var allocations = SplitCalculator.Allocate(Cny(10_000), new FeeSchedule(60, 0), "mch_a_test", new SplitRule([new SplitRecipient("acct_r", 3_000, null)]));
        var live = Postings.PaymentCaptured("je_1", "pay_1", "wechat_pay", Cny(10_000), allocations, At);

        var test = LedgerBook.Test.Post(live);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["channel_clearing:wechat_pay"] = "test:channel_clearing:wechat_pay",
                ["payable:platform"] = "test:payable:platform",
                ["payable:acct_r"] = "payable:acct_r",
                ["payable:mch_a_test"] = "payable:mch_a_test",
            },
            live.Lines.Zip(test.Lines).ToDictionary(p => p.First.Account, p => p.Second.Account));
        Assert.Equal(live.Lines.Select(l => (l.Side, l.Amount)), test.Lines.Select(l => (l.Side, l.Amount)));
        Assert.Equal((live.Id, live.Kind, live.Reference, live.PostedAt), (test.Id, test.Kind, test.Reference, test.PostedAt));
    }

    [Fact]
    public void Suspense_fx_and_the_platforms_payouts_are_the_platforms_too()
    {
        Assert.Equal("test:" + LedgerAccounts.LatePaymentsSuspense, LedgerBook.Test.Account(LedgerAccounts.LatePaymentsSuspense));
        Assert.Equal("test:" + LedgerAccounts.FxConversion, LedgerBook.Test.Account(LedgerAccounts.FxConversion));
        Assert.Equal("test:" + LedgerAccounts.FxMargin, LedgerBook.Test.Account(LedgerAccounts.FxMargin));
        Assert.Equal("test:payouts_in_transit:platform", LedgerBook.Test.Account(LedgerAccounts.PayoutsInTransit("platform")));
        Assert.Equal("payouts_in_transit:mch_a_test", LedgerBook.Test.Account(LedgerAccounts.PayoutsInTransit("mch_a_test")));
    }

    [Fact]
    public void A_test_books_platform_account_is_no_payable_so_nothing_marks_it_due_for_settlement()
    {
        Assert.False(LedgerAccounts.TryParsePayable(LedgerBook.Test.Account(LedgerAccounts.Payable("platform")), out _));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 200)]
    public void The_live_book_changes_nothing_and_the_test_book_keeps_every_entry_balanced(SplitScenario scenario)
    {
        if (!scenario.Gross.IsPositive)
        {
            return;
        }

        var allocations = SplitCalculator.Allocate(scenario.Gross, scenario.Fee, "mch_a", scenario.Rule);
        var entry = Postings.PaymentCaptured("je_1", "pay_1", "alipay", scenario.Gross, allocations, At);

        Assert.Same(entry, LedgerBook.Live.Post(entry));
        var test = LedgerBook.Test.Post(entry);
        Assert.Empty(LedgerInvariants.Check([test]));
        Assert.Equal(entry.Lines.Select(l => (l.Side, l.Amount)), test.Lines.Select(l => (l.Side, l.Amount)));
        Assert.All(test.Lines, l => Assert.True(
            l.Account.StartsWith(LedgerBooks.TestPrefix, StringComparison.Ordinal)
            ^ (LedgerAccounts.TryParsePayable(l.Account, out var owner) && owner != SplitCalculator.PlatformFeeAccount),
            l.Account));
    }
}

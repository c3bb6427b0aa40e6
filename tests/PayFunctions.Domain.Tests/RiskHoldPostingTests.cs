using FsCheck.Xunit;
using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

/// <summary>A payment held for risk review: its capture credits risk-hold accounts, and a release moves them to the payables.</summary>
public sealed class RiskHoldPostingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static Money Cny(long fen) => new(fen, Currency.Cny);

    [Fact]
    public void A_held_capture_credits_every_partys_risk_hold_and_no_payable()
    {
        var allocations = SplitCalculator.Allocate(Cny(10_000), new FeeSchedule(60, 0), "mch_a", new SplitRule([new SplitRecipient("acct_r", 3_000, null)]));
        var capture = Postings.PaymentCaptured("je_1", "pay_1", "wechat_pay", Cny(10_000), allocations, At);

        var held = Postings.HeldForReview(capture);

        Assert.Equal(
            ["channel_clearing:wechat_pay", "risk_hold:platform", "risk_hold:acct_r", "risk_hold:mch_a"],
            held.Lines.Select(l => l.Account));
        Assert.Equal(capture.Lines.Select(l => (l.Side, l.Amount)), held.Lines.Select(l => (l.Side, l.Amount)));
        Assert.True(Postings.IsHeldForReview(held));
        Assert.False(Postings.IsHeldForReview(capture));
        Assert.True(Postings.IsHeldForReview(LedgerBook.Test.Post(held)));
    }

    [Fact]
    public void In_the_test_book_the_platforms_hold_is_the_test_books_and_the_parties_keep_their_names()
    {
        var allocations = SplitCalculator.Allocate(Cny(10_000), new FeeSchedule(60, 0), "mch_a_test", null);
        var held = LedgerBook.Test.Post(Postings.HeldForReview(Postings.PaymentCaptured("je_1", "pay_1", "wechat_pay", Cny(10_000), allocations, At)));

        Assert.Equal(["test:channel_clearing:wechat_pay", "test:risk_hold:platform", "risk_hold:mch_a_test"], held.Lines.Select(l => l.Account));
    }

    [Fact]
    public void A_release_of_nothing_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Postings.RiskReleased("je_r", "pay_1", [], At));
    }

    /// <summary>Whatever the split, a held capture and its release leave every party's payable as the plain capture would, and nothing held.</summary>
    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void A_held_capture_and_its_release_owe_what_the_plain_capture_owes(SplitScenario scenario)
    {
        if (!scenario.Gross.IsPositive)
        {
            // A payment's amount is positive; a zero capture is no entry at all.
            return;
        }

        var allocations = SplitCalculator.Allocate(scenario.Gross, scenario.Fee, "mch_a", scenario.Rule);
        var capture = Postings.PaymentCaptured("je_c", "pay_1", "wechat_pay", scenario.Gross, allocations, At);

        var heldThenReleased = new[] { Postings.HeldForReview(capture), Postings.RiskReleased("je_r", "pay_1", allocations, At) }
            .SelectMany(e => e.Lines)
            .GroupBy(l => l.Account)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Side == EntrySide.Credit ? l.Amount.MinorUnits : -l.Amount.MinorUnits));
        var plain = capture.Lines
            .GroupBy(l => l.Account)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Side == EntrySide.Credit ? l.Amount.MinorUnits : -l.Amount.MinorUnits));

        Assert.All(heldThenReleased.Where(p => LedgerAccounts.TryParseRiskHold(p.Key, out _)), p => Assert.Equal(0, p.Value));
        Assert.Equal(plain, heldThenReleased.Where(p => !LedgerAccounts.TryParseRiskHold(p.Key, out _)).ToDictionary(p => p.Key, p => p.Value));
    }
}

using FsCheck.Xunit;
using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

public sealed class RefundAllocatorTests
{
    private static Money Cny(long fen) => new(fen, Currency.Cny);

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 500)]
    public void Partial_refunds_reverse_exactly_each_partys_allocation_once_they_reach_the_gross(SplitScenario scenario, int seed)
    {
        var allocations = SplitCalculator.Allocate(scenario.Gross, scenario.Fee, "acct_merchant", scenario.Rule);
        var gross = scenario.Gross.MinorUnits;
        var reversed = new long[allocations.Count];
        var random = new Random(seed);
        long refunded = 0;
        while (refunded < gross)
        {
            var amount = Math.Min(gross - refunded, 1 + (long)(random.NextDouble() * Math.Max(1, gross / 3)));
            var reversals = RefundAllocator.Reverse(allocations, refunded, amount);

            Assert.Equal(amount, reversals.Sum(r => r.Amount.MinorUnits));
            Assert.All(reversals, r => Assert.True(r.Amount.IsPositive, $"{r.AccountId} reversed {r.Amount}"));
            foreach (var r in reversals)
            {
                reversed[IndexOf(allocations, r)] += r.Amount.MinorUnits;
            }

            refunded += amount;
            Assert.All(Enumerable.Range(0, allocations.Count), i => Assert.InRange(reversed[i], 0, allocations[i].Amount.MinorUnits));
        }

        Assert.Equal(allocations.Select(a => a.Amount.MinorUnits), reversed);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 300)]
    public void Shares_never_shrink_as_the_refunded_total_grows(SplitScenario scenario, int seed)
    {
        var allocations = SplitCalculator.Allocate(scenario.Gross, scenario.Fee, "acct_merchant", scenario.Rule);
        var gross = scenario.Gross.MinorUnits;
        var total = (long)(new Random(seed).NextDouble() * gross);
        var before = RefundAllocator.SharesOf(allocations, total);
        var after = RefundAllocator.SharesOf(allocations, Math.Min(gross, total + 1));

        Assert.All(Enumerable.Range(0, allocations.Count), i => Assert.True(after[i] >= before[i]));
        Assert.Equal(total, before.Sum());
    }

    [Fact]
    public void A_refund_of_a_third_reverses_the_fee_merchant_and_recipient_proportionally()
    {
        var allocations = new[]
        {
            new SplitAllocation("platform", SplitRole.PlatformFee, Cny(60)),
            new SplitAllocation("acct_r", SplitRole.Recipient, Cny(2_000)),
            new SplitAllocation("acct_m", SplitRole.Merchant, Cny(7_940)),
        };

        var reversals = RefundAllocator.Reverse(allocations, 0, 3_333);

        Assert.Equal([20L, 666L, 2_647L], reversals.Select(r => r.Amount.MinorUnits));
    }

    [Fact]
    public void Refunds_beyond_the_captured_amount_are_refused()
    {
        var allocations = new[] { new SplitAllocation("acct_m", SplitRole.Merchant, Cny(100)) };

        Assert.Throws<ArgumentOutOfRangeException>(() => RefundAllocator.Reverse(allocations, 60, 41));
    }

    [Fact]
    public void Refund_entry_debits_the_payables_and_credits_the_channel()
    {
        var reversals = new[] { new SplitAllocation("platform", SplitRole.PlatformFee, Cny(1)), new SplitAllocation("acct_m", SplitRole.Merchant, Cny(99)) };

        var entry = Postings.RefundSucceeded("je_re_1_refund", "re_1", "some_channel", Cny(100), reversals, DateTimeOffset.UnixEpoch);

        Assert.Empty(entry.Violations());
        Assert.Equal(Postings.RefundKind, entry.Kind);
        Assert.Equal(EntrySide.Credit, Assert.Single(entry.Lines, l => l.Account == LedgerAccounts.ChannelClearing("some_channel")).Side);
        Assert.Equal(Cny(99), Assert.Single(entry.Lines, l => l.Account == LedgerAccounts.Payable("acct_m")).Amount);
    }

    private static int IndexOf(IReadOnlyList<SplitAllocation> allocations, SplitAllocation reversal)
    {
        for (var i = 0; i < allocations.Count; i++)
        {
            if (allocations[i].AccountId == reversal.AccountId && allocations[i].Role == reversal.Role)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No allocation for {reversal.AccountId}.");
    }
}

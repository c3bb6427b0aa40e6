using FsCheck.Xunit;
using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

public sealed class SplitCalculatorTests
{
    private static readonly Currency Jpy = Currency.Parse("JPY");
    private static readonly Currency Kwd = Currency.Parse("KWD");

    private static Money Cny(long fen) => new(fen, Currency.Cny);

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 500)]
    public void Allocations_sum_exactly_to_gross_and_are_never_negative(SplitScenario scenario)
    {
        var allocations = SplitCalculator.Allocate(scenario.Gross, scenario.Fee, "acct_merchant", scenario.Rule);

        Assert.Equal(scenario.Gross.MinorUnits, allocations.Sum(a => a.Amount.MinorUnits));
        Assert.All(allocations, a => Assert.True(a.Amount.MinorUnits >= 0, $"{a.AccountId} got {a.Amount}"));
        Assert.All(allocations, a => Assert.Equal(scenario.Gross.Currency, a.Amount.Currency));
        Assert.Single(allocations, a => a.Role == SplitRole.Merchant);
        Assert.Equal(SplitRole.Merchant, allocations[^1].Role);
        Assert.All(allocations.Where(a => a.Role != SplitRole.Merchant), a => Assert.True(a.Amount.IsPositive));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 500)]
    public void Fee_is_never_more_than_gross(SplitScenario scenario)
    {
        var fee = scenario.Fee.FeeFor(scenario.Gross);

        Assert.InRange(fee.MinorUnits, 0, scenario.Gross.MinorUnits);
        var allocated = SplitCalculator.Allocate(scenario.Gross, scenario.Fee, "acct_merchant", scenario.Rule)
            .Where(a => a.Role == SplitRole.PlatformFee).Sum(a => a.Amount.MinorUnits);
        Assert.Equal(fee.MinorUnits, allocated);
    }

    [Fact]
    public void Fee_of_60_basis_points_on_100_yuan_is_60_fen()
    {
        var allocations = SplitCalculator.Allocate(Cny(10_000), new FeeSchedule(60, 0), "acct_m", null);

        Assert.Equal(
            [new SplitAllocation("platform", SplitRole.PlatformFee, Cny(60)), new SplitAllocation("acct_m", SplitRole.Merchant, Cny(9_940))],
            allocations);
    }

    [Theory]
    [InlineData(50, 60, 0)] // 0.3 fen rounds down
    [InlineData(250, 60, 2)] // 1.5 fen rounds half up
    [InlineData(249, 60, 1)] // 1.494 fen rounds down
    [InlineData(1_000, 60, 6)]
    [InlineData(100, 0, 0)]
    public void Rate_fee_rounds_half_up(long gross, int basisPoints, long expectedFee) =>
        Assert.Equal(Cny(expectedFee), new FeeSchedule(basisPoints, 0).FeeFor(Cny(gross)));

    [Fact]
    public void Fixed_fee_is_added_to_the_rate_and_capped_at_gross()
    {
        Assert.Equal(Cny(90), new FeeSchedule(60, 30).FeeFor(Cny(10_000)));
        Assert.Equal(Cny(20), new FeeSchedule(60, 30).FeeFor(Cny(20)));
        Assert.Equal(Cny(20), new FeeSchedule(0, long.MaxValue).FeeFor(Cny(20)));
    }

    [Fact]
    public void Ratio_is_of_the_net_after_fee()
    {
        var rule = new SplitRule([new SplitRecipient("acct_r", 3_000, null)]);

        var allocations = SplitCalculator.Allocate(Cny(10_000), new FeeSchedule(60, 0), "acct_m", rule);

        // Net is 9940; 30% of it is 2982.
        Assert.Equal(
            [
                new SplitAllocation("platform", SplitRole.PlatformFee, Cny(60)),
                new SplitAllocation("acct_r", SplitRole.Recipient, Cny(2_982)),
                new SplitAllocation("acct_m", SplitRole.Merchant, Cny(6_958)),
            ],
            allocations);
    }

    [Fact]
    public void Ratio_parts_are_floored_and_the_merchant_gets_the_odd_fen()
    {
        var rule = new SplitRule([new SplitRecipient("acct_a", 3_333, null), new SplitRecipient("acct_b", 3_333, null)]);

        var allocations = SplitCalculator.Allocate(Cny(101), FeeSchedule.None, "acct_m", rule);

        Assert.Equal([33L, 33L, 35L], allocations.Select(a => a.Amount.MinorUnits));
    }

    [Fact]
    public void Fixed_parts_come_before_ratio_parts()
    {
        var rule = new SplitRule([new SplitRecipient("acct_ratio", 5_000, null), new SplitRecipient("acct_fixed", null, 1_000)]);

        var allocations = SplitCalculator.Allocate(Cny(10_000), FeeSchedule.None, "acct_m", rule);

        Assert.Equal(
            [
                new SplitAllocation("acct_fixed", SplitRole.Recipient, Cny(1_000)),
                new SplitAllocation("acct_ratio", SplitRole.Recipient, Cny(5_000)),
                new SplitAllocation("acct_m", SplitRole.Merchant, Cny(4_000)),
            ],
            allocations);
    }

    [Fact]
    public void Zero_parts_are_omitted_but_the_merchant_line_is_always_there()
    {
        var rule = new SplitRule([new SplitRecipient("acct_r", 10_000, null)]);

        var allocations = SplitCalculator.Allocate(Cny(1), FeeSchedule.None, "acct_m", new SplitRule([new SplitRecipient("acct_r", 1, null)]));
        var everything = SplitCalculator.Allocate(Cny(500), FeeSchedule.None, "acct_m", rule);
        var zero = SplitCalculator.Allocate(Cny(0), new FeeSchedule(60, 10), "acct_m", null);

        Assert.Equal([new SplitAllocation("acct_m", SplitRole.Merchant, Cny(1))], allocations);
        Assert.Equal([new SplitAllocation("acct_r", SplitRole.Recipient, Cny(500)), new SplitAllocation("acct_m", SplitRole.Merchant, Cny(0))], everything);
        Assert.Equal([new SplitAllocation("acct_m", SplitRole.Merchant, Cny(0))], zero);
    }

    [Fact]
    public void Yen_has_no_minor_unit_digits_and_still_splits_exactly()
    {
        var gross = new Money(999, Jpy);
        var rule = new SplitRule([new SplitRecipient("acct_r", 1_500, null)]);

        var allocations = SplitCalculator.Allocate(gross, new FeeSchedule(325, 0), "acct_m", rule);

        // Fee 32.4675 -> 32; net 967; 15% of 967 = 145.05 -> 145; merchant 822.
        Assert.Equal([32L, 145L, 822L], allocations.Select(a => a.Amount.MinorUnits));
        Assert.All(allocations, a => Assert.Equal(Jpy, a.Amount.Currency));
    }

    [Fact]
    public void Dinar_has_three_minor_unit_digits_and_still_splits_exactly()
    {
        var gross = new Money(12_345, Kwd);
        var rule = new SplitRule([new SplitRecipient("acct_r", null, 1_000), new SplitRecipient("acct_s", 2_500, null)]);

        var allocations = SplitCalculator.Allocate(gross, new FeeSchedule(100, 5), "acct_m", rule);

        // Fee 123.45 -> 123, + 5 = 128; net 12217; fixed 1000; 25% of 12217 = 3054.25 -> 3054; merchant 8163.
        Assert.Equal([128L, 1_000L, 3_054L, 8_163L], allocations.Select(a => a.Amount.MinorUnits));
        Assert.Equal("12.345 KWD", gross.ToString());
    }

    [Fact]
    public void Very_large_amounts_do_not_overflow()
    {
        var gross = Cny(long.MaxValue / 2);
        var rule = new SplitRule([new SplitRecipient("acct_r", 9_999, null)]);

        var allocations = SplitCalculator.Allocate(gross, new FeeSchedule(9_999, 0), "acct_m", rule);

        Assert.Equal(gross.MinorUnits, allocations.Sum(a => a.Amount.MinorUnits));
    }

    [Fact]
    public void Invalid_rule_is_rejected()
    {
        var rule = new SplitRule([new SplitRecipient("acct_r", null, 10_001)]);

        var error = Assert.Throws<ArgumentException>(() => SplitCalculator.Allocate(Cny(10_000), FeeSchedule.None, "acct_m", rule));
        Assert.Contains("split.recipients", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_that_fits_the_gross_but_not_the_net_is_rejected()
    {
        var rule = new SplitRule([new SplitRecipient("acct_r", null, 10_000)]);

        Assert.Empty(rule.Validate(Cny(10_000)));
        Assert.Single(rule.Validate(Cny(10_000), new FeeSchedule(60, 0)));
        Assert.Throws<ArgumentException>(() => SplitCalculator.Allocate(Cny(10_000), new FeeSchedule(60, 0), "acct_m", rule));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.ThrowsAny<ArgumentException>(() => SplitCalculator.Allocate(Cny(-1), FeeSchedule.None, "acct_m", null));
        Assert.ThrowsAny<ArgumentException>(() => SplitCalculator.Allocate(Cny(1), FeeSchedule.None, " ", null));
        Assert.ThrowsAny<ArgumentException>(() => SplitCalculator.Allocate(Cny(1), FeeSchedule.None, "platform", null));
        Assert.ThrowsAny<ArgumentException>(() => new FeeSchedule(-1, 0));
        Assert.ThrowsAny<ArgumentException>(() => new FeeSchedule(10_001, 0));
        Assert.ThrowsAny<ArgumentException>(() => new FeeSchedule(0, -1));
    }
}

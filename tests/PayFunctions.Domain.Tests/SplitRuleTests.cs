using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

public sealed class SplitRuleTests
{
    private static readonly Money Gross = new(10_000, Currency.Cny);

    private static SplitRecipient Ratio(string account, int bp) => new(account, bp, null);

    private static SplitRecipient Fixed(string account, long amount) => new(account, null, amount);

    public static TheoryData<SplitRule, string> InvalidRules() => new()
    {
        { new SplitRule([]), "split.recipients" },
        { new SplitRule(Enumerable.Range(0, 11).Select(i => Ratio("acct_" + i, 1)).ToList()), "split.recipients" },
        { new SplitRule([Ratio("acct_a", 10), new SplitRecipient("acct_b", 10, 10)]), "split.recipients[1]" },
        { new SplitRule([Ratio("acct_a", 10), new SplitRecipient("acct_b", null, null)]), "split.recipients[1]" },
        { new SplitRule([Ratio("acct_a", 10), Ratio("acct_b", 0)]), "split.recipients[1].basis_points" },
        { new SplitRule([Ratio("acct_a", 10_001)]), "split.recipients[0].basis_points" },
        { new SplitRule([Ratio("acct_a", -5)]), "split.recipients[0].basis_points" },
        { new SplitRule([Fixed("acct_a", 0)]), "split.recipients[0].fixed_minor_units" },
        { new SplitRule([Fixed("acct_a", -1)]), "split.recipients[0].fixed_minor_units" },
        { new SplitRule([Ratio("acct_a", 10), Fixed("acct_a", 10)]), "split.recipients[1].account_id" },
        { new SplitRule([Ratio("platform", 10)]), "split.recipients[0].account_id" },
        { new SplitRule([Ratio("Platform", 10)]), "split.recipients[0].account_id" },
        { new SplitRule([Ratio("", 10)]), "split.recipients[0].account_id" },
        { new SplitRule([Ratio("acct_a", 6_000), Ratio("acct_b", 4_001)]), "split.recipients" },
        { new SplitRule([Fixed("acct_a", 6_000), Fixed("acct_b", 4_001)]), "split.recipients" },
        { new SplitRule([Fixed("acct_a", 5_000), Ratio("acct_b", 6_000)]), "split.recipients" },
        { new SplitRule([Fixed("acct_a", long.MaxValue), Fixed("acct_b", long.MaxValue)]), "split.recipients" },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public void Invalid_rule_names_the_offending_param(SplitRule rule, string param)
    {
        var errors = rule.Validate(Gross);

        Assert.Contains(errors, e => e.Param == param);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Every_bad_recipient_is_reported()
    {
        var errors = new SplitRule([Ratio("acct_a", 0), Fixed("acct_b", 0), Ratio("platform", 1)]).Validate(Gross);

        Assert.Equal(
            ["split.recipients[0].basis_points", "split.recipients[1].fixed_minor_units", "split.recipients[2].account_id"],
            errors.Select(e => e.Param));
    }

    [Fact]
    public void Valid_rules_have_no_errors()
    {
        Assert.Empty(new SplitRule([Ratio("acct_a", 10_000)]).Validate(Gross));
        Assert.Empty(new SplitRule([Fixed("acct_a", 10_000)]).Validate(Gross));
        Assert.Empty(new SplitRule([Fixed("acct_a", 4_000), Ratio("acct_b", 6_000)]).Validate(Gross));
        Assert.Empty(new SplitRule(Enumerable.Range(0, SplitRule.MaxRecipients).Select(i => Ratio("acct_" + i, 1_000)).ToList()).Validate(Gross));
    }
}

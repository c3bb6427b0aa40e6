using PayFunctions.Domain.Aml;
using static PayFunctions.Domain.Tests.Aml.AmlFacts;

namespace PayFunctions.Domain.Tests.Aml;

public sealed class RapidInOutDetectorTests
{
    private static readonly AmlRules Rules = new();

    private static AmlPayout Payout(string account, long amount, TimeSpan after, string? currency = null) =>
        new("stl_" + account + "_" + after.TotalMinutes, account, new Money(amount, currency is null ? Currency.Cny : Currency.Parse(currency)), Morning + after);

    [Fact]
    public void Credits_paid_out_again_within_the_window_with_little_left_are_reported()
    {
        var credit = Paid("payer_1", 6_000_000, receivers: [Account("acct_mule", 6_000_000)]);
        var payout = Payout("acct_mule", 5_500_000, TimeSpan.FromHours(20));

        var detection = Assert.Single(RapidInOutDetector.Detect(Day, [credit], [payout], Rules, Measure));

        Assert.Equal((AmlPattern.RapidInOut, AmlPartyKind.Account, "acct_mule"), (detection.Pattern, detection.Party.Kind, detection.Party.Id));
        Assert.Equal(new[] { credit.Id, payout.Id }.Order(StringComparer.Ordinal), detection.Transactions);
    }

    [Fact]
    public void More_than_the_retained_share_left_behind_is_not_reported()
    {
        // 5,399,999 of 6,000,000 leaves just over 10 %.
        var credit = Paid("payer_1", 6_000_000, receivers: [Account("acct_saver", 6_000_000)]);

        Assert.Empty(RapidInOutDetector.Detect(Day, [credit], [Payout("acct_saver", 5_399_999, TimeSpan.FromHours(20))], Rules, Measure));
        Assert.Single(RapidInOutDetector.Detect(Day, [credit], [Payout("acct_saver", 5_400_000, TimeSpan.FromHours(20))], Rules, Measure));
    }

    [Fact]
    public void A_payout_after_the_window_or_in_another_currency_does_not_count()
    {
        var credit = Paid("payer_1", 6_000_000, receivers: [Account("acct_slow", 6_000_000)]);

        Assert.Empty(RapidInOutDetector.Detect(Day, [credit], [Payout("acct_slow", 6_000_000, TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1))], Rules, Measure));
        Assert.Empty(RapidInOutDetector.Detect(Day, [credit], [Payout("acct_slow", 6_000_000, TimeSpan.FromHours(1), "USD")], Rules, Measure));
        Assert.Empty(RapidInOutDetector.Detect(Day, [credit], [Payout("acct_other", 6_000_000, TimeSpan.FromHours(1))], Rules, Measure));
    }

    [Fact]
    public void Credits_under_the_minimum_are_not_considered()
    {
        var credit = Paid("payer_1", 4_999_999, receivers: [Account("acct_small", 4_999_999)]);

        Assert.Empty(RapidInOutDetector.Detect(Day, [credit], [Payout("acct_small", 4_999_999, TimeSpan.FromHours(1))], Rules, Measure));
    }

    [Fact]
    public void The_merchant_is_a_receiver_too_and_its_credits_are_summed_over_the_day()
    {
        var credits = new[] { Paid(null, 3_000_000), Paid(null, 3_000_000, TimeSpan.FromHours(10)) };

        var detection = Assert.Single(RapidInOutDetector.Detect(Day, credits, [Payout("mch_1", 6_000_000, TimeSpan.FromHours(30))], Rules, Measure));

        Assert.Equal((AmlPartyKind.Merchant, new Money(6_000_000, Currency.Cny)), (detection.Party.Kind, detection.Amount));
    }
}

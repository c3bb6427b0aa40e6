using PayFunctions.Domain.Aml;
using static PayFunctions.Domain.Tests.Aml.AmlFacts;

namespace PayFunctions.Domain.Tests.Aml;

public sealed class StructuringDetectorTests
{
    private static readonly AmlRules Rules = new();

    [Fact]
    public void Payments_each_just_under_the_standard_whose_sum_crosses_it_are_structuring()
    {
        var payments = new[] { Paid("payer_s", 49_000_000), Paid("payer_s", 46_000_000, TimeSpan.FromHours(2)), Paid("payer_s", 45_000_000, TimeSpan.FromHours(4)) };

        var detection = Assert.Single(StructuringDetector.Detect(Day, payments, Rules, Measure));

        Assert.Equal((AmlPattern.Structuring, "payer_s", new Money(140_000_000, Currency.Cny)), (detection.Pattern, detection.Party.Id, detection.Amount));
        Assert.Equal(payments.Select(p => p.Id).Order(StringComparer.Ordinal), detection.Transactions);
    }

    [Fact]
    public void A_payment_more_than_the_margin_below_the_standard_is_not_just_under_it()
    {
        // 449,999.99 is more than 10 % under RMB 500,000: only one payment is near, and one is not a sequence.
        var payments = new[] { Paid("payer_n", 44_999_999), Paid("payer_n", 45_000_000, TimeSpan.FromHours(1)) };

        Assert.Empty(StructuringDetector.Detect(Day, payments, Rules, Measure));
    }

    [Fact]
    public void A_payment_at_the_standard_is_a_large_value_not_part_of_a_sequence()
    {
        var payments = new[] { Paid("payer_l", 50_000_000), Paid("payer_l", 49_000_000, TimeSpan.FromHours(1)) };

        Assert.Empty(StructuringDetector.Detect(Day, payments, Rules, Measure));
    }

    [Fact]
    public void Payments_further_apart_than_the_window_are_no_sequence()
    {
        var rules = new AmlRules { StructuringWindow = TimeSpan.FromHours(1) };
        var payments = new[] { Paid("payer_w", 49_000_000), Paid("payer_w", 49_000_000, TimeSpan.FromMinutes(61)) };

        Assert.Empty(StructuringDetector.Detect(Day, payments, rules, Measure));
        Assert.Single(StructuringDetector.Detect(Day, payments, new AmlRules { StructuringWindow = TimeSpan.FromMinutes(61) }, Measure));
    }

    [Fact]
    public void Near_payments_of_different_payers_do_not_make_a_sequence()
    {
        Assert.Empty(StructuringDetector.Detect(Day, [Paid("payer_1", 49_000_000), Paid("payer_2", 49_000_000), Paid(null, 49_000_000)], Rules, Measure));
    }

    [Fact]
    public void Each_payment_belongs_to_at_most_one_sequence()
    {
        var rules = new AmlRules { StructuringWindow = TimeSpan.FromHours(1) };
        var payments = Enumerable.Range(0, 5).Select(i => Paid("payer_r", 48_000_000, TimeSpan.FromMinutes(i * 20))).ToList();

        var found = StructuringDetector.Detect(Day, payments, rules, Measure);

        // 0, 20, 40, 60 minutes make one sequence; the payment at 80 is left alone.
        var detection = Assert.Single(found);
        Assert.Equal(payments[..4].Select(p => p.Id).Order(StringComparer.Ordinal), detection.Transactions);
    }
}

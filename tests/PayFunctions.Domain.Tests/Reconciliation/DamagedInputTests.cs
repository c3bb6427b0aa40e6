using PayFunctions.Domain.Reconciliation;
using static PayFunctions.Domain.Tests.Reconciliation.ReconciliationFixtures;

namespace PayFunctions.Domain.Tests.Reconciliation;

public sealed class DamagedInputTests
{
    public static TheoryData<StatementEntry> DamagedLines => new()
    {
        Paid("P1", reference: ""),
        Paid("P1", reference: new string('x', 129)),
        Paid("P1", reference: "wx\n1"),
        Paid("P1\u0000"),
        Refunded("R1\r"),
        Paid("P1", amount: -1),
        Paid("P1") with { Amount = new Money(10_000, Currency.Parse("USD")) },
        Paid("P1") with { Fee = new Money(60, Currency.Parse("USD")) },
        Paid("P1") with { Kind = (StatementEntryKind)42 },
    };

    [Theory]
    [MemberData(nameof(DamagedLines))]
    public void A_damaged_line_is_a_format_error_naming_its_line_number(StatementEntry line)
    {
        var matcher = new StatementMatcher(Day, [Payment("P1")], []);
        matcher.Add(Paid("P1"));

        var error = Assert.Throws<FormatException>(() => matcher.Add(line));

        Assert.StartsWith("Statement line 2 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Totals_beyond_64_bits_are_a_format_error()
    {
        var matcher = new StatementMatcher(Day, [], []);
        matcher.Add(Totalled(StatementEntryKind.Payout, "a", long.MaxValue));

        Assert.Throws<FormatException>(() => matcher.Add(Totalled(StatementEntryKind.Payout, "b", 1)));
    }

    [Fact]
    public void A_reference_of_128_characters_is_accepted()
    {
        var reference = new string('x', 128);

        Assert.Equal(reference, Assert.Single(Reconcile([Paid(reference, reference: "wx-1")]).Differences).Reference);
    }

    public static TheoryData<PlatformPayment[]> InvalidPayments => new()
    {
        new[] { Payment("P1"), Payment("P1") },
        new[] { Payment("") },
        new[] { Payment("P1") with { Amount = new Money(1, Currency.Parse("USD")) } },
        new[] { Payment("P1") with { ExpectedFee = new Money(1, Currency.Parse("USD")) } },
        new[] { Payment("P1") with { BookedAt = null } },
        new[] { Payment("P1") with { Status = (PlatformPaymentStatus)9 } },
    };

    [Theory]
    [MemberData(nameof(InvalidPayments))]
    public void Invalid_platform_payments_are_refused(PlatformPayment[] payments) =>
        Assert.Throws<ArgumentException>(() => new StatementMatcher(Day, payments, []));

    [Fact]
    public void Invalid_platform_refunds_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new StatementMatcher(Day, [], [Refund("R1"), Refund("R1")]));
        Assert.Throws<ArgumentException>(() => new StatementMatcher(Day, [], [Refund("R1") with { BookedAt = null }]));
    }

    [Fact]
    public void A_completed_matcher_takes_no_more_lines()
    {
        var matcher = new StatementMatcher(Day, [], []);
        matcher.Complete();

        Assert.Throws<InvalidOperationException>(() => matcher.Add(Paid("P1")));
        Assert.Throws<InvalidOperationException>(() => matcher.Complete());
    }
}

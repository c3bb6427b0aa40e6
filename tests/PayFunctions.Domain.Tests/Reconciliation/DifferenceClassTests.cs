using PayFunctions.Domain.Reconciliation;
using static PayFunctions.Domain.Tests.Reconciliation.ReconciliationFixtures;

namespace PayFunctions.Domain.Tests.Reconciliation;

public sealed class DifferenceClassTests
{
    [Fact]
    public void Lines_that_agree_with_the_platform_are_matched_without_a_difference()
    {
        var result = Reconcile([Paid("P1"), Refunded("R1")], [Payment("P1")], [Refund("R1")]);

        Assert.Empty(result.Differences);
        Assert.Equal(new Tally(2, Cny(15_000)), result.Summary.Matched);
    }

    [Fact]
    public void A_line_the_platform_has_no_record_of_is_missing_on_the_platform()
    {
        var result = Reconcile([Paid("P9"), Refunded("R9")], [Payment("P1", bookedAt: Start.AddDays(-1).AddHours(12))]);

        Assert.Equal(
            [(DifferenceClass.MissingOnPlatform, StatementEntryKind.Payment, "P9", ProposedResolution.QueryChannel), (DifferenceClass.MissingOnPlatform, StatementEntryKind.Refund, "R9", ProposedResolution.QueryChannel)],
            result.Differences.Select(Subject));
        Assert.Null(result.Differences[0].Payment);
        Assert.Equal("wx-P9", result.Differences[0].Statement?.ChannelReference);
    }

    [Fact]
    public void A_payment_line_without_an_order_number_is_missing_on_the_platform_under_its_channel_reference()
    {
        var line = new StatementEntry(StatementEntryKind.Payment, "wx-orphan", null, null, Cny(100), Cny(1), Noon);

        var difference = Assert.Single(Reconcile([line]).Differences);

        Assert.Equal((DifferenceClass.MissingOnPlatform, StatementEntryKind.Payment, "wx-orphan", ProposedResolution.QueryChannel), Subject(difference));
    }

    [Fact]
    public void A_record_the_platform_booked_on_another_day_far_from_midnight_is_missing_on_the_platform_for_this_day()
    {
        var result = Reconcile([Paid("P1")], [Payment("P1", bookedAt: Start.AddHours(-3))]);

        var difference = Assert.Single(result.Differences);
        Assert.Equal((DifferenceClass.MissingOnPlatform, StatementEntryKind.Payment, "P1", ProposedResolution.OperatorReview), Subject(difference));
        Assert.Equal("P1", difference.Payment?.Id);
    }

    [Fact]
    public void A_success_or_refund_of_the_day_the_statement_does_not_list_is_missing_at_the_channel()
    {
        var result = Reconcile([], [Payment("P1")], [Refund("R1")]);

        Assert.Equal(
            [(DifferenceClass.MissingAtChannel, StatementEntryKind.Payment, "P1", ProposedResolution.QueryChannel), (DifferenceClass.MissingAtChannel, StatementEntryKind.Refund, "R1", ProposedResolution.QueryChannel)],
            result.Differences.Select(Subject));
        Assert.Null(result.Differences[0].Statement);
        Assert.Equal(new Tally(2, Cny(15_000)), result.Summary.Differences[DifferenceClass.MissingAtChannel]);
    }

    [Fact]
    public void Records_of_the_neighbouring_days_and_unfinished_payments_that_the_statement_does_not_list_are_no_difference()
    {
        PlatformPayment[] payments =
        [
            Payment("P1", bookedAt: Start.AddSeconds(-10)),
            Payment("P2", bookedAt: End.AddSeconds(10)),
            Payment("P3", bookedAt: Start.AddHours(-10)),
            Payment("P4", bookedAt: End.AddHours(10)),
            Payment("P5", status: PlatformPaymentStatus.Pending),
            Payment("P6", status: PlatformPaymentStatus.Failed),
            Payment("P7", status: PlatformPaymentStatus.Closed),
        ];

        Assert.Empty(Reconcile([], payments, [Refund("R1", status: PlatformRefundStatus.Pending), Refund("R2", bookedAt: End.AddHours(1))]).Differences);
    }

    [Theory]
    [InlineData(10_001)]
    [InlineData(9_999)]
    public void A_line_whose_amount_differs_is_an_amount_mismatch_and_its_fee_is_not_compared(long amount)
    {
        var difference = Assert.Single(Reconcile([Paid("P1", amount, fee: 61)], [Payment("P1")]).Differences);

        Assert.Equal((DifferenceClass.AmountMismatch, StatementEntryKind.Payment, "P1", ProposedResolution.OperatorReview), Subject(difference));
        Assert.Equal(Cny(amount), difference.Statement?.Amount);
        Assert.Equal(Cny(10_000), difference.Payment?.Amount);
    }

    [Fact]
    public void A_refund_whose_amount_differs_is_an_amount_mismatch()
    {
        var difference = Assert.Single(Reconcile([Refunded("R1", 4_000)], refunds: [Refund("R1")]).Differences);

        Assert.Equal((DifferenceClass.AmountMismatch, StatementEntryKind.Refund, "R1", ProposedResolution.OperatorReview), Subject(difference));
    }

    [Theory]
    [InlineData(PlatformPaymentStatus.Pending, ProposedResolution.BookLateSuccess)]
    [InlineData(PlatformPaymentStatus.Failed, ProposedResolution.RefundPayer)]
    [InlineData(PlatformPaymentStatus.Closed, ProposedResolution.RefundPayer)]
    public void A_payment_the_channel_collected_that_the_platform_holds_as_unfinished_is_a_status_mismatch(PlatformPaymentStatus status, ProposedResolution resolution)
    {
        var difference = Assert.Single(Reconcile([Paid("P1")], [Payment("P1", status: status)]).Differences);

        Assert.Equal((DifferenceClass.StatusMismatch, StatementEntryKind.Payment, "P1", resolution), Subject(difference));
        Assert.Equal(status, difference.Payment?.Status);
    }

    [Theory]
    [InlineData(PlatformRefundStatus.Pending, ProposedResolution.BookLateSuccess)]
    [InlineData(PlatformRefundStatus.Failed, ProposedResolution.OperatorReview)]
    public void A_refund_the_channel_paid_that_the_platform_holds_as_unfinished_is_a_status_mismatch(PlatformRefundStatus status, ProposedResolution resolution)
    {
        var difference = Assert.Single(Reconcile([Refunded("R1")], refunds: [Refund("R1", status: status)]).Differences);

        Assert.Equal((DifferenceClass.StatusMismatch, StatementEntryKind.Refund, "R1", resolution), Subject(difference));
    }

    [Fact]
    public void A_status_mismatch_with_another_amount_reports_both()
    {
        var result = Reconcile([Paid("P1", 12_000)], [Payment("P1", status: PlatformPaymentStatus.Pending)]);

        Assert.Equal([DifferenceClass.AmountMismatch, DifferenceClass.StatusMismatch], result.Differences.Select(d => d.Class));
    }

    [Fact]
    public void A_fee_other_than_the_expected_one_is_a_fee_mismatch_and_an_unknown_expected_fee_is_not_compared()
    {
        var result = Reconcile([Paid("P1", fee: 70), Paid("P2", fee: 70)], [Payment("P1"), Payment("P2", fee: null)]);

        var difference = Assert.Single(result.Differences);
        Assert.Equal((DifferenceClass.FeeMismatch, StatementEntryKind.Payment, "P1", ProposedResolution.CorrectFee), Subject(difference));
        Assert.Equal(Cny(70), difference.Statement?.Fee);
        Assert.Equal(Cny(60), difference.Payment?.ExpectedFee);
        Assert.Equal(1, result.Summary.Matched.Count);
    }

    [Fact]
    public void A_line_listed_twice_is_a_duplicate_of_the_matched_one()
    {
        var result = Reconcile([Paid("P1"), Paid("P1"), Paid("P1")], [Payment("P1")]);

        Assert.Equal([0, 1], result.Differences.Select(d => d.Occurrence));
        Assert.All(result.Differences, d => Assert.Equal((DifferenceClass.Duplicate, StatementEntryKind.Payment, "P1", ProposedResolution.QueryChannel), Subject(d)));
        Assert.All(result.Differences, d => Assert.Equal("wx-P1", d.EarlierChannelReference));
        Assert.NotEqual(result.Differences[0].Id, result.Differences[1].Id);
        Assert.Equal(1, result.Summary.Matched.Count);
    }

    [Fact]
    public void A_second_charge_for_one_order_under_another_channel_reference_is_a_duplicate_to_refund()
    {
        var difference = Assert.Single(Reconcile([Paid("P1", reference: "wx-a"), Paid("P1", reference: "wx-b")], [Payment("P1")]).Differences);

        Assert.Equal((DifferenceClass.Duplicate, StatementEntryKind.Payment, "P1", ProposedResolution.RefundPayer), Subject(difference));
        Assert.Equal("wx-b", difference.Statement?.ChannelReference);
        Assert.Equal("wx-a", difference.EarlierChannelReference);
    }

    [Fact]
    public void A_refund_paid_twice_under_another_channel_reference_goes_to_an_operator()
    {
        var difference = Assert.Single(Reconcile([Refunded("R1", reference: "a"), Refunded("R1", reference: "b")], refunds: [Refund("R1")]).Differences);

        Assert.Equal((DifferenceClass.Duplicate, StatementEntryKind.Refund, "R1", ProposedResolution.OperatorReview), Subject(difference));
    }

    [Fact]
    public void A_line_the_platform_lacks_listed_twice_is_missing_once_and_then_a_duplicate()
    {
        var result = Reconcile([Paid("P9"), Paid("P9")]);

        Assert.Equal([DifferenceClass.MissingOnPlatform, DifferenceClass.Duplicate], result.Differences.Select(d => d.Class));
    }

    [Fact]
    public void Totalled_lines_are_summed_by_kind_and_a_repeated_one_is_a_duplicate()
    {
        var result = Reconcile(
        [
            Totalled(StatementEntryKind.Fee, "fee-1", 0, 120),
            Totalled(StatementEntryKind.Fee, "fee-2", 0, 80),
            Totalled(StatementEntryKind.Payout, "po-1", 1_000_000),
            Totalled(StatementEntryKind.Payout, "po-1", 1_000_000),
            Totalled(StatementEntryKind.Adjustment, "adj-1", 700),
            Paid("P1"),
        ],
        [Payment("P1")]);

        var difference = Assert.Single(result.Differences);
        Assert.Equal((DifferenceClass.Duplicate, StatementEntryKind.Payout, "po-1", ProposedResolution.OperatorReview), Subject(difference));
        Assert.Equal(new LineTotals(2, Cny(0), Cny(200)), result.Summary.Lines[StatementEntryKind.Fee]);
        Assert.Equal(new LineTotals(2, Cny(2_000_000), Cny(0)), result.Summary.Lines[StatementEntryKind.Payout]);
        Assert.Equal(new LineTotals(1, Cny(700), Cny(0)), result.Summary.Lines[StatementEntryKind.Adjustment]);
        Assert.Equal(new LineTotals(1, Cny(10_000), Cny(60)), result.Summary.Lines[StatementEntryKind.Payment]);
        Assert.Equal(new LineTotals(0, Cny(0), Cny(0)), result.Summary.Lines[StatementEntryKind.Refund]);
    }
}

using PayFunctions.Domain.Reconciliation;
using PayFunctions.Domain.Routing;
using static PayFunctions.Domain.Tests.Reconciliation.ReconciliationFixtures;

namespace PayFunctions.Domain.Tests.Reconciliation;

public sealed class DateBoundaryShiftTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(-299)]
    public void A_line_of_the_day_the_platform_booked_just_before_it_is_a_shift_needing_nothing(int seconds)
    {
        var difference = Assert.Single(Reconcile([Paid("P1", at: Start.AddSeconds(2))], [Payment("P1", bookedAt: Start.AddSeconds(seconds))]).Differences);

        Assert.Equal((DifferenceClass.DateBoundaryShift, StatementEntryKind.Payment, "P1", ProposedResolution.None), Subject(difference));
        Assert.NotNull(difference.Statement);
        Assert.NotNull(difference.Payment);
    }

    [Fact]
    public void A_line_of_the_day_the_platform_booked_just_after_it_is_a_shift()
    {
        var difference = Assert.Single(Reconcile([Refunded("R1", at: End.AddSeconds(-1))], refunds: [Refund("R1", bookedAt: End.AddSeconds(1))]).Differences);

        Assert.Equal((DifferenceClass.DateBoundaryShift, StatementEntryKind.Refund, "R1", ProposedResolution.None), Subject(difference));
    }

    [Fact]
    public void Just_outside_the_window_the_platform_booking_is_another_days()
    {
        var difference = Assert.Single(Reconcile([Paid("P1", at: Start.AddSeconds(2))], [Payment("P1", bookedAt: Start.AddSeconds(-301))]).Differences);

        Assert.Equal(DifferenceClass.MissingOnPlatform, difference.Class);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(299)]
    [InlineData(86_101)]
    [InlineData(86_399)]
    public void A_success_booked_near_a_midnight_of_the_day_that_the_statement_lacks_awaits_the_neighbouring_day(int seconds)
    {
        var difference = Assert.Single(Reconcile([], [Payment("P1", bookedAt: Start.AddSeconds(seconds))]).Differences);

        Assert.Equal((DifferenceClass.DateBoundaryShift, StatementEntryKind.Payment, "P1", ProposedResolution.AwaitNeighbourDay), Subject(difference));
        Assert.Null(difference.Statement);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(86_099)]
    public void A_success_further_from_midnight_that_the_statement_lacks_is_missing_at_the_channel(int seconds) =>
        Assert.Equal(DifferenceClass.MissingAtChannel, Assert.Single(Reconcile([], [Payment("P1", bookedAt: Start.AddSeconds(seconds))]).Differences).Class);

    [Fact]
    public void A_shift_still_compares_the_amount()
    {
        var result = Reconcile([Paid("P1", 9_000, at: Start.AddSeconds(2))], [Payment("P1", bookedAt: Start.AddSeconds(-2))]);

        Assert.Equal([DifferenceClass.AmountMismatch, DifferenceClass.DateBoundaryShift], result.Differences.Select(d => d.Class));
    }

    [Fact]
    public void The_day_starts_at_midnight_in_the_channels_time_zone()
    {
        var bookedAt = new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero);

        Assert.Empty(Reconcile([Paid("P1")], [Payment("P1", bookedAt: bookedAt)]).Differences);
        Assert.Equal(DifferenceClass.MissingOnPlatform, Assert.Single(Reconcile([Paid("P1")], [Payment("P1", bookedAt: bookedAt)], day: Day with { TimeZone = TimeZoneInfo.Utc }).Differences).Class);
    }

    [Fact]
    public void The_window_is_the_days_to_configure()
    {
        var wide = Day with { ShiftWindow = TimeSpan.FromHours(1) };

        Assert.Equal(DifferenceClass.DateBoundaryShift, Assert.Single(Reconcile([Paid("P1")], [Payment("P1", bookedAt: Start.AddMinutes(-50))], day: wide).Differences).Class);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(12 * 3600 + 1)]
    public void A_window_outside_zero_to_twelve_hours_is_refused(int seconds) =>
        Assert.Throws<ArgumentException>(() => new StatementMatcher(Day with { ShiftWindow = TimeSpan.FromSeconds(seconds) }, [], []));

    [Fact]
    public void Another_account_or_day_gives_other_ids()
    {
        var ids = new[] { Day, Day with { Day = Day.Day.AddDays(1) }, Day with { Account = new ChannelAccountId("wechat_pay", "other") } }
            .Select(day => Assert.Single(Reconcile([Paid("P9")], day: day).Differences).Id)
            .ToList();

        Assert.Equal(3, ids.Distinct().Count());
    }
}

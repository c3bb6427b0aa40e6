using PayFunctions.Core.Routing;

namespace PayFunctions.Core.Tests.Routing;

public sealed class UsageCounterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 3, 1);

    [Fact]
    public void LastSecond_SlidesByTenthsOfASecond()
    {
        var counter = new UsageCounter();
        foreach (var ms in new[] { 0, 300, 950 })
        {
            counter.Record(Day, 1, UsageCounter.BucketOf(Start.AddMilliseconds(ms)), Start);
        }

        Assert.Equal(3, LastSecond(counter, 950));
        Assert.Equal(2, LastSecond(counter, 1050));
        Assert.Equal(1, LastSecond(counter, 1350));
        Assert.Equal(0, LastSecond(counter, 2000));
    }

    [Fact]
    public void LastSecond_ForgetsABucketWhenTheRingComesRoundToIt()
    {
        var counter = new UsageCounter();
        counter.Record(Day, 1, UsageCounter.BucketOf(Start), Start);
        counter.Record(Day, 1, UsageCounter.BucketOf(Start.AddSeconds(1)), Start);

        Assert.Equal(1, LastSecond(counter, 1000));
    }

    [Fact]
    public void DayTotals_StartOverOnALaterDay_AndAnEarlierDayReadsEmpty()
    {
        var counter = new UsageCounter();
        counter.Record(Day, 500, UsageCounter.BucketOf(Start), Start);
        counter.Record(Day, 250, UsageCounter.BucketOf(Start), Start);
        Assert.Equal((750L, 2), Totals(counter.Read(Day, UsageCounter.BucketOf(Start), Start)));

        counter.Record(Day.AddDays(1), 100, UsageCounter.BucketOf(Start), Start);

        Assert.Equal((100L, 1), Totals(counter.Read(Day.AddDays(1), UsageCounter.BucketOf(Start), Start)));
        Assert.Equal((0L, 0), Totals(counter.Read(Day, UsageCounter.BucketOf(Start), Start)));
    }

    [Fact]
    public void Totals_AddTheOwnRowOnceAndTheOthersAsLastRead()
    {
        var counter = new UsageCounter();
        counter.Record(Day, 10, UsageCounter.BucketOf(Start), Start);

        counter.Refreshed(Day, 1, ownAmount: 1000, ownCount: 4, otherAmount: 300, otherCount: 2);
        counter.Refreshed(Day, 2, ownAmount: 9999, ownCount: 99, otherAmount: 500, otherCount: 3);

        Assert.Equal((1510L, 8), Totals(counter.Read(Day, UsageCounter.BucketOf(Start), Start)));
        Assert.True(counter.TryTakeChanges(out var day, out var amount, out var count));
        Assert.Equal((Day, 1010L, 5), (day, amount, count));
        Assert.False(counter.TryTakeChanges(out _, out _, out _));
    }

    [Fact]
    public void Changes_AreNotWrittenBeforeTheOwnRowWasReadBack()
    {
        var counter = new UsageCounter();
        counter.Record(Day, 10, UsageCounter.BucketOf(Start), Start);

        Assert.False(counter.TryTakeChanges(out _, out _, out _));
        counter.Refreshed(Day, 1, 0, 0, 0, 0);
        Assert.True(counter.TryTakeChanges(out _, out _, out _));
    }

    [Fact]
    public void RowsOfAnotherDay_AreIgnored()
    {
        var counter = new UsageCounter();
        counter.Record(Day.AddDays(1), 10, UsageCounter.BucketOf(Start), Start);

        counter.Refreshed(Day, 1, 1000, 4, 300, 2);

        Assert.Equal((10L, 1), Totals(counter.Read(Day.AddDays(1), UsageCounter.BucketOf(Start), Start)));
    }

    [Fact]
    public void Refresh_IsBegunOncePerStalenessPeriod()
    {
        var counter = new UsageCounter();
        var staleness = TimeSpan.FromSeconds(5);
        counter.Record(Day, 10, UsageCounter.BucketOf(Start), Start);

        Assert.True(counter.TryBeginRefresh(Start, staleness, out var day, out _));
        Assert.Equal(Day, day);
        counter.RefreshEnded();
        Assert.False(counter.TryBeginRefresh(Start.AddSeconds(4), staleness, out _, out _));
        Assert.True(counter.TryBeginRefresh(Start.AddSeconds(5), staleness, out _, out _));
        Assert.False(counter.TryBeginRefresh(Start.AddSeconds(20), staleness, out _, out _));
    }

    [Fact]
    public void AReadThatBeganEarlier_CannotUndoANewerOne()
    {
        var counter = new UsageCounter();
        counter.Record(Day, 10, UsageCounter.BucketOf(Start), Start);
        Assert.True(counter.TryBeginRead(out _, out var older));
        Assert.True(counter.TryBeginRead(out _, out var newer));

        counter.Refreshed(Day, newer, 0, 0, 500, 3);
        counter.Refreshed(Day, older, 0, 0, 100, 1);

        Assert.Equal((510L, 4), Totals(counter.Read(Day, UsageCounter.BucketOf(Start), Start)));
    }

    private static int LastSecond(UsageCounter counter, int ms) =>
        counter.Read(Day, UsageCounter.BucketOf(Start.AddMilliseconds(ms)), Start).LastSecondCount;

    private static (long, int) Totals(RoutingUsageSnapshot s) => (s.DayAmount, s.DayCount);
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Tests.Orchestration;

public sealed class SettlementSchedulerTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static SettlementScheduler At(int hour, int minute)
    {
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }));
        var time = new FakeTimeProvider(SettlementHarness.ChinaTime(Today, hour, minute));
        var audit = new AuditLog(storage, Options.Create(new AuditOptions()), time, NullLogger<AuditLog>.Instance);
        return new SettlementScheduler(Options.Create(new SettlementOptions()), time, new SettlementDayStore(storage), audit);
    }

    [Fact]
    public void Day_CanBeSettledOnlyOnceItsCutoffAndTheGraceHavePassed()
    {
        Assert.False(At(0, 5).CanSettle(Today));
        Assert.True(At(0, 5).CanSettle(Today.AddDays(-1)));
        Assert.True(At(0, 10).CanSettle(Today));
        Assert.False(At(23, 59).CanSettle(Today.AddDays(1)));
        Assert.False(At(12, 0).CanSettle(DateOnly.MaxValue));
        Assert.False(At(12, 0).CanSettle(SettlementScheduler.EarliestDate.AddDays(-1)));
        Assert.Equal(SettlementHarness.ChinaTime(Today, 0, 10), At(0, 0).OpensAt(Today));
    }

    [Fact]
    public void LatestSettleableDay_IsTodayFromTheEndOfTheGrace()
    {
        Assert.Equal(Today.AddDays(-1), At(0, 5).LatestSettleableDate());
        Assert.Equal(Today, At(0, 30).LatestSettleableDate());
        Assert.Equal(Today, At(23, 59).LatestSettleableDate());
    }

    [Fact]
    public void Instances_AreNewForEveryAttempt()
    {
        var day = new DateOnly(2026, 3, 2);

        Assert.NotEqual(SettlementInstances.ForDay(day, SettlementInstances.NewAttempt()), SettlementInstances.ForDay(day, SettlementInstances.NewAttempt()));
        Assert.StartsWith("settlement_20260302_", SettlementInstances.ForDay(day, SettlementInstances.NewAttempt()), StringComparison.Ordinal);
        Assert.Equal("settlement_daily_x_20260302", SettlementInstances.DayOf("settlement_daily_x", day));
    }

    [Theory]
    [InlineData("00:00:00", true)]
    [InlineData("00:29:00", true)]
    [InlineData("00:30:00", false)]
    [InlineData("-00:01:00", false)]
    public void Grace_MustEndBeforeTheDailyRun(string grace, bool valid) =>
        Assert.Equal(valid, new SettlementOptions { CutoffGrace = TimeSpan.Parse(grace, System.Globalization.CultureInfo.InvariantCulture) }.IsValid());
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Tests.Routing;

[Collection(AzuriteCollection.Name)]
public sealed class RoutingUsageTests(AzuriteFixture azurite)
{
    private static readonly ChannelAccountId Main = new("wechat_pay", "main");
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero));
    private readonly string merchant = "mch_" + Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public void TheDay_EndsAtMidnightOnThePolicysClock()
    {
        var usage = Usage("a");
        var beforeMidnight = new DateTimeOffset(2026, 3, 1, 15, 59, 59, TimeSpan.Zero);
        usage.Record(merchant, Main, 100, beforeMidnight, China);

        Assert.Equal(100, usage.Get(merchant, Main, beforeMidnight.AddMilliseconds(500), China).DayAmount);
        Assert.Equal(0, usage.Get(merchant, Main, beforeMidnight.AddSeconds(1), China).DayAmount);

        var utcMerchant = merchant + "u";
        usage.Record(utcMerchant, Main, 100, beforeMidnight, TimeSpan.Zero);
        Assert.Equal(100, usage.Get(utcMerchant, Main, beforeMidnight.AddSeconds(1), TimeSpan.Zero).DayAmount);
    }

    [Fact]
    public async Task Totals_OfOtherInstances_AreAddedOnceTheirRowsAreRead()
    {
        var a = Usage("a");
        var b = Usage("b");
        var at = time.GetUtcNow();

        a.Record(merchant, Main, 100, at, China);
        await a.RefreshAsync(merchant, Main, CancellationToken.None);
        await a.FlushAsync(CancellationToken.None);
        b.Record(merchant, Main, 40, at, China);
        await b.RefreshAsync(merchant, Main, CancellationToken.None);
        await b.FlushAsync(CancellationToken.None);
        await a.RefreshAsync(merchant, Main, CancellationToken.None);

        Assert.Equal(new RoutingUsageSnapshot(140, 2, 1), b.Get(merchant, Main, at, China));
        Assert.Equal(new RoutingUsageSnapshot(140, 2, 1), a.Get(merchant, Main, at, China));
    }

    [Fact]
    public async Task AfterARestart_AnInstanceReadsBackItsOwnTotals_AndKeepsCounting()
    {
        var at = time.GetUtcNow();
        var before = Usage("a");
        before.Record(merchant, Main, 100, at, China);
        await before.RefreshAsync(merchant, Main, CancellationToken.None);
        await before.FlushAsync(CancellationToken.None);

        var after = Usage("a");
        Assert.Equal(0, after.Get(merchant, Main, at, China).DayAmount);
        await after.RefreshAsync(merchant, Main, CancellationToken.None);
        after.Record(merchant, Main, 10, at, China);
        await after.FlushAsync(CancellationToken.None);

        var other = Usage("b");
        other.Get(merchant, Main, at, China);
        await other.RefreshAsync(merchant, Main, CancellationToken.None);
        Assert.Equal((110L, 2), (after.Get(merchant, Main, at, China).DayAmount, after.Get(merchant, Main, at, China).DayCount));
        Assert.Equal((110L, 2), (other.Get(merchant, Main, at, China).DayAmount, other.Get(merchant, Main, at, China).DayCount));
    }

    [Theory]
    [InlineData("mch|x", "wechat_pay", "main")]
    [InlineData("mch/x", "wechat_pay", "main")]
    [InlineData("", "wechat_pay", "main")]
    [InlineData("mch_x", "carrier_pigeon", "main")]
    [InlineData("mch_x", "wechat_pay", "Main/../x")]
    public void KeysThatCannotNameACounter_AreRefused(string merchantId, string channel, string account)
    {
        var usage = Usage("a");

        Assert.Throws<ArgumentException>(() => usage.Record(merchantId, new ChannelAccountId(channel, account), 1, time.GetUtcNow(), China));
    }

    [Fact]
    public void AnOffsetBeyondFourteenHours_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Usage("a").Get(merchant, Main, time.GetUtcNow(), TimeSpan.FromHours(15)));
    }

    [Fact]
    public void Partitions_MapOneToOne()
    {
        var day = new DateOnly(2026, 3, 1);

        Assert.NotEqual(
            RoutingUsageRows.PartitionOf("a|b", new ChannelAccountId("c", "d"), day),
            RoutingUsageRows.PartitionOf("a", new ChannelAccountId("b|c", "d"), day));
        Assert.Equal("mch_1|wechat_pay|main|20260301", RoutingUsageRows.PartitionOf("mch_1", Main, day));
    }

    private RoutingUsage Usage(string instance) =>
        new(new RoutingUsageRows(azurite.Storage), Options.Create(new RoutingOptions { InstanceId = instance + merchant }), time, NullLogger<RoutingUsage>.Instance);
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Channels;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Tests.Channels;

public sealed class ChannelAccountThrottleTests
{
    private static readonly ChannelAccountId Main = new("wechat_pay", "main");
    private static readonly ChannelAccountId Spare = new("wechat_pay", "spare");
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void RateLimit_AllowsNStartsPerWindow_AndTheNextOnlyWhenTheOldestIsAWindowOld()
    {
        var throttle = Throttle(rate: 3);

        Assert.Equal(3, TakeAll(throttle, Main).Count);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(throttle.TryAcquire(Main, out _));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, TakeAll(throttle, Main).Count);
    }

    [Fact]
    public void RateLimit_IsASlidingWindow_NeverTwiceTheRateAcrossASecondBoundary()
    {
        // A token bucket refilled at the second would let 3 through at 0.9 s and 3 more at 1.0 s: 6 within 0.1 s.
        var throttle = Throttle(rate: 3);
        var starts = new List<TimeSpan>();
        for (var ms = 0; ms < 5000; ms += 50)
        {
            starts.AddRange(TakeAll(throttle, Main).Select(_ => TimeSpan.FromMilliseconds(ms)));
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        Assert.Equal(15, starts.Count);
        Assert.All(starts, start => Assert.InRange(starts.Count(s => s >= start && s < start + TimeSpan.FromSeconds(1)), 1, 3));
    }

    [Fact]
    public void ArrivalMargin_LengthensTheWindow()
    {
        var throttle = Throttle(rate: 1, margin: TimeSpan.FromMilliseconds(100));

        Assert.True(throttle.TryAcquire(Main, out var call));
        call.Dispose();
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(throttle.TryAcquire(Main, out _));
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(throttle.TryAcquire(Main, out _));
    }

    [Fact]
    public void ConcurrencyCap_RefusesWhileFull_AndAReleasedLeaseFreesOneSlotOnce()
    {
        var throttle = Throttle(concurrency: 2);
        Assert.True(throttle.TryAcquire(Main, out var first));
        Assert.True(throttle.TryAcquire(Main, out _));
        Assert.False(throttle.TryAcquire(Main, out _));

        first.Dispose();
        first.Dispose();

        Assert.True(throttle.TryAcquire(Main, out _));
        Assert.False(throttle.TryAcquire(Main, out _));
    }

    [Fact]
    public void Accounts_AreLimitedApart_AndOneWithoutLimitsIsUnlimited()
    {
        var throttle = new ChannelAccountThrottle(Configuration(("main", "RatePerSecond", "1")), Options.Create(new ChannelWorkOptions()), time);

        Assert.True(throttle.TryAcquire(Main, out _));
        Assert.False(throttle.TryAcquire(Main, out _));
        Assert.Equal(100, Enumerable.Range(0, 100).Count(i => throttle.TryAcquire(Spare, out var lease)));
    }

    [Fact]
    public void RateLimit_CountsTheWindowFromWhenACallEnded_SoASlowCallCannotBunchArrivals()
    {
        var throttle = Throttle(rate: 1);
        Assert.True(throttle.TryAcquire(Main, out var slow));

        // Still running after two seconds: its request may reach the channel at any moment until it ends.
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(throttle.TryAcquire(Main, out _));
        slow.Dispose();
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(throttle.TryAcquire(Main, out _));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(throttle.TryAcquire(Main, out _));
    }

    [Fact]
    public async Task AcquireAsync_ServesWaitersInOrder_AsTheWindowFrees()
    {
        var throttle = Throttle(rate: 1);
        Assert.True(throttle.TryAcquire(Main, out var call));
        call.Dispose();
        var first = throttle.AcquireAsync(Main, CancellationToken.None).AsTask();
        var second = throttle.AcquireAsync(Main, CancellationToken.None).AsTask();

        // A waiter is ahead: taking a permit past it is refused even when one frees.
        time.Advance(TimeSpan.FromSeconds(1));
        (await first.WaitAsync(Guard)).Dispose();
        Assert.False(second.IsCompleted);
        Assert.False(throttle.TryAcquire(Main, out _));

        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(Guard);
    }

    [Fact]
    public async Task AcquireAsync_WaitsForAReleaseUnderTheConcurrencyCap()
    {
        var throttle = Throttle(concurrency: 1);
        Assert.True(throttle.TryAcquire(Main, out var held));
        var waiting = throttle.AcquireAsync(Main, CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);

        held.Dispose();

        using var lease = await waiting.WaitAsync(Guard);
        Assert.False(throttle.TryAcquire(Main, out _));
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_LeavesItsPlaceToTheNext()
    {
        var throttle = Throttle(concurrency: 1);
        Assert.True(throttle.TryAcquire(Main, out var held));
        using var cancel = new CancellationTokenSource();
        var cancelled = throttle.AcquireAsync(Main, cancel.Token).AsTask();
        var next = throttle.AcquireAsync(Main, CancellationToken.None).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Guard));
        held.Dispose();

        using var lease = await next.WaitAsync(Guard);
    }

    /// <summary>Every permit the throttle grants now, each for a call that ends at once.</summary>
    private static List<IDisposable> TakeAll(ChannelAccountThrottle throttle, ChannelAccountId account)
    {
        var leases = new List<IDisposable>();
        while (leases.Count < 1000 && throttle.TryAcquire(account, out var lease))
        {
            lease.Dispose();
            leases.Add(lease);
        }

        return leases;
    }

    private ChannelAccountThrottle Throttle(int? rate = null, int? concurrency = null, TimeSpan? margin = null)
    {
        var settings = new List<(string, string, string)>();
        if (rate is { } r)
        {
            settings.Add(("main", "RatePerSecond", r.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (concurrency is { } c)
        {
            settings.Add(("main", "MaxConcurrency", c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ChannelAccountThrottle(Configuration([.. settings]), Options.Create(new ChannelWorkOptions { RateArrivalMargin = margin ?? TimeSpan.Zero }), time);
    }

    private static IConfiguration Configuration(params (string Account, string Setting, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Channels:WeChatPay:Accounts:{s.Account}:{s.Setting}", s.Value)))
            .Build();
}

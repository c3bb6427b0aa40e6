using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.RateLimiting;

namespace PayFunctions.Core.Tests.RateLimiting;

public sealed class KeyedRateLimiterTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void Burst_UpToTheLimit_IsAllowed_AndTheNextWaitsOneInterval()
    {
        var limiter = Limiter(limit: 10, window: TimeSpan.FromSeconds(1));

        Assert.All(Enumerable.Range(0, 10), _ => Assert.True(limiter.Acquire(1).Allowed));
        var refused = limiter.Acquire(1);

        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromMilliseconds(100), refused.RetryAfter);
    }

    [Fact]
    public void Allowance_RefillsAtLimitPerWindow()
    {
        var limiter = Limiter(limit: 10, window: TimeSpan.FromSeconds(1));
        Drain(limiter, 1);

        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(limiter.Acquire(1).Allowed);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.Acquire(1).Allowed);
        Assert.False(limiter.Acquire(1).Allowed);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, Enumerable.Range(0, 20).Count(_ => limiter.Acquire(1).Allowed));
    }

    [Fact]
    public void Keys_HaveTheirOwnAllowance()
    {
        var limiter = Limiter(limit: 3, window: TimeSpan.FromMinutes(1));
        Drain(limiter, 1);

        Assert.True(limiter.Acquire(2).Allowed);
        Assert.False(limiter.Acquire(1).Allowed);
    }

    [Fact]
    public void RefusedRequests_DoNotPushTheWaitFurther()
    {
        var limiter = Limiter(limit: 2, window: TimeSpan.FromSeconds(2));
        Drain(limiter, 1);

        for (var i = 0; i < 100; i++)
        {
            limiter.Acquire(1);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.Acquire(1).Allowed);
    }

    [Fact]
    public void Peek_ReportsWithoutTaking()
    {
        var limiter = Limiter(limit: 2, window: TimeSpan.FromMinutes(1));

        Assert.True(limiter.Peek(1).Allowed);
        Assert.True(limiter.Peek(1).Allowed);
        Assert.Equal(0, limiter.TrackedKeys);
        Drain(limiter, 1);

        var peeked = limiter.Peek(1);
        Assert.False(peeked.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(30), peeked.RetryAfter);
    }

    [Fact]
    public void ManyDistinctKeys_NeverGrowTheTablePastItsBound_AndShareOneAllowance()
    {
        var limiter = Limiter(limit: 5, window: TimeSpan.FromMinutes(1), maxKeys: 1_000);

        var allowed = 0;
        for (UInt128 key = 0; key < 50_000; key++)
        {
            allowed += limiter.Acquire(key).Allowed ? 1 : 0;
        }

        Assert.Equal(1_000, limiter.TrackedKeys);
        // Each remembered key took one request; the other 49,000 shared one burst of five.
        Assert.Equal(1_000 + 5, allowed);
    }

    [Fact]
    public void KeysBeingLimited_KeepTheirStateWhileOthersFlood()
    {
        var limiter = Limiter(limit: 5, window: TimeSpan.FromHours(1), maxKeys: 1_000);
        Drain(limiter, 0);

        for (UInt128 key = 1; key < 20_000; key++)
        {
            limiter.Acquire(key);
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.False(limiter.Acquire(0).Allowed);
    }

    [Fact]
    public void WholeAgainKeys_AreSweptWhenTheTableIsFull()
    {
        var limiter = Limiter(limit: 5, window: TimeSpan.FromSeconds(1), maxKeys: 1_000);
        for (UInt128 key = 0; key < 1_000; key++)
        {
            limiter.Acquire(key);
        }

        time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(limiter.Acquire(5_000).Allowed);
        Assert.Equal(1, limiter.TrackedKeys);
        Drain(limiter, 6_000);
        Assert.True(limiter.Acquire(7_000).Allowed);
    }

    private KeyedRateLimiter Limiter(int limit, TimeSpan window, int maxKeys = 100_000) =>
        new(new RateLimitRule { Limit = limit, Window = window }, maxKeys, time);

    private static void Drain(KeyedRateLimiter limiter, UInt128 key)
    {
        while (limiter.Acquire(key).Allowed)
        {
        }
    }
}

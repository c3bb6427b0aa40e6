using System.Runtime.CompilerServices;
using PayFunctions.Domain.Reconciliation;
using static PayFunctions.Domain.Tests.Reconciliation.ReconciliationFixtures;

namespace PayFunctions.Domain.Tests.Reconciliation;

public sealed class StreamingTests
{
    [Fact]
    public void A_line_that_agrees_is_not_kept_and_a_line_that_differs_is()
    {
        var matcher = new StatementMatcher(Day, [Payment("P1"), Payment("P2")], []);
        var agreeing = AddAndForget(matcher, "P1", 10_000);
        var differing = AddAndForget(matcher, "P2", 1);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(agreeing.TryGetTarget(out _));
        Assert.True(differing.TryGetTarget(out _));
        GC.KeepAlive(matcher);
    }

    /// <summary>Makes and adds the line in a frame of its own, so that no local of the test keeps it alive.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<StatementEntry> AddAndForget(StatementMatcher matcher, string outTradeNo, long amount)
    {
        var entry = Paid(outTradeNo, amount);
        matcher.Add(entry);
        return new WeakReference<StatementEntry>(entry);
    }
}

using System.Collections.Concurrent;

namespace ChannelSandbox.WeChatPay.Refunds;

/// <summary>Refunds by out_refund_no, and how many of the next refunds are to end ABNORMAL or without their notification.</summary>
public sealed class RefundStore
{
    private readonly ConcurrentDictionary<string, Refund> _refunds = new(StringComparer.Ordinal);
    private int _failNext;
    private int _silenceNext;

    public void Add(Refund refund) => _refunds.TryAdd(refund.Request.OutRefundNo, refund);

    public Refund? Find(string outRefundNo) => _refunds.GetValueOrDefault(outRefundNo);

    public void FailNext(int times) => Interlocked.Exchange(ref _failNext, times);

    public void SilenceNext(int times) => Interlocked.Exchange(ref _silenceNext, times);

    /// <summary>What becomes of the refund being taken now; each call uses up one of each pending fault.</summary>
    public RefundFate TakeFate() => new(Take(ref _failNext), Take(ref _silenceNext));

    private static bool Take(ref int pendingFaults)
    {
        while (true)
        {
            var pending = Volatile.Read(ref pendingFaults);
            if (pending <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref pendingFaults, pending - 1, pending) == pending)
            {
                return true;
            }
        }
    }
}

/// <summary>How a refund ends: ABNORMAL instead of SUCCESS when it <paramref name="Fails"/>; without its result notification when <paramref name="Silent"/>.</summary>
public readonly record struct RefundFate(bool Fails, bool Silent);

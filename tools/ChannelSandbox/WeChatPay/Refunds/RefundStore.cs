using System.Collections.Concurrent;

namespace ChannelSandbox.WeChatPay.Refunds;

/// <summary>Refunds by out_refund_no, and how many of the next refunds are to end ABNORMAL.</summary>
public sealed class RefundStore
{
    private readonly ConcurrentDictionary<string, Refund> _refunds = new(StringComparer.Ordinal);
    private int _failNext;

    public void Add(Refund refund) => _refunds.TryAdd(refund.Request.OutRefundNo, refund);

    public Refund? Find(string outRefundNo) => _refunds.GetValueOrDefault(outRefundNo);

    public void FailNext(int times) => Interlocked.Exchange(ref _failNext, times);

    /// <summary>Whether the refund being taken now is one that is to fail; each call uses up one.</summary>
    public bool TakeFailure()
    {
        while (true)
        {
            var pending = Volatile.Read(ref _failNext);
            if (pending <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _failNext, pending - 1, pending) == pending)
            {
                return true;
            }
        }
    }
}

namespace ChannelSandbox.Alipay;

/// <summary>
/// A misbehaviour to play on the next matching gateway calls:
/// <list type="bullet">
/// <item><c>timeout</c>: the call is carried out, then the answer is held back <c>delay_ms</c> (the merchant times out: a lost answer).</item>
/// <item><c>system_error</c>: nothing is done; the answer is 20000 / ACQ.SYSTEM_ERROR, signed.</item>
/// <item><c>bad_signature</c>: the call is carried out; the answer's sign does not match its text.</item>
/// <item><c>unsigned</c>: the call is carried out; the answer carries no sign.</item>
/// <item><c>user_paying</c>: alipay.trade.pay answers 10003; the payer completes it with the control API's pay.</item>
/// <item><c>balance_not_enough</c>: alipay.trade.pay answers 40004 ACQ.BUYER_BALANCE_NOT_ENOUGH.</item>
/// </list>
/// </summary>
public sealed record AlipayFault(string Kind, string? Method, int DelayMs);

/// <summary>The faults waiting to be played, oldest first.</summary>
public sealed class AlipayFaults
{
    public static readonly string[] Kinds = ["timeout", "system_error", "bad_signature", "unsigned", "user_paying", "balance_not_enough"];

    private readonly Lock _gate = new();
    private readonly List<(AlipayFault Fault, int Remaining)> _pending = [];

    public void Add(AlipayFault fault, int times)
    {
        lock (_gate)
        {
            _pending.Add((fault, times));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    public IReadOnlyList<object> Pending()
    {
        lock (_gate)
        {
            return [.. _pending.Select(p => new { kind = p.Fault.Kind, method = p.Fault.Method, delay_ms = p.Fault.DelayMs, remaining = p.Remaining })];
        }
    }

    /// <summary>Takes one use of the oldest pending fault of one of <paramref name="kinds"/> that applies to <paramref name="method"/>.</summary>
    public AlipayFault? Take(string method, params string[] kinds)
    {
        lock (_gate)
        {
            for (var i = 0; i < _pending.Count; i++)
            {
                var (fault, remaining) = _pending[i];
                if ((fault.Method is null || fault.Method == method) && kinds.Contains(fault.Kind))
                {
                    if (remaining <= 1)
                    {
                        _pending.RemoveAt(i);
                    }
                    else
                    {
                        _pending[i] = (fault, remaining - 1);
                    }

                    return fault;
                }
            }

            return null;
        }
    }
}

namespace ChannelSandbox.AlipayPlus;

/// <summary>
/// A misbehaviour to play on the next matching API calls (<c>api</c>: pay, inquiryPayment, cancel, refund, inquiryRefund; any when absent):
/// <list type="bullet">
/// <item><c>unknown</c>: nothing is done; the answer is result U UNKNOWN_EXCEPTION, signed.</item>
/// <item><c>timeout</c>: the call is carried out, then the answer is held back <c>delay_ms</c> (a lost answer).</item>
/// <item><c>bad_signature</c>: the call is carried out; the answer's signature does not match its body.</item>
/// <item><c>refund_in_process</c>: a refund is answered U REFUND_IN_PROCESS and ends <c>delay_ms</c> later with its notification.</item>
/// </list>
/// </summary>
public sealed record AlipayPlusFault(string Kind, string? Api, int DelayMs);

/// <summary>The faults waiting to be played, oldest first.</summary>
public sealed class AlipayPlusFaults
{
    public static readonly string[] Kinds = ["unknown", "timeout", "bad_signature", "refund_in_process"];

    private readonly Lock _gate = new();
    private readonly List<(AlipayPlusFault Fault, int Remaining)> _pending = [];

    public void Add(AlipayPlusFault fault, int times)
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
            return [.. _pending.Select(p => new { kind = p.Fault.Kind, api = p.Fault.Api, delay_ms = p.Fault.DelayMs, remaining = p.Remaining })];
        }
    }

    /// <summary>Takes one use of the oldest pending fault of one of <paramref name="kinds"/> that applies to <paramref name="api"/>.</summary>
    public AlipayPlusFault? Take(string api, params string[] kinds)
    {
        lock (_gate)
        {
            for (var i = 0; i < _pending.Count; i++)
            {
                var (fault, remaining) = _pending[i];
                if ((fault.Api is null || fault.Api == api) && kinds.Contains(fault.Kind))
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

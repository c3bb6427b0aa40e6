namespace ChannelSandbox.WeChatPay;

/// <summary>
/// Faults of the next API v3 answers, whatever the call, set through the control API: a late answer (the request
/// is still carried out, as when the network loses the answer) or an answer whose signature does not verify.
/// </summary>
public sealed class AnswerFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<AnswerFault> _next = new();

    public void Add(AnswerFault fault, int times)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _next.Enqueue(fault);
            }
        }
    }

    public AnswerFault? Take()
    {
        lock (_gate)
        {
            return _next.TryDequeue(out var fault) ? fault : null;
        }
    }
}

/// <summary>One answer fault: held back by <paramref name="Delay"/>, or signed over other bytes than those sent.</summary>
public sealed record AnswerFault(TimeSpan Delay, bool BadSignature);

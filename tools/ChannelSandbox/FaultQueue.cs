namespace ChannelSandbox;

/// <summary>A misbehaviour a simulator plays on its next matching calls: its kind, and the call it is for (any when null).</summary>
public interface ISandboxFault
{
    string Kind { get; }

    string? Scope { get; }
}

/// <summary>The faults waiting to be played, oldest first, each a given number of times.</summary>
public class FaultQueue<TFault>
    where TFault : ISandboxFault
{
    private readonly Lock _gate = new();
    private readonly List<(TFault Fault, int Remaining)> _pending = [];

    public void Add(TFault fault, int times)
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

    public IReadOnlyList<(TFault Fault, int Remaining)> Pending()
    {
        lock (_gate)
        {
            return [.. _pending];
        }
    }

    /// <summary>Takes one use of the oldest pending fault of one of <paramref name="kinds"/> that applies to <paramref name="scope"/>.</summary>
    public TFault? Take(string scope, params string[] kinds)
    {
        lock (_gate)
        {
            for (var i = 0; i < _pending.Count; i++)
            {
                var (fault, remaining) = _pending[i];
                if ((fault.Scope is null || fault.Scope == scope) && kinds.Contains(fault.Kind))
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

            return default;
        }
    }
}

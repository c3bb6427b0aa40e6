namespace ChannelSandbox;

/// <summary>Failures injected on command through a simulator's control API, each used up by the next call it applies to.</summary>
public abstract class FaultQueue
{
    private readonly List<string> _pending = [];

    public void Add(string kind, int times)
    {
        lock (_pending)
        {
            _pending.AddRange(Enumerable.Repeat(kind, times));
        }
    }

    public IReadOnlyList<string> Pending()
    {
        lock (_pending)
        {
            return [.. _pending];
        }
    }

    public void Clear()
    {
        lock (_pending)
        {
            _pending.Clear();
        }
    }

    /// <summary>Takes the first pending fault among <paramref name="kinds"/>.</summary>
    public string? Take(params string[] kinds)
    {
        lock (_pending)
        {
            var index = _pending.FindIndex(kinds.Contains);
            if (index < 0)
            {
                return null;
            }

            var kind = _pending[index];
            _pending.RemoveAt(index);
            return kind;
        }
    }
}

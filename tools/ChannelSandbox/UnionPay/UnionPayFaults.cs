namespace ChannelSandbox.UnionPay;

/// <summary>Failures injected on command, each used up by the next call it applies to.</summary>
public sealed class UnionPayFaults
{
    public const string Timeout = "timeout";
    public const string SystemError = "system_error";
    public const string SignatureError = "signature_error";
    public const string UserPaying = "user_paying";
    public const string InsufficientBalance = "insufficient_balance";

    public static readonly string[] Kinds = [Timeout, SystemError, SignatureError, UserPaying, InsufficientBalance];

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

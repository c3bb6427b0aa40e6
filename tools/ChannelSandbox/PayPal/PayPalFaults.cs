namespace ChannelSandbox.PayPal;

/// <summary>Failures injected on command, each used up by the next call it applies to.</summary>
public sealed class PayPalFaults
{
    /// <summary>The next REST call (not a token request) answers 500 INTERNAL_SERVER_ERROR.</summary>
    public const string ServerError = "server_error";

    /// <summary>The next REST call answers 401 even with a valid token, as after PayPal revoked it.</summary>
    public const string TokenRevoked = "token_revoked";

    /// <summary>The next capture stays PENDING for a while, then completes (and is notified).</summary>
    public const string CapturePending = "capture_pending";

    /// <summary>The next capture is refused: 422 INSTRUMENT_DECLINED.</summary>
    public const string InstrumentDeclined = "instrument_declined";

    public static readonly string[] Kinds = [ServerError, TokenRevoked, CapturePending, InstrumentDeclined];

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

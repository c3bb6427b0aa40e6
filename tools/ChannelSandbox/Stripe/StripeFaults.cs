namespace ChannelSandbox.Stripe;

/// <summary>Failures injected on command, each used up by the next call or delivery it applies to.</summary>
public sealed class StripeFaults
{
    /// <summary>The next API call answers 500 <c>api_error</c>.</summary>
    public const string ApiError = "api_error";

    /// <summary>The next API call answers 429 <c>rate_limit</c>.</summary>
    public const string RateLimit = "rate_limit";

    /// <summary>The next webhook delivery is signed with a secret the merchant does not hold.</summary>
    public const string WebhookSignature = "webhook_signature";

    /// <summary>The next refund is <c>pending</c>; it succeeds a moment later with a <c>refund.updated</c> event.</summary>
    public const string RefundPending = "refund_pending";

    public static readonly string[] Kinds = [ApiError, RateLimit, WebhookSignature, RefundPending];

    // Counts by kind: faults of different kinds are independent (an API fault does not wait behind a webhook one).
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string kind, int times)
    {
        lock (_counts)
        {
            _counts[kind] = _counts.GetValueOrDefault(kind) + times;
        }
    }

    public IReadOnlyDictionary<string, int> Pending()
    {
        lock (_counts)
        {
            return new Dictionary<string, int>(_counts);
        }
    }

    public void Clear()
    {
        lock (_counts)
        {
            _counts.Clear();
        }
    }

    /// <summary>Uses up one fault of the first of <paramref name="kinds"/> that has one pending.</summary>
    public string? Take(params string[] kinds)
    {
        lock (_counts)
        {
            var kind = kinds.FirstOrDefault(k => _counts.GetValueOrDefault(k) > 0);
            if (kind is not null && --_counts[kind] == 0)
            {
                _counts.Remove(kind);
            }

            return kind;
        }
    }
}

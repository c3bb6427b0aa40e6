using System.Net.Http.Headers;

namespace PayFunctions.Infrastructure;

/// <summary>The contract's retry rules: what is retried and how long to wait before the next attempt.</summary>
internal static class RetryPolicy
{
    /// <summary>The longest wait a <c>Retry-After</c> may ask for; a server asking more is not waited on longer.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);

    /// <summary>Whether an error answer may succeed unchanged: the first attempt still running, a rate limit, or a
    /// server-side failure. Any other 4xx means the request itself must change.</summary>
    public static bool IsRetryable(int status, string? code) =>
        status == 429 || status >= 500 || (status == 409 && code == "idempotency_key_in_use");

    /// <summary>The wait before retry <paramref name="retry"/> (from 0): <c>min(8 s, 0.5 s × 2^n)</c> scaled by a
    /// factor in [0.5, 1] so clients that failed together do not come back together.</summary>
    /// <param name="retry">The number of retries made so far.</param>
    /// <param name="random">A uniform random number in [0, 1).</param>
    public static TimeSpan Backoff(int retry, double random)
    {
        var exponential = InitialDelay.TotalSeconds * Math.Pow(2, Math.Min(retry, 30));
        var capped = Math.Min(MaxDelay.TotalSeconds, exponential);
        return TimeSpan.FromSeconds(capped * (0.5 + (0.5 * random)));
    }

    /// <summary>The wait a <c>Retry-After</c> header asks for (delta-seconds or an HTTP date), at most
    /// <see cref="MaxRetryAfter"/>; <c>null</c> when the answer has none.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null)
        {
            return null;
        }

        var wait = header.Delta ?? (header.Date is { } date ? date - now : TimeSpan.Zero);
        if (wait < TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }
}

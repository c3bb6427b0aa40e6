namespace PayFunctions.Core.Routing;

/// <summary>
/// The per-account resilience of channel calls (section <c>ChannelResilience</c>): a timeout per attempt, retries of
/// transient failures, and a circuit breaker that stops calling an account that fails most of its calls.
/// </summary>
public sealed class ChannelResilienceOptions
{
    public const string SectionName = "ChannelResilience";

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a transient failure; every retry carries the same order number, so it cannot pay twice.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay, doubled for the next, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The share of failed attempts in <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts <see cref="SamplingDuration"/> must hold before the ratio counts: a few failures of a quiet account open nothing.</summary>
    public int MinimumThroughput { get; set; } = 8;

    /// <summary>How long an open circuit refuses calls before one probe is let through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public const string Rules =
        "ChannelResilience: AttemptTimeout 00:00:00.1–00:02:00, MaxRetries 0–5, RetryDelay 0–00:00:05, FailureRatio above 0 up to 1, " +
        "SamplingDuration 00:00:01–00:10:00, MinimumThroughput 2–1000, BreakDuration 00:00:01–00:10:00.";

    public bool IsValid() =>
        AttemptTimeout >= TimeSpan.FromMilliseconds(100) && AttemptTimeout <= TimeSpan.FromMinutes(2)
        && MaxRetries is >= 0 and <= 5
        && RetryDelay >= TimeSpan.Zero && RetryDelay <= TimeSpan.FromSeconds(5)
        && FailureRatio > 0 && FailureRatio <= 1
        && SamplingDuration >= TimeSpan.FromSeconds(1) && SamplingDuration <= TimeSpan.FromMinutes(10)
        && MinimumThroughput is >= 2 and <= 1000
        && BreakDuration >= TimeSpan.FromSeconds(1) && BreakDuration <= TimeSpan.FromMinutes(10);
}

using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// One instance's view of one account at a moment: what it stores for the others and what they merge. Latencies and
/// errors are kept for two whole minutes (<see cref="Minute"/> and the one before), so a reader a minute later can
/// still use the newer half.
/// </summary>
internal sealed record WindowSample(
    SuccessEstimate Success,
    long Minute,
    LatencyHistogram Current,
    LatencyHistogram Previous,
    ErrorCounts CurrentErrors,
    ErrorCounts PreviousErrors,
    DateTimeOffset? CircuitOpenUntil)
{
    public static long MinuteOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;

    /// <summary>The health the samples of every instance add up to at <paramref name="now"/>.</summary>
    public static AccountHealth Combine(IEnumerable<WindowSample> samples, DateTimeOffset now)
    {
        var success = SuccessEstimate.Empty;
        var latency = new LatencyHistogram();
        var errors = default(ErrorCounts);
        var circuitOpen = false;
        var minute = MinuteOf(now);
        foreach (var sample in samples)
        {
            success = success.Merge(sample.Success);
            circuitOpen |= sample.CircuitOpenUntil > now;
            if (sample.Minute == minute)
            {
                latency.Merge(sample.Current);
                latency.Merge(sample.Previous);
                errors += sample.CurrentErrors + sample.PreviousErrors;
            }
            else if (sample.Minute == minute - 1)
            {
                latency.Merge(sample.Current);
                errors += sample.CurrentErrors;
            }
        }

        return new AccountHealth(success, circuitOpen, latency.Percentile(0.5), latency.Percentile(0.95), errors, now);
    }
}

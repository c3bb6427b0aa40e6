using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>This instance's live record of one account: a decayed success estimate and two one-minute buckets of answer times and errors.</summary>
internal sealed class AccountWindow
{
    private readonly Lock gate = new();
    private SuccessEstimate success = SuccessEstimate.Empty;
    private long minute;
    private LatencyHistogram current = new();
    private LatencyHistogram previous = new();
    private ErrorCounts currentErrors;
    private ErrorCounts previousErrors;
    private DateTimeOffset? circuitOpenUntil;
    private long version;

    /// <summary>Grows with every change, so readers and the store can tell whether anything happened since they looked.</summary>
    public long Version => Interlocked.Read(ref version);

    public void Record(ChannelCallResult result, TimeSpan latency, DateTimeOffset now)
    {
        lock (gate)
        {
            Rotate(now);
            currentErrors = currentErrors.With(result);
            if (result != ChannelCallResult.CircuitOpen)
            {
                // A refusal is the channel working; only failures to answer count against the account.
                success = success.Record(result is ChannelCallResult.Succeeded or ChannelCallResult.Declined, now);
                current.Record(latency);
            }

            Interlocked.Increment(ref version);
        }
    }

    public void SetCircuit(DateTimeOffset? openUntil)
    {
        lock (gate)
        {
            circuitOpenUntil = openUntil;
            Interlocked.Increment(ref version);
        }
    }

    /// <summary>A copy of the window as of <paramref name="now"/>, safe to read while calls go on.</summary>
    public WindowSample Sample(DateTimeOffset now)
    {
        lock (gate)
        {
            Rotate(now);
            return new WindowSample(
                success,
                minute,
                LatencyHistogram.FromCounts(current.Counts),
                LatencyHistogram.FromCounts(previous.Counts),
                currentErrors,
                previousErrors,
                circuitOpenUntil);
        }
    }

    private void Rotate(DateTimeOffset now)
    {
        var nowMinute = WindowSample.MinuteOf(now);
        if (nowMinute <= minute)
        {
            return;
        }

        var adjacent = nowMinute == minute + 1;
        previous = adjacent ? current : new LatencyHistogram();
        previousErrors = adjacent ? currentErrors : default;
        current = new LatencyHistogram();
        currentErrors = default;
        minute = nowMinute;
    }
}

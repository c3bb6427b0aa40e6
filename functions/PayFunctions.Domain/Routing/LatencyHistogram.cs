namespace PayFunctions.Domain.Routing;

/// <summary>
/// Answer times in fixed log-scale buckets from 1 ms to 60 s (each about 32% wider than the one before, so a
/// percentile is off by at most that much whatever the scale), plus one bucket below 1 ms and one at 60 s and over.
/// Recording is O(1) and the size is constant; histograms of the same buckets add up, which is how instances and
/// minutes are combined. Not thread-safe: callers synchronise.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>The log-scale buckets between <see cref="Smallest"/> and <see cref="Largest"/>.</summary>
    private const int LogBuckets = 40;

    /// <summary>Fewer samples than this give no percentile: two or three calls say nothing about a tail.</summary>
    public const int MinimumSamples = 5;

    /// <summary>Every bucket: one under 1 ms, the log-scale ones, one at 60 s and over.</summary>
    public const int BucketCount = LogBuckets + 2;

    /// <summary>The lower edge of the log scale: faster answers share the first bucket.</summary>
    public static readonly TimeSpan Smallest = TimeSpan.FromMilliseconds(1);

    /// <summary>The upper edge of the log scale: slower answers share the last bucket.</summary>
    public static readonly TimeSpan Largest = TimeSpan.FromSeconds(60);

    private static readonly double LogRatio = Math.Log(Largest.TotalMilliseconds / Smallest.TotalMilliseconds) / LogBuckets;

    private readonly long[] counts = new long[BucketCount];

    /// <summary>Samples recorded (and merged) so far.</summary>
    public long Count { get; private set; }

    /// <summary>The samples per bucket, lowest first; <see cref="FromCounts"/> restores them.</summary>
    public IReadOnlyList<long> Counts => counts;

    /// <summary>A histogram with the given bucket counts, e.g. as stored by another instance.</summary>
    /// <exception cref="ArgumentException">Not <see cref="BucketCount"/> counts, or a negative one.</exception>
    public static LatencyHistogram FromCounts(IReadOnlyList<long> bucketCounts)
    {
        ArgumentNullException.ThrowIfNull(bucketCounts);
        if (bucketCounts.Count != BucketCount || bucketCounts.Any(c => c < 0))
        {
            throw new ArgumentException($"Expected {BucketCount} non-negative bucket counts.", nameof(bucketCounts));
        }

        var histogram = new LatencyHistogram();
        for (var i = 0; i < BucketCount; i++)
        {
            histogram.counts[i] = bucketCounts[i];
            histogram.Count += bucketCounts[i];
        }

        return histogram;
    }

    /// <summary>The lower edge of <paramref name="bucket"/>: zero for the first.</summary>
    public static TimeSpan LowerBound(int bucket)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bucket, BucketCount);
        return bucket == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Smallest.TotalMilliseconds * Math.Exp(LogRatio * (bucket - 1)));
    }

    /// <summary>Counts one answer time; a negative one (a clock step) counts as zero.</summary>
    public void Record(TimeSpan latency)
    {
        counts[BucketOf(latency)]++;
        Count++;
    }

    /// <summary>Adds <paramref name="other"/>'s samples to this one's.</summary>
    public void Merge(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < BucketCount; i++)
        {
            counts[i] += other.counts[i];
        }

        Count += other.Count;
    }

    /// <summary>
    /// The answer time below which the fraction <paramref name="p"/> (0 to 1, e.g. 0.95) of samples fall, interpolated
    /// linearly inside its bucket; null under <see cref="MinimumSamples"/> samples. At 60 s and over it is 60 s.
    /// </summary>
    public TimeSpan? Percentile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (Count < MinimumSamples)
        {
            return null;
        }

        var rank = p * Count;
        long below = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            if (counts[i] == 0 || below + counts[i] < rank)
            {
                below += counts[i];
                continue;
            }

            if (i == BucketCount - 1)
            {
                return Largest;
            }

            var lower = LowerBound(i);
            var fraction = (rank - below) / counts[i];
            return lower + ((LowerBound(i + 1) - lower) * fraction);
        }

        return Largest;
    }

    private static int BucketOf(TimeSpan latency)
    {
        if (latency < Smallest)
        {
            return 0;
        }

        if (latency >= Largest)
        {
            return BucketCount - 1;
        }

        var bucket = 1 + (int)(Math.Log(latency.TotalMilliseconds / Smallest.TotalMilliseconds) / LogRatio);
        return Math.Min(bucket, LogBuckets);
    }
}

using System.Collections.Concurrent;

namespace PayFunctions.Core.Telemetry;

/// <summary>What the own times of one kind of span were: nearest-rank percentiles, in milliseconds.</summary>
public sealed record OverheadSummary(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs);

/// <summary>
/// The latest own times per kind of span (<see cref="OverheadSpans"/>), bounded: the newest <see cref="Capacity"/> per
/// kind and at most <see cref="MaxKinds"/> kinds, so a long-running host keeps a fixed amount of memory.
/// </summary>
public sealed class OverheadSamples
{
    public const int Capacity = 16_384;

    /// <summary>Kinds are the create and the registered activities' names; more than this would be a bug, not load.</summary>
    public const int MaxKinds = 64;

    private readonly ConcurrentDictionary<string, Ring> rings = new(StringComparer.Ordinal);

    public void Record(string kind, DateTimeOffset endedAt, TimeSpan ownTime)
    {
        if (!rings.TryGetValue(kind, out var ring))
        {
            if (rings.Count >= MaxKinds)
            {
                return;
            }

            ring = rings.GetOrAdd(kind, _ => new Ring());
        }

        ring.Add(endedAt.UtcTicks, ownTime.TotalMilliseconds);
    }

    /// <summary>Per kind, the samples of spans that ended at or after <paramref name="since"/> (all kept ones when null).</summary>
    public IReadOnlyDictionary<string, OverheadSummary> Summarize(DateTimeOffset? since)
    {
        var from = since?.UtcTicks ?? long.MinValue;
        var summaries = new SortedDictionary<string, OverheadSummary>(StringComparer.Ordinal);
        foreach (var (kind, ring) in rings)
        {
            var values = ring.Since(from);
            if (values.Length > 0)
            {
                Array.Sort(values);
                summaries[kind] = new OverheadSummary(
                    values.Length, Percentile(values, 50), Percentile(values, 90), Percentile(values, 99), Math.Round(values[^1], 2));
            }
        }

        return summaries;
    }

    private static double Percentile(double[] sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return Math.Round(sorted[Math.Max(rank, 1) - 1], 2);
    }

    private sealed class Ring
    {
        private readonly long[] endedAt = new long[Capacity];
        private readonly double[] milliseconds = new double[Capacity];
        private long written;

        public void Add(long endedAtTicks, double ms)
        {
            lock (this)
            {
                var slot = (int)(written++ % Capacity);
                endedAt[slot] = endedAtTicks;
                milliseconds[slot] = ms;
            }
        }

        public double[] Since(long fromTicks)
        {
            lock (this)
            {
                var kept = (int)Math.Min(written, Capacity);
                var values = new List<double>(kept);
                for (var i = 0; i < kept; i++)
                {
                    if (endedAt[i] >= fromTicks)
                    {
                        values.Add(milliseconds[i]);
                    }
                }

                return [.. values];
            }
        }
    }
}

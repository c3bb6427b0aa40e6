namespace PayFunctions.Core.Telemetry;

/// <summary>A span's interval, in ticks of its start and end.</summary>
public readonly record struct SpanInterval(long Start, long End);

/// <summary>
/// The time a span spent on its own work: its duration less the time covered by the spans that did someone else's
/// (storage, the channel, the engine). Those spans may overlap each other (calls made in parallel, an HTTP call inside
/// a storage call) and may outlast the span; each instant is subtracted once, and only within the span.
/// </summary>
public static class OwnTime
{
    public static TimeSpan Of(SpanInterval span, IEnumerable<SpanInterval> excluded)
    {
        var clipped = excluded
            .Select(e => new SpanInterval(Math.Max(e.Start, span.Start), Math.Min(e.End, span.End)))
            .Where(e => e.End > e.Start)
            .OrderBy(e => e.Start);

        long covered = 0, runStart = 0, runEnd = long.MinValue;
        foreach (var e in clipped)
        {
            if (e.Start > runEnd)
            {
                covered += runEnd > runStart ? runEnd - runStart : 0;
                (runStart, runEnd) = (e.Start, e.End);
            }
            else if (e.End > runEnd)
            {
                runEnd = e.End;
            }
        }

        covered += runEnd > runStart ? runEnd - runStart : 0;
        return TimeSpan.FromTicks(Math.Max(span.End - span.Start, 0) - covered);
    }
}

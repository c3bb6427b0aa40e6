using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using OpenTelemetry;

namespace PayFunctions.Core.Telemetry;

/// <summary>
/// Measures the platform's own time per create request and per durable activity execution from the spans as they end:
/// the span's duration less the union of its storage, HTTP, channel-call and wait descendants (<see cref="OverheadSpans"/>,
/// <see cref="OwnTime"/>). Descendants end before their ancestors, so each one, as it ends, is filed under every
/// ancestor that may be measured; the ancestor reads its file when it ends. Only in-process parents are followed:
/// work another process or the engine picked up later (a remote parent) is not the request's own.
/// </summary>
public sealed class OverheadProcessor(OverheadSamples samples) : BaseProcessor<Activity>
{
    private static readonly Histogram<double> OwnTimes = PayFunctionsTelemetry.Meter.CreateHistogram<double>(
        "payfunctions.own_time", "ms", "Time a create request or a durable activity spent outside storage, HTTP, channel calls and waits.");

    // Weak, so a span that never ends (its process stopped it unrecorded) leaves nothing behind.
    private readonly ConditionalWeakTable<Activity, List<SpanInterval>> excludedUnder = new();

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (OverheadSpans.IsExcluded(data))
        {
            FileUnderAncestors(data);
        }

        if (!OverheadSpans.MayBeMeasured(data))
        {
            return;
        }

        var excluded = excludedUnder.TryGetValue(data, out var list) ? Snapshot(list) : [];
        excludedUnder.Remove(data);
        if (OverheadSpans.MeasuredKind(data) is { } kind)
        {
            var own = OwnTime.Of(Interval(data), excluded);
            samples.Record(kind, new DateTimeOffset(data.StartTimeUtc + data.Duration, TimeSpan.Zero), own);
            OwnTimes.Record(own.TotalMilliseconds, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    private void FileUnderAncestors(Activity span)
    {
        var interval = Interval(span);
        for (var ancestor = span.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (OverheadSpans.MayBeMeasured(ancestor))
            {
                var list = excludedUnder.GetValue(ancestor, _ => []);
                lock (list)
                {
                    list.Add(interval);
                }
            }
        }
    }

    private static SpanInterval[] Snapshot(List<SpanInterval> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }

    private static SpanInterval Interval(Activity span) => new(span.StartTimeUtc.Ticks, (span.StartTimeUtc + span.Duration).Ticks);
}

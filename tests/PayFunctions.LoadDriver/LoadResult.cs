using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PayFunctions.LoadDriver;

/// <summary>What one run measured; latencies are of successful requests, in milliseconds.</summary>
public sealed record LoadResult(
    string RunId,
    string Url,
    int Concurrency,
    double WarmupSeconds,
    double DurationSeconds,
    double MeasuredSeconds,
    int Requests,
    int Successes,
    int Errors,
    double RequestsPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyDictionary<string, int> ErrorKinds,
    IReadOnlyList<string> ErrorSamples)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Payments paid at the sandbox after the run whose webhook arrived, out of those paid.</summary>
    public (int Paid, int Completed)? Completion { get; init; }

    /// <summary>What creating, and then completing, the payments cost in storage requests; empty when the target does not count them.</summary>
    public IReadOnlyList<StorageCost> Storage { get; init; } = [];

    /// <summary>What the storage alone sustains of the create's mix of requests.</summary>
    public StorageMixResult? Mix { get; init; }

    /// <summary>Creates per second achieved over what the storage alone allows for their requests.</summary>
    public double? StorageRatio => Mix is { MixesPerSecond: > 0 } mix ? Math.Round(RequestsPerSecond / mix.MixesPerSecond, 3) : null;

    /// <summary>The host's own time per create over the same period, when it measures it.</summary>
    public OverheadReport? Overhead { get; init; }

    public static LoadResult From(LoadOptions options, string runId, TimeSpan measured, double[] latencies, ErrorLog errors)
    {
        Array.Sort(latencies);
        var kinds = errors.Counts;
        var errorCount = kinds.Values.Sum();
        var requests = latencies.Length + errorCount;
        return new LoadResult(
            runId,
            options.BaseUrl.ToString(),
            options.Concurrency,
            options.Warmup.TotalSeconds,
            options.Duration.TotalSeconds,
            Math.Round(measured.TotalSeconds, 3),
            requests,
            latencies.Length,
            errorCount,
            measured > TimeSpan.Zero ? Math.Round(requests / measured.TotalSeconds, 2) : 0,
            Percentile(latencies, 50),
            Percentile(latencies, 90),
            Percentile(latencies, 99),
            latencies.Length > 0 ? Math.Round(latencies[^1], 1) : 0,
            kinds,
            errors.Samples);
    }

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    public string ToText()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"target       {Url}");
        text.AppendLine(c, $"concurrency  {Concurrency}, warm-up {WarmupSeconds:0} s, measured {MeasuredSeconds:0.0} s");
        text.AppendLine(c, $"requests     {Requests}");
        text.AppendLine(c, $"successes    {Successes}");
        text.AppendLine(c, $"errors       {Errors}");
        foreach (var (kind, count) in ErrorKinds)
        {
            text.AppendLine(c, $"  {kind}: {count}");
        }

        text.AppendLine(c, $"requests/s   {RequestsPerSecond:0.00}");
        text.AppendLine(c, $"latency ms   p50 {P50Ms:0.0}  p90 {P90Ms:0.0}  p99 {P99Ms:0.0}  max {MaxMs:0.0}");
        if (Completion is { } completion)
        {
            text.AppendLine(c, $"completed    {completion.Completed} of {completion.Paid} paid at the sandbox had their payment.succeeded webhook");
        }

        foreach (var cost in Storage)
        {
            text.Append(cost.ToText());
        }

        if (Mix is { } replay)
        {
            text.AppendLine(c, $"storage alone: {replay.MixesPerSecond:0.00} creates' worth of requests/s ({replay.Mixes} in {replay.Seconds:0.0} s, {replay.Workers} workers)");
            text.AppendLine(c, $"ratio        {StorageRatio:0.000} (creates/s achieved / creates/s the storage allows)");
            if (replay.Skipped.Count > 0)
            {
                text.AppendLine(c, $"  not replayed: {string.Join(", ", replay.Skipped)}");
            }
        }

        if (Overhead is not null)
        {
            text.AppendLine(Overhead.ToText());
        }

        if (ErrorSamples.Count > 0)
        {
            text.AppendLine(c, $"first {ErrorSamples.Count} errors:");
            foreach (var sample in ErrorSamples)
            {
                text.AppendLine(c, $"  {sample}");
            }
        }

        return text.ToString();
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, int percent)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return Math.Round(sorted[Math.Max(rank, 1) - 1], 1);
    }
}

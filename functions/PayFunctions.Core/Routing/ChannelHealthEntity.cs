using System.Globalization;
using PayFunctions.Core.Storage;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// One instance's <see cref="WindowSample"/> of one account in <see cref="TableNames.ChannelHealth"/>: the partition
/// is the account (escaped), the row the instance, so each instance only ever writes its own rows.
/// </summary>
public sealed class ChannelHealthEntity : TableRow
{
    public string Channel { get; set; } = "";

    public string Account { get; set; } = "";

    public double Successes { get; set; }

    public double Failures { get; set; }

    /// <summary>UTC ticks of the success estimate's time (Tables cannot hold the estimate's "never").</summary>
    public long SuccessAtTicks { get; set; }

    public long Minute { get; set; }

    /// <summary>Bucket counts of <see cref="Minute"/>'s answer times, comma-separated.</summary>
    public string CurrentLatency { get; set; } = "";

    /// <summary>Bucket counts of the minute before, comma-separated.</summary>
    public string PreviousLatency { get; set; } = "";

    /// <summary>Declined, transient, timed-out and circuit-open counts of <see cref="Minute"/>, comma-separated.</summary>
    public string CurrentErrors { get; set; } = "";

    /// <summary>The same counts of the minute before.</summary>
    public string PreviousErrors { get; set; } = "";

    public DateTimeOffset? CircuitOpenUntil { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static string PartitionKeyOf(ChannelAccountId account) => TableKeys.Escape(account.ToString());

    internal static ChannelHealthEntity From(ChannelAccountId account, string instanceId, WindowSample sample, DateTimeOffset now) => new()
    {
        PartitionKey = PartitionKeyOf(account),
        RowKey = instanceId,
        Channel = account.Channel,
        Account = account.Account,
        Successes = sample.Success.Successes,
        Failures = sample.Success.Failures,
        SuccessAtTicks = sample.Success.At.UtcTicks,
        Minute = sample.Minute,
        CurrentLatency = string.Join(',', sample.Current.Counts),
        PreviousLatency = string.Join(',', sample.Previous.Counts),
        CurrentErrors = Join(sample.CurrentErrors),
        PreviousErrors = Join(sample.PreviousErrors),
        CircuitOpenUntil = sample.CircuitOpenUntil,
        UpdatedAt = now,
    };

    /// <summary>The sample this row holds; null when it cannot be read (e.g. written with other buckets).</summary>
    internal WindowSample? ToSample()
    {
        var current = Histogram(CurrentLatency);
        var previous = Histogram(PreviousLatency);
        var currentErrors = Errors(CurrentErrors);
        var previousErrors = Errors(PreviousErrors);
        if (current is null || previous is null || currentErrors is null || previousErrors is null || SuccessAtTicks < DateTimeOffset.MinValue.UtcTicks || SuccessAtTicks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return null;
        }

        return new WindowSample(
            new SuccessEstimate(Successes, Failures, new DateTimeOffset(SuccessAtTicks, TimeSpan.Zero)),
            Minute,
            current,
            previous,
            currentErrors.Value,
            previousErrors.Value,
            CircuitOpenUntil);
    }

    private static string Join(ErrorCounts e) => string.Join(',', e.Declined, e.Transient, e.TimedOut, e.CircuitOpen);

    private static ErrorCounts? Errors(string text) =>
        Counts(text) is { Length: 4 } c && c.Max() <= int.MaxValue ? new ErrorCounts((int)c[0], (int)c[1], (int)c[2], (int)c[3]) : null;

    private static LatencyHistogram? Histogram(string text) =>
        Counts(text) is { Length: LatencyHistogram.BucketCount } counts ? LatencyHistogram.FromCounts(counts) : null;

    /// <summary>Non-negative comma-separated counts; null when any is not one.</summary>
    private static long[]? Counts(string text)
    {
        var parts = text.Split(',');
        var values = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        return values;
    }
}

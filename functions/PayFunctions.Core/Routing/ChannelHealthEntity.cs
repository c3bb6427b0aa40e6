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

    public int CurrentDeclined { get; set; }

    public int CurrentTransient { get; set; }

    public int CurrentTimedOut { get; set; }

    public int CurrentCircuitOpen { get; set; }

    public int PreviousDeclined { get; set; }

    public int PreviousTransient { get; set; }

    public int PreviousTimedOut { get; set; }

    public int PreviousCircuitOpen { get; set; }

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
        CurrentDeclined = sample.CurrentErrors.Declined,
        CurrentTransient = sample.CurrentErrors.Transient,
        CurrentTimedOut = sample.CurrentErrors.TimedOut,
        CurrentCircuitOpen = sample.CurrentErrors.CircuitOpen,
        PreviousDeclined = sample.PreviousErrors.Declined,
        PreviousTransient = sample.PreviousErrors.Transient,
        PreviousTimedOut = sample.PreviousErrors.TimedOut,
        PreviousCircuitOpen = sample.PreviousErrors.CircuitOpen,
        CircuitOpenUntil = sample.CircuitOpenUntil,
        UpdatedAt = now,
    };

    /// <summary>The sample this row holds; null when it cannot be read (e.g. written with other buckets).</summary>
    internal WindowSample? ToSample()
    {
        var current = Histogram(CurrentLatency);
        var previous = Histogram(PreviousLatency);
        if (current is null || previous is null || SuccessAtTicks < DateTimeOffset.MinValue.UtcTicks || SuccessAtTicks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return null;
        }

        return new WindowSample(
            new SuccessEstimate(Successes, Failures, new DateTimeOffset(SuccessAtTicks, TimeSpan.Zero)),
            Minute,
            current,
            previous,
            new ErrorCounts(CurrentDeclined, CurrentTransient, CurrentTimedOut, CurrentCircuitOpen),
            new ErrorCounts(PreviousDeclined, PreviousTransient, PreviousTimedOut, PreviousCircuitOpen),
            CircuitOpenUntil);
    }

    private static LatencyHistogram? Histogram(string counts)
    {
        var parts = counts.Split(',');
        var values = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        return values.Length == LatencyHistogram.BucketCount ? LatencyHistogram.FromCounts(values) : null;
    }
}

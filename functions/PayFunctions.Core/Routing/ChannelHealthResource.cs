namespace PayFunctions.Core.Routing;

/// <summary>One channel account in <c>GET /api/v1/channels/health</c>.</summary>
public sealed record ChannelHealthResource(
    string Channel,
    string Account,
    string Status,
    double SuccessRate,
    double Samples,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    ChannelErrorsResource Errors,
    string Circuit,
    DateTimeOffset AsOf)
{
    public static ChannelHealthResource From(string channel, string account, AccountHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        var now = health.AsOf;
        return new ChannelHealthResource(
            channel,
            account,
            HealthStatus.OfAccount(health, now),
            Math.Round(health.Success.Mean(now), 4),
            Math.Round(health.Success.Samples(now), 2),
            Millis(health.LatencyP50),
            Millis(health.LatencyP95),
            new ChannelErrorsResource(health.Errors.Declined, health.Errors.Transient, health.Errors.TimedOut, health.Errors.CircuitOpen),
            health.CircuitOpen ? "open" : "closed",
            now);
    }

    private static double? Millis(TimeSpan? latency) => latency is { } l ? Math.Round(l.TotalMilliseconds, 1) : null;
}

/// <summary>Calls that did not succeed in the last one to two minutes, by class.</summary>
public sealed record ChannelErrorsResource(int Declined, int Transient, int TimedOut, int CircuitOpen);

/// <summary>Every configured account of every channel.</summary>
public sealed record ChannelHealthList(string Object, string Url, IReadOnlyList<ChannelHealthResource> Data);

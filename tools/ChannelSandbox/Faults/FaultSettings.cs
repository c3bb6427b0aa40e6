using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelSandbox.Faults;

/// <summary>
/// How a fault profile misbehaves, as set by <c>PUT /sandbox/faults/{profile}</c>. An unknown field is an error rather
/// than ignored, so a misspelt fault cannot silently leave an account healthy.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FaultSettings
{
    public const int MaxDelayMs = 120_000;
    public const int MaxLimitPathLength = 256;
    public const int MaxLimitBodyLength = 4096;
    public const string DefaultLimitBody = """{"code":"LIMIT_EXCEEDED"}""";

    /// <summary>Share of calls answered <see cref="ErrorStatus"/> with an empty body, from 0 to 1.</summary>
    public double FailureRate { get; init; }

    /// <summary>What a failed call answers; 503 by default, as a channel in trouble does.</summary>
    public int ErrorStatus { get; init; } = StatusCodes.Status503ServiceUnavailable;

    /// <summary>Added to every call that is not refused by an outage.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Share of calls that are held back a further <see cref="SpikeMs"/>, from 0 to 1.</summary>
    public double SpikeRate { get; init; }

    public int SpikeMs { get; init; }

    /// <summary>Every call answers <see cref="ErrorStatus"/> until the profile is changed or deleted.</summary>
    public bool Outage { get; init; }

    /// <summary>How many calls under <see cref="LimitPath"/> are served before the rest are refused; null for no limit.</summary>
    public int? LimitCount { get; init; }

    /// <summary>The path prefix, after the fault prefix, of the calls the limit counts.</summary>
    public string LimitPath { get; init; } = "/";

    /// <summary>A refusal, not an outage: a client must not retry it. 403 by default.</summary>
    public int LimitStatus { get; init; } = StatusCodes.Status403Forbidden;

    /// <summary>The JSON answered with a refusal.</summary>
    public string LimitBody { get; init; } = DefaultLimitBody;

    /// <summary>Seeds the draws of failures and spikes, so the same calls in the same order meet the same faults.</summary>
    public int Seed { get; init; }

    /// <summary>Why the settings cannot be used, or null when they can.</summary>
    public string? Problem()
    {
        if (!IsShare(FailureRate) || !IsShare(SpikeRate))
        {
            return "failure_rate and spike_rate must be from 0 to 1.";
        }

        if (ErrorStatus is < 500 or > 599)
        {
            return "error_status must be from 500 to 599.";
        }

        if (LatencyMs is < 0 or > MaxDelayMs || SpikeMs is < 0 or > MaxDelayMs)
        {
            return $"latency_ms and spike_ms must be from 0 to {MaxDelayMs}.";
        }

        if (LimitCount is < 0)
        {
            return "limit_count must not be negative.";
        }

        if (LimitPath is null || !LimitPath.StartsWith('/') || LimitPath.Length > MaxLimitPathLength)
        {
            return $"limit_path must start with / and be at most {MaxLimitPathLength} characters.";
        }

        if (LimitStatus is < 400 or > 499)
        {
            return "limit_status must be from 400 to 499: a limit is a refusal, not an outage.";
        }

        return LimitBody is null || LimitBody.Length > MaxLimitBodyLength || !IsJson(LimitBody)
            ? $"limit_body must be a JSON document of at most {MaxLimitBodyLength} characters."
            : null;
    }

    private static bool IsShare(double value) => value is >= 0 and <= 1;

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

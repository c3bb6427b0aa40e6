using System.Globalization;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.Telemetry;

/// <summary>
/// <c>GET /local/diagnostics/overhead[?since=RFC 3339 time]</c>: the platform's own time per create and per durable
/// activity (<see cref="OverheadSamples"/>). LocalHost maps it, outside the API, when <c>Telemetry:MeasureOverhead</c> is
/// on; it answers loopback callers only, and reveals timings, never a payment or a merchant.
/// </summary>
public static class OverheadEndpoint
{
    public const string Path = "/local/diagnostics/overhead";

    public static IResult Get(HttpContext context, OverheadSamples samples)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(samples);
        if (context.Connection.RemoteIpAddress is not { } caller || !System.Net.IPAddress.IsLoopback(caller))
        {
            return Results.NotFound();
        }

        DateTimeOffset? since = null;
        if (context.Request.Query.TryGetValue("since", out var raw))
        {
            if (raw.Count != 1 || !DateTimeOffset.TryParse(raw[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
            {
                return ApiError.InvalidRequest("since", "'since' must be one RFC 3339 date and time, such as 2026-01-31T12:00:00Z.").ToResult();
            }

            since = parsed;
        }

        var kinds = samples.Summarize(since);
        var body = new OverheadBody(
            since,
            kinds.GetValueOrDefault(OverheadSpans.CreateKind),
            kinds.Where(k => k.Key.StartsWith(OverheadSpans.ActivityKindPrefix, StringComparison.Ordinal))
                .ToDictionary(k => k.Key[OverheadSpans.ActivityKindPrefix.Length..], k => k.Value, StringComparer.Ordinal));
        return Results.Json(body, ApiJson.Options);
    }

    private sealed record OverheadBody(DateTimeOffset? Since, OverheadSummary? Create, IReadOnlyDictionary<string, OverheadSummary> Activities);
}

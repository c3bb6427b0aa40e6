using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PayFunctions.LoadDriver;

/// <summary>
/// The platform's own time per create over the measured part of a run, as LocalHost measures it from its traces
/// (<c>GET /local/diagnostics/overhead</c>, on when LocalHost runs with <c>Telemetry__MeasureOverhead=true</c>): each
/// create's duration less its storage, HTTP, channel and wait spans. Absent when the host does not measure it.
/// </summary>
public sealed record OverheadReport(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public const string Path = "local/diagnostics/overhead";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The creates that ended at or after <paramref name="since"/>; null when the host has no such report.</summary>
    public static async Task<OverheadReport?> FetchAsync(HttpClient http, Uri baseUrl, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var url = new Uri(baseUrl, $"{Path}?since={Uri.EscapeDataString(since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}");
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var body = await response.Content.ReadFromJsonAsync<Body>(Json, cancellationToken);
            return body?.Create;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            return null;
        }
    }

    public string ToText() =>
        string.Create(CultureInfo.InvariantCulture, $"own time ms  p50 {P50Ms:0.0}  p90 {P90Ms:0.0}  p99 {P99Ms:0.0}  max {MaxMs:0.0}  ({Count} creates, from the host's traces)");

    private sealed record Body(OverheadReport? Create);
}

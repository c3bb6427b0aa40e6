using System.Net.Http.Json;
using System.Text.Json;

namespace PayFunctions.LoadDriver;

/// <summary>One kind of storage request, as LocalHost's counter names it.</summary>
public sealed record StorageKind(string Origin, string Service, string Kind, string Resource);

/// <summary>
/// What LocalHost's storage clients and its Durable engine had sent at one moment
/// (<c>GET /local/diagnostics/storage</c>); the difference of two is what happened between them.
/// </summary>
public sealed class StorageCounts
{
    public const string Path = "local/diagnostics/storage";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private StorageCounts(IReadOnlyDictionary<StorageKind, long> counts, DateTimeOffset takenAt)
    {
        Counts = counts;
        TakenAt = takenAt;
    }

    public IReadOnlyDictionary<StorageKind, long> Counts { get; }

    public DateTimeOffset TakenAt { get; }

    public long Total => Counts.Values.Sum();

    /// <summary>The counts now; null when the target does not serve them (not a LocalHost, or an older one).</summary>
    public static async Task<StorageCounts?> TakeAsync(HttpClient http, Uri baseUrl, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(baseUrl, Path), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = await response.Content.ReadFromJsonAsync<Body>(Json, cancellationToken);
            var counts = (body?.Requests ?? []).ToDictionary(r => new StorageKind(r.Origin, r.Service, r.Kind, r.Resource), r => r.Count);
            return new StorageCounts(counts, DateTimeOffset.UtcNow);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            return null;
        }
    }

    /// <summary>What was sent after <paramref name="earlier"/> and up to this snapshot.</summary>
    public IReadOnlyDictionary<StorageKind, long> Since(StorageCounts earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return Counts
            .Select(c => (c.Key, Count: c.Value - earlier.Counts.GetValueOrDefault(c.Key)))
            .Where(c => c.Count > 0)
            .ToDictionary(c => c.Key, c => c.Count);
    }

    private sealed record Body(IReadOnlyList<Row>? Requests);

    private sealed record Row(string Origin, string Service, string Kind, string Resource, long Count);
}

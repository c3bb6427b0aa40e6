using PayFunctions.Core.Storage;

namespace PayFunctions.LocalHost;

/// <summary>
/// <c>GET /local/diagnostics/storage</c>: every storage request this process has sent so far, the
/// Durable engine's included, by origin, service, kind and resource. The load driver reads it before
/// and after a run to report what a payment costs. LocalHost listens on loopback only.
/// </summary>
public static class StorageRequestCounts
{
    public const string Path = "/local/diagnostics/storage";

    public static void MapStorageRequestCounts(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, (StorageRequestCounter counter) => Results.Json(new
        {
            requests = counter.Snapshot().Select(c => new
            {
                origin = c.Key.Origin,
                service = c.Key.Service.ToString().ToLowerInvariant(),
                kind = c.Key.Kind,
                resource = c.Key.Resource,
                count = c.Value,
            }),
        }));
}

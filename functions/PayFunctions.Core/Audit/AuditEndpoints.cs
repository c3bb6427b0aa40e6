using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Audit;

/// <summary>
/// <c>GET /api/ops/audit_events</c> lists the chain newest first, filtered by type, actor and time;
/// <c>GET /api/ops/audit_events/verify</c> walks it and answers whether it is intact.
/// </summary>
public sealed class AuditEndpoints(AuditQuery query, AuditChainVerifier verifier)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (limit, startingAfter, invalid) = ListQuery.Parse(request, id => AuditChain.TryParseId(id, out _), "an audit event");
        var (filter, invalidFilter) = ParseFilter(request);
        if ((invalid ?? invalidFilter) is { } problem)
        {
            return problem.ToResult();
        }

        long? after = startingAfter is null ? null : AuditChain.TryParseId(startingAfter, out var s) ? s : null;
        var (page, hasMore) = await query.ListAsync(filter!, limit, after, cancellationToken);
        return Results.Json(new AuditEventList("list", "/api/" + ApiRoutes.ListAuditEvents.Template, [.. page.Select(AuditEventResource.From)], hasMore), ApiJson.Options);
    }

    public async Task<IResult> VerifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var result = await verifier.VerifyAsync(cancellationToken);
        return Results.Json(
            new VerificationResource("audit_chain_verification", result.Intact, result.Records, result.HeadSequence, result.HeadHash, result.FirstBrokenSequence, result.Problem),
            ApiJson.Options);
    }

    private static (AuditFilter? Filter, ApiError? Error) ParseFilter(HttpRequest request)
    {
        var type = request.Query["type"].ToString();
        if (type.Length > 0 && !AuditEventTypes.IsWellFormed(type))
        {
            return (null, ApiError.InvalidRequest("type", "type must be an event type such as api_key.rolled."));
        }

        var actor = request.Query["actor"].ToString();
        if (actor.Length > 0 && !AuditActors.IsWellFormed(actor))
        {
            return (null, ApiError.InvalidRequest("actor", "actor must be system, or merchant:, operator: or anonymous: followed by an id."));
        }

        var (from, fromError) = ParseTime(request, "from");
        var (to, toError) = ParseTime(request, "to");
        if ((fromError ?? toError) is { } timeError)
        {
            return (null, timeError);
        }

        return from is not null && to is not null && from >= to
            ? (null, ApiError.InvalidRequest("to", "to must be later than from."))
            : (new AuditFilter(type.Length > 0 ? type : null, actor.Length > 0 ? actor : null, from, to), null);
    }

    private static (DateTimeOffset? Time, ApiError? Error) ParseTime(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return (null, null);
        }

        return text.Length <= 40 && DateTimeOffset.TryParseExact(
                text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? (time.ToUniversalTime(), null)
            : (null, ApiError.InvalidRequest(name, $"{name} must be an RFC 3339 time such as 2026-03-01T10:00:00Z."));
    }

    internal sealed record AuditEventList(string Object, string Url, IReadOnlyList<AuditEventResource> Data, bool HasMore);

    internal sealed record VerificationResource(
        string Object, bool Intact, long Records, long? HeadSequence, string? HeadHash, long? FirstBrokenSequence, string? Problem);

    internal sealed record AuditEventResource(
        string Id, string Object, long Sequence, string Type, string Actor, string? Subject, JsonElement Detail, DateTimeOffset Time,
        string? RequestId, string PreviousHash, string Hash)
    {
        public static AuditEventResource From(AuditEntity row) => new(
            AuditChain.IdOf(row.Sequence), "audit_event", row.Sequence, row.Type, row.Actor, row.Subject, DetailOf(row.Detail), row.Time, row.RequestId, row.PreviousHash, row.Hash);

        /// <summary>A detail that no longer parses (the row was altered) is shown as the string stored.</summary>
        private static JsonElement DetailOf(string detail)
        {
            try
            {
                using var document = JsonDocument.Parse(detail);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return JsonSerializer.SerializeToElement(detail);
            }
        }
    }
}

using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Screening;

/// <summary>
/// The operators' review of screening hits: the queue by status, one hit, and the decision. Confirming keeps the party's
/// payouts held; dismissing releases them. A decision is final (409 for a second one) and audit-logged with the operator.
/// </summary>
public sealed class ScreeningHitEndpoints(ScreeningHitStore hits, PayoutBlocks blocks, AuditLog audit, TimeProvider time)
{
    /// <summary>Hits by <c>status</c> (default <c>pending_review</c>: the queue), in id order.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var status = request.Query["status"].ToString() is { Length: > 0 } asked ? asked : ScreeningHitStatuses.PendingReview;
        if (!ScreeningHitStatuses.IsKnown(status))
        {
            return ApiError.InvalidRequest("status", "status must be one of pending_review, confirmed, dismissed.").ToResult();
        }

        var (limit, startingAfter, invalid) = ListQuery.Parse(request, ScreeningHitIds.IsWellFormed, "a screening hit");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var (page, hasMore) = await hits.ListAsync(status, limit, startingAfter, cancellationToken);
        return Results.Json(
            new HitList("list", "/api/" + ApiRoutes.ListScreeningHits.Template, [.. page.Select(ScreeningResources.Hit)], hasMore), ApiJson.Options);
    }

    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        return ScreeningHitIds.IsWellFormed(id) && await hits.GetAsync(id, cancellationToken) is { } hit
            ? Results.Json(ScreeningResources.Hit(hit), ApiJson.Options)
            : ApiError.NotFound("screening hit", "id").ToResult();
    }

    /// <summary><c>{decision: "confirm" | "dismiss", note}</c> on a pending hit.</summary>
    public async Task<IResult> ReviewAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        if (!ScreeningHitIds.IsWellFormed(id))
        {
            return ApiError.NotFound("screening hit", "id").ToResult();
        }

        var (_, body, invalid) = await RequestBody.ReadAsync<ReviewScreeningHitRequest>(request, null, cancellationToken);
        invalid ??= body!.Decision is not ("confirm" or "dismiss")
            ? ApiError.InvalidRequest("decision", "decision must be confirm or dismiss.")
            : RequestBody.CheckOperatorText(body.Note, "note", "why");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        if (await hits.GetAsync(id, cancellationToken) is not { } hit)
        {
            return ApiError.NotFound("screening hit", "id").ToResult();
        }

        var status = body!.Decision == "confirm" ? ScreeningHitStatuses.Confirmed : ScreeningHitStatuses.Dismissed;
        if (!await hits.ReviewAsync(hit, status, body.Note!, caller.Actor, time.GetUtcNow(), cancellationToken))
        {
            var stood = await hits.GetAsync(id, cancellationToken);
            return new ApiError(
                StatusCodes.Status409Conflict, "screening_hit_reviewed", "The hit was already reviewed.",
                $"The hit is {stood?.Status ?? hit.Status}{(stood?.ReviewedBy is { } by ? ", by " + by : "")}.").ToResult();
        }

        blocks.Forget();
        await audit.AppendAsync(new AuditEvent(
            AuditEventTypes.ScreeningHitReviewed,
            caller.Actor,
            id,
            new Dictionary<string, object?> { ["decision"] = body.Decision, ["party_type"] = hit.PartyType, ["party"] = hit.PartyId, ["source"] = hit.ListSource, ["entry"] = hit.EntryId },
            AuditRequests.IdOf(request)));
        return Results.Json(ScreeningResources.Hit(hit), ApiJson.Options);
    }

    internal sealed record HitList(string Object, string Url, IReadOnlyList<ScreeningResources.HitResource> Data, bool HasMore);
}

/// <summary>The body of an operator's review of a hit.</summary>
public sealed record ReviewScreeningHitRequest(string? Decision, string? Note);

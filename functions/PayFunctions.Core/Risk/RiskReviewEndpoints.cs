using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Security;
using PayFunctions.Domain;

namespace PayFunctions.Core.Risk;

/// <summary>
/// Operators work the queue of payments risk sent to review: list it, and release a payment, whose held money is then
/// owed to its parties and paid by the next settlement.
/// </summary>
public sealed class RiskReviewEndpoints(RiskReviewStore reviews, PaymentStore payments, RiskHoldRelease release, AuditLog audit, TimeProvider time)
{
    private const int MaxNoteLength = 1000;

    /// <summary>Reviews by <c>status</c> (default <c>pending</c>), newest payment first.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var status = request.Query["status"].ToString() is { Length: > 0 } asked ? asked : RiskReviews.Pending;
        if (status is not (RiskReviews.Pending or RiskReviews.Released))
        {
            return ApiError.InvalidRequest("status", "status must be pending or released.").ToResult();
        }

        var (limit, startingAfter, invalid) = ListQuery.Parse(request, PaymentIds.IsWellFormed, "a payment");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var (page, hasMore) = await reviews.ListAsync(status, limit, startingAfter, cancellationToken);
        return Results.Json(new ReviewList("list", "/api/" + ApiRoutes.ListRiskReviews.Template, [.. page.Select(ReviewResource.From)], hasMore), ApiJson.Options);
    }

    /// <summary>
    /// Releases a held payment with a note saying why, audit-logged. The payment row is marked first and the ledger
    /// moved next, each step repeatable, and the queue's row last: a release cut short is finished by repeating it.
    /// </summary>
    public async Task<IResult> ReleaseAsync(HttpRequest request, string paymentId, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        if (!PaymentIds.IsWellFormed(paymentId))
        {
            return ApiError.NotFound("risk review", "payment").ToResult();
        }

        var (_, body, invalid) = await RequestBody.ReadAsync<ReleaseReviewRequest>(request, null, cancellationToken);
        invalid ??= body!.Note is not { Length: > 0 and <= MaxNoteLength } note || note.Any(char.IsControl)
            ? ApiError.InvalidRequest("note", $"note must be 1 to {MaxNoteLength} printable characters saying why the payment is released.")
            : null;
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        if (await reviews.GetAsync(paymentId, cancellationToken) is not { } review
            || await payments.GetAsync(review.MerchantId, paymentId, cancellationToken) is not { } payment)
        {
            return ApiError.NotFound("risk review", "payment").ToResult();
        }

        if (review.Status != RiskReviews.Pending)
        {
            return Conflict($"The payment was already released by {review.ReleasedBy}.");
        }

        var written = await payments.UpdateAsync(payment, p =>
        {
            if (p.RiskReview == RiskReviews.Released)
            {
                return false;
            }

            p.RiskReview = RiskReviews.Released;
            return true;
        }, cancellationToken);
        await release.PostIfDueAsync(written, cancellationToken);
        if (!await reviews.ReleaseAsync(review, caller.Actor, body!.Note!, time.GetUtcNow(), cancellationToken))
        {
            return Conflict("Another operator released the payment meanwhile.");
        }

        await audit.AppendAsync(new AuditEvent(
            AuditEventTypes.RiskReviewReleased,
            caller.Actor,
            paymentId,
            new Dictionary<string, object?> { ["merchant"] = review.MerchantId, ["held"] = written.RiskHeld },
            AuditRequests.IdOf(request)));
        return Results.Json(ReviewResource.From(review), ApiJson.Options);
    }

    private static IResult Conflict(string detail) =>
        new ApiError(StatusCodes.Status409Conflict, "review_released", "The review cannot be released now.", detail).ToResult();

    internal sealed record ReviewList(string Object, string Url, IReadOnlyList<ReviewResource> Data, bool HasMore);
}

/// <summary>The body of an operator's release.</summary>
public sealed record ReleaseReviewRequest(string? Note);

/// <summary>A payment in the review queue as operators see it.</summary>
public sealed record ReviewResource(
    string Object,
    string Payment,
    string Merchant,
    long Amount,
    string Currency,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ReleasedAt,
    string? ReleasedBy,
    string? Note)
{
    public static ReviewResource From(RiskReviewEntity r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ReviewResource(
            "risk_review", r.PaymentId, r.MerchantId, r.Amount, r.Currency.ToLowerInvariant(), r.Status, r.OpenedAt, r.ReleasedAt, r.ReleasedBy, r.Note);
    }
}

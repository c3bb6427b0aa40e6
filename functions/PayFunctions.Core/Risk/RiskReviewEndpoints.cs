using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Security;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain;

namespace PayFunctions.Core.Risk;

/// <summary>
/// Operators work the queue of payments risk sent to review: list it, and release a payment, whose held money is then
/// owed to its parties and paid by the next settlement. A review whose payment ended without money is voided, not
/// released (<c>409 review_voided</c>). A payment whose payer's name hit a sanctions list is not released while the hit
/// is pending review or confirmed: its money is frozen, until the hit's own review dismisses it.
/// </summary>
public sealed class RiskReviewEndpoints(
    RiskReviewStore reviews, PaymentStore payments, RiskHoldRelease release, ScreeningHitStore screeningHits, AuditLog audit, TimeProvider time)
{
    /// <summary>Reviews by <c>status</c> (default <c>pending</c>), newest payment first.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var status = request.Query["status"].ToString() is { Length: > 0 } asked ? asked : RiskReviews.Pending;
        if (status is not (RiskReviews.Pending or RiskReviews.Released or RiskReviews.Voided))
        {
            return ApiError.InvalidRequest("status", "status must be pending, released or voided.").ToResult();
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
    /// Releases a held payment with a note saying why, audit-logged. The payment row is marked first, the ledger moved
    /// next and the merchant's <c>review.closed</c> scheduled, each step repeatable, and the queue's row last: a release
    /// cut short is finished by repeating it.
    /// </summary>
    public async Task<IResult> ReleaseAsync(HttpRequest request, string paymentId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        if (!PaymentIds.IsWellFormed(paymentId))
        {
            return ApiError.NotFound("risk review", "payment").ToResult();
        }

        var (_, body, invalid) = await RequestBody.ReadAsync<ReleaseReviewRequest>(request, null, cancellationToken);
        invalid ??= RequestBody.CheckOperatorText(body!.Note, "note", "why the payment is released");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        if (await reviews.GetAsync(paymentId, cancellationToken) is not { } review
            || await payments.GetAsync(review.MerchantId, paymentId, cancellationToken) is not { } payment)
        {
            return ApiError.NotFound("risk review", "payment").ToResult();
        }

        if (review.Status == RiskReviews.Voided)
        {
            return Voided(review.VoidReason);
        }

        if (review.Status != RiskReviews.Pending)
        {
            return Conflict("review_released", $"The payment was already released by {review.ReleasedBy}.");
        }

        if (await screeningHits.OpenOnPayerOfAsync(paymentId, cancellationToken) is { Count: > 0 } open)
        {
            return new ApiError(
                StatusCodes.Status409Conflict,
                "screening_hit_open",
                "The payer matches a sanctions list.",
                $"Screening hit {string.Join(", ", open.Select(h => $"{h.RowKey} ({h.Status})"))} on the payer holds the payment's money; "
                + "it can be released once every such hit is reviewed and dismissed.").ToResult();
        }

        // The payment row decides between a release and the payment's end: whichever writes it first stands. A payment
        // that already ended without money (its end voids the review, or ended before reviews were voided) is voided here.
        var written = await payments.UpdateAsync(payment, p =>
        {
            if (p.RiskReview is RiskReviews.Released or RiskReviews.Voided)
            {
                return false;
            }

            p.RiskReview = RiskReviews.VoidReasonOf(p) is null ? RiskReviews.Released : RiskReviews.Voided;
            return true;
        }, cancellationToken);
        if (written.RiskReview == RiskReviews.Voided)
        {
            await reviews.VoidAsync(written, written.CompletedAt ?? time.GetUtcNow(), cancellationToken);
            return Voided(RiskReviews.VoidReasonOf(written));
        }

        await release.PostIfDueAsync(written, cancellationToken);
        var closed = new WebhookInput(review.MerchantId, paymentId, ReviewEvents.Closed, ReviewEvents.EventId(paymentId, ReviewEvents.Closed));
        await ScheduleCloseAsync(durable, closed, cancellationToken);

        if (!await reviews.ReleaseAsync(review, caller.Actor, body!.Note!, time.GetUtcNow(), cancellationToken))
        {
            return Conflict("review_released", "Another operator released the payment meanwhile.");
        }

        await audit.AppendAsync(new AuditEvent(
            AuditEventTypes.RiskReviewReleased,
            caller.Actor,
            paymentId,
            new Dictionary<string, object?> { ["merchant"] = review.MerchantId, ["held"] = written.RiskHeld },
            AuditRequests.IdOf(request)));
        return Results.Json(ReviewResource.From(review), ApiJson.Options);
    }

    private static IResult Conflict(string code, string detail) =>
        new ApiError(StatusCodes.Status409Conflict, code, "The review cannot be released now.", detail).ToResult();

    private static IResult Voided(string? reason) =>
        Conflict("review_voided", $"The payment ended without money ({reason}): nothing is held, so there is nothing to release.");

    internal sealed record ReviewList(string Object, string Url, IReadOnlyList<ReviewResource> Data, bool HasMore);

    /// <summary>
    /// Starts the close's delivery once. Two operators releasing at the same moment both get here; the engine refuses the
    /// second start of the same instance id, which is then the first's delivery already under way, not an error.
    /// </summary>
    private static async Task ScheduleCloseAsync(DurableTaskClient durable, WebhookInput closed, CancellationToken cancellationToken)
    {
        if (await durable.GetInstanceAsync(closed.EventId, cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(nameof(WebhookOrchestrator), closed, WebhookOrchestrator.StartOptions(closed), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (await durable.GetInstanceAsync(closed.EventId, cancellationToken) is null)
            {
                throw;
            }
        }
    }
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
    string? Note,
    DateTimeOffset? VoidedAt,
    string? VoidReason)
{
    public static ReviewResource From(RiskReviewEntity r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ReviewResource(
            "risk_review", r.PaymentId, r.MerchantId, r.Amount, r.Currency.ToLowerInvariant(), r.Status, r.OpenedAt, r.ReleasedAt, r.ReleasedBy, r.Note, r.VoidedAt, r.VoidReason);
    }
}

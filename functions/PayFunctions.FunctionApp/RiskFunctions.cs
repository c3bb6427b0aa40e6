using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Risk;

namespace PayFunctions.FunctionApp;

/// <summary>Risk: the operator routes of <see cref="Core.Http.ApiRoutes"/> over the review queue.</summary>
public sealed class RiskFunctions(RiskReviewEndpoints reviews)
{
    [Function("ListRiskReviews")]
    public Task<IActionResult> ListReviews(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/risk/reviews")] HttpRequest request,
        CancellationToken cancellationToken) => reviews.ListAsync(request, cancellationToken).AsActionResult();

    [Function("ReleaseRiskReview")]
    public Task<IActionResult> ReleaseReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/risk/reviews/{id}/release")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => reviews.ReleaseAsync(request, id, cancellationToken).AsActionResult();
}

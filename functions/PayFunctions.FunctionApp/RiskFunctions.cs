using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Risk;

namespace PayFunctions.FunctionApp;

/// <summary>
/// The risk routes of <see cref="Core.Http.ApiRoutes"/>: a merchant's own rules and the platform's, and the operators'
/// queue of payments held for review.
/// </summary>
public sealed class RiskFunctions(RiskRuleEndpoints rules, RiskReviewEndpoints reviews)
{
    [Function("ListRiskRules")]
    public Task<IActionResult> ListRiskRules(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/risk/rules")] HttpRequest request,
        CancellationToken cancellationToken) => rules.ListAsync(request, cancellationToken).AsActionResult();

    [Function("CreateRiskRule")]
    public Task<IActionResult> CreateRiskRule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/risk/rules")] HttpRequest request,
        CancellationToken cancellationToken) => rules.CreateAsync(request, cancellationToken).AsActionResult();

    [Function("UpdateRiskRule")]
    public Task<IActionResult> UpdateRiskRule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/risk/rules/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => rules.UpdateAsync(request, id, cancellationToken).AsActionResult();

    [Function("DeleteRiskRule")]
    public Task<IActionResult> DeleteRiskRule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/risk/rules/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => rules.DeleteAsync(request, id, cancellationToken).AsActionResult();

    [Function("ListPlatformRiskRules")]
    public Task<IActionResult> ListPlatformRiskRules(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/risk/rules")] HttpRequest request,
        CancellationToken cancellationToken) => rules.ListPlatformAsync(request, cancellationToken).AsActionResult();

    [Function("CreatePlatformRiskRule")]
    public Task<IActionResult> CreatePlatformRiskRule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/risk/rules")] HttpRequest request,
        CancellationToken cancellationToken) => rules.CreatePlatformAsync(request, cancellationToken).AsActionResult();

    [Function("UpdatePlatformRiskRule")]
    public Task<IActionResult> UpdatePlatformRiskRule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/risk/rules/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => rules.UpdatePlatformAsync(request, id, cancellationToken).AsActionResult();

    [Function("DeletePlatformRiskRule")]
    public Task<IActionResult> DeletePlatformRiskRule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "ops/risk/rules/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => rules.DeletePlatformAsync(request, id, cancellationToken).AsActionResult();

    [Function("ListRiskReviews")]
    public Task<IActionResult> ListReviews(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/risk/reviews")] HttpRequest request,
        CancellationToken cancellationToken) => reviews.ListAsync(request, cancellationToken).AsActionResult();

    [Function("ReleaseRiskReview")]
    public Task<IActionResult> ReleaseReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/risk/reviews/{id}/release")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => reviews.ReleaseAsync(request, id, durable, cancellationToken).AsActionResult();
}

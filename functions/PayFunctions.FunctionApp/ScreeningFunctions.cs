using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Screening;

namespace PayFunctions.FunctionApp;

/// <summary>Sanctions screening: the lists' upload, the hits' review routes of <see cref="Core.Http.ApiRoutes"/>, and the rescreen after an upload.</summary>
public sealed class ScreeningFunctions(SanctionsListEndpoints lists, ScreeningHitEndpoints hits, RescreenPageActivity rescreenPage)
{
    [Function("ReplaceSanctionsList")]
    public Task<IActionResult> ReplaceSanctionsList(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "ops/sanctions_lists/{source}")] HttpRequest request,
        string source,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => lists.ReplaceAsync(request, source, durable, cancellationToken).AsActionResult();

    [Function("ListSanctionsLists")]
    public Task<IActionResult> ListSanctionsLists(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/sanctions_lists")] HttpRequest request,
        CancellationToken cancellationToken) => lists.ListAsync(request, cancellationToken).AsActionResult();

    [Function("ListScreeningHits")]
    public Task<IActionResult> ListScreeningHits(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/screening/hits")] HttpRequest request,
        CancellationToken cancellationToken) => hits.ListAsync(request, cancellationToken).AsActionResult();

    [Function("GetScreeningHit")]
    public Task<IActionResult> GetScreeningHit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/screening/hits/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => hits.GetAsync(request, id, cancellationToken).AsActionResult();

    [Function("ReviewScreeningHit")]
    public Task<IActionResult> ReviewScreeningHit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/screening/hits/{id}/review")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => hits.ReviewAsync(request, id, cancellationToken).AsActionResult();

    [Function(nameof(RescreenOrchestrator))]
    public static Task<RescreenResult> Rescreen([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RescreenOrchestrator().RunAsync(context, context.GetInput<RescreenInput>()!);

    [Function(nameof(RescreenPageActivity))]
    public Task<RescreenPage> RescreenPage([ActivityTrigger] RescreenPageInput input, CancellationToken cancellationToken) =>
        rescreenPage.ExecuteAsync(input, cancellationToken);
}

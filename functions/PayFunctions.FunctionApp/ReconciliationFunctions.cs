using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Reconciliation;

namespace PayFunctions.FunctionApp;

/// <summary>Reconciliation: the daily timer, the operator routes of <see cref="Core.Http.ApiRoutes"/>, the orchestration and its activities.</summary>
public sealed class ReconciliationFunctions(
    ReconciliationScheduler scheduler,
    ReconciliationEndpoints endpoints,
    ReconcileStatementActivity reconcile,
    ResolveDifferenceActivity resolve,
    RecordRaisedSuccessActivity recordRaised,
    CompleteReconciliationActivity complete)
{
    /// <summary>
    /// 11:00 China Standard Time (UTC+8, no daylight saving), written in UTC because Linux plans ignore WEBSITE_TIME_ZONE:
    /// yesterday's statements, once the latest channel (from 10:00) has published them.
    /// </summary>
    [Function("ReconciliationTimer")]
    public Task StartReconciliation(
        [TimerTrigger("0 0 3 * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => scheduler.RunDailyAsync(durable, cancellationToken);

    [Function("RunReconciliation")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/reconciliation/runs")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => endpoints.RunAsync(request, durable, cancellationToken).AsActionResult();

    [Function("GetReconciliationRun")]
    public Task<IActionResult> GetRun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/reconciliation/runs/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => endpoints.GetRunAsync(request, id, cancellationToken).AsActionResult();

    [Function("GetReconciliationReport")]
    public Task<IActionResult> GetReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/reconciliation/runs/{id}/report")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => endpoints.GetReportAsync(request, id, cancellationToken).AsActionResult();

    [Function("ListReconciliationExceptions")]
    public Task<IActionResult> ListExceptions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/reconciliation/exceptions")] HttpRequest request,
        CancellationToken cancellationToken) => endpoints.ListExceptionsAsync(request, cancellationToken).AsActionResult();

    [Function("ResolveReconciliationException")]
    public Task<IActionResult> ResolveException(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/reconciliation/exceptions/{id}/resolve")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => endpoints.ResolveExceptionAsync(request, id, cancellationToken).AsActionResult();

    [Function(nameof(ReconciliationOrchestrator))]
    public static Task<ReconciliationRunEntity> RunOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ReconciliationOrchestrator().RunAsync(context, context.GetInput<ReconciliationRunInput>()!);

    [Function(nameof(ReconcileStatementActivity))]
    public Task<ReconciledStatement> ReconcileStatement([ActivityTrigger] ReconciliationRunInput input, CancellationToken cancellationToken) =>
        reconcile.ExecuteAsync(input, cancellationToken);

    [Function(nameof(ResolveDifferenceActivity))]
    public Task<DifferenceResolution> ResolveDifference([ActivityTrigger] ResolveDifferenceInput input, CancellationToken cancellationToken) =>
        resolve.ExecuteAsync(input, cancellationToken);

    [Function(nameof(RecordRaisedSuccessActivity))]
    public Task<bool> RecordRaisedSuccess([ActivityTrigger] ResolveDifferenceInput input, CancellationToken cancellationToken) =>
        recordRaised.ExecuteAsync(input, cancellationToken);

    [Function(nameof(CompleteReconciliationActivity))]
    public Task<ReconciliationRunEntity> CompleteReconciliation([ActivityTrigger] ReconciliationRunOutcome input, CancellationToken cancellationToken) =>
        complete.ExecuteAsync(input, cancellationToken);
}

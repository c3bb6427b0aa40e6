using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Refunds;

namespace PayFunctions.FunctionApp;

/// <summary>The refund routes, orchestrator and activities; names match ApiRoutes and PayFunctionsTasks.</summary>
public sealed class RefundFunctions(
    RefundEndpoints refunds, CompleteRefundActivity completeRefund)
{
    [Function("CreateRefund")]
    public Task<IActionResult> CreateRefund(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/payments/{id}/refunds")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => refunds.CreateAsync(request, id, durable, cancellationToken).AsActionResult();

    [Function("ListRefunds")]
    public Task<IActionResult> ListRefunds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/payments/{id}/refunds")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => refunds.ListAsync(request, id, cancellationToken).AsActionResult();

    [Function("GetRefund")]
    public Task<IActionResult> GetRefund(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/refunds/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => refunds.GetAsync(request, id, cancellationToken).AsActionResult();

    [Function(nameof(RefundOrchestrator))]
    public static Task<string> RunRefundOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RefundOrchestrator().RunAsync(context, context.GetInput<RefundOrchestrationInput>()!);

    [Function(nameof(CompleteRefundActivity))]
    public Task<bool> CompleteRefund([ActivityTrigger] CompleteRefundInput input, CancellationToken cancellationToken) =>
        completeRefund.ExecuteAsync(input, cancellationToken);
}

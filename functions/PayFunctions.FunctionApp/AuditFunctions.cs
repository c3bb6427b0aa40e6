using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Audit;

namespace PayFunctions.FunctionApp;

/// <summary>The operator's audit trail routes of <see cref="Core.Http.ApiRoutes"/>.</summary>
public sealed class AuditFunctions(AuditEndpoints audit)
{
    [Function("ListAuditEvents")]
    public Task<IActionResult> ListAuditEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/audit_events")] HttpRequest request,
        CancellationToken cancellationToken) => audit.ListAsync(request, cancellationToken).AsActionResult();

    [Function("VerifyAuditChain")]
    public Task<IActionResult> VerifyAuditChain(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/audit_events/verify")] HttpRequest request,
        CancellationToken cancellationToken) => audit.VerifyAsync(request, cancellationToken).AsActionResult();
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Operators;
using PayFunctions.Core.Security;

namespace PayFunctions.FunctionApp;

/// <summary>The token endpoint, its key set and the operators' routes of <see cref="Core.Http.ApiRoutes"/>.</summary>
public sealed class SecurityFunctions(TokenEndpoint tokens, OperatorEndpoints operators)
{
    [Function("IssueToken")]
    public Task<IActionResult> IssueToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "oauth/token")] HttpRequest request,
        CancellationToken cancellationToken) => tokens.IssueAsync(request, cancellationToken).AsActionResult();

    [Function("GetTokenKeys")]
    public Task<IActionResult> GetTokenKeys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "oauth/jwks")] HttpRequest request,
        CancellationToken cancellationToken) => tokens.KeySetAsync(request, cancellationToken).AsActionResult();

    [Function("CreateOperator")]
    public Task<IActionResult> CreateOperator(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/operators")] HttpRequest request,
        CancellationToken cancellationToken) => operators.CreateAsync(request, cancellationToken).AsActionResult();

    [Function("ListOperators")]
    public Task<IActionResult> ListOperators(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/operators")] HttpRequest request,
        CancellationToken cancellationToken) => operators.ListAsync(request, cancellationToken).AsActionResult();

    [Function("DisableOperator")]
    public Task<IActionResult> DisableOperator(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/operators/{id}/disable")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => operators.DisableAsync(request, id, cancellationToken).AsActionResult();
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Secrets;

namespace PayFunctions.FunctionApp;

/// <summary>The operator's key re-wrap route of <see cref="Core.Http.ApiRoutes"/>.</summary>
public sealed class KeyRewrapFunctions(KeyRewrapEndpoints rewraps)
{
    [Function("RunKeyRewrap")]
    public Task<IActionResult> RunKeyRewrap(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/key_rewraps")] HttpRequest request,
        CancellationToken cancellationToken) => rewraps.RunAsync(request, cancellationToken).AsActionResult();
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Routing;

namespace PayFunctions.FunctionApp;

/// <summary>The channel health routes of <see cref="Core.Http.ApiRoutes"/>.</summary>
public sealed class ChannelHealthFunctions(ChannelHealthEndpoints health)
{
    [Function("GetChannelHealth")]
    public Task<IActionResult> GetChannelHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/channels/health")] HttpRequest request,
        CancellationToken cancellationToken) => health.GetAsync(request, cancellationToken).AsActionResult();

    [Function("StatusPage")]
    public IActionResult StatusPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status")] HttpRequest request) =>
        new ResultActionResult(health.StatusPage());
}

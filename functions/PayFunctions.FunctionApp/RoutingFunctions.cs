using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Routing;

namespace PayFunctions.FunctionApp;

/// <summary>The routing routes of <see cref="Core.Http.ApiRoutes"/>: a merchant's policy and the accounts it may route to.</summary>
public sealed class RoutingFunctions(RoutingEndpoints routing)
{
    [Function("GetRoutingPolicy")]
    public Task<IActionResult> GetRoutingPolicy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/routing")] HttpRequest request,
        CancellationToken cancellationToken) => routing.GetAsync(request, cancellationToken).AsActionResult();

    [Function("SetRoutingPolicy")]
    public Task<IActionResult> SetRoutingPolicy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/routing")] HttpRequest request,
        CancellationToken cancellationToken) => routing.SetAsync(request, cancellationToken).AsActionResult();

    [Function("ListChannelAccounts")]
    public Task<IActionResult> ListChannelAccounts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/channel_accounts")] HttpRequest request,
        CancellationToken cancellationToken) => routing.ListChannelAccountsAsync(request, cancellationToken).AsActionResult();
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Channels;

namespace PayFunctions.FunctionApp;

/// <summary>The operator's channel work routes of <see cref="Core.Http.ApiRoutes"/>.</summary>
public sealed class ChannelWorkFunctions(ChannelDeadLetters deadLetters)
{
    [Function("ListChannelDeadLetters")]
    public Task<IActionResult> ListChannelDeadLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/channel_work/dead_letters")] HttpRequest request,
        CancellationToken cancellationToken) => deadLetters.ListAsync(request, cancellationToken).AsActionResult();
}

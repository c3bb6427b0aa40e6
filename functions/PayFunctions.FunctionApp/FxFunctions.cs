using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Fx;

namespace PayFunctions.FunctionApp;

/// <summary>The operator's reference-rate routes of <see cref="Core.Http.ApiRoutes"/>.</summary>
public sealed class FxFunctions(FxRatesEndpoints rates)
{
    [Function("LoadFxRates")]
    public Task<IActionResult> LoadFxRates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/fx_rates")] HttpRequest request,
        CancellationToken cancellationToken) => rates.LoadAsync(request, cancellationToken).AsActionResult();

    [Function("GetFxRates")]
    public Task<IActionResult> GetFxRates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/fx_rates")] HttpRequest request,
        CancellationToken cancellationToken) => rates.GetAsync(request, cancellationToken).AsActionResult();
}

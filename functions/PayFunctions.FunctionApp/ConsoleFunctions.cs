using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Consoles;

namespace PayFunctions.FunctionApp;

/// <summary>The console routes of <see cref="Core.Http.ApiRoutes"/>: the shell page and its embedded files.</summary>
public static class ConsoleFunctions
{
    [Function("MerchantConsole")]
    public static IActionResult MerchantConsole([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console")] HttpRequest request) =>
        new ResultActionResult(ConsoleEndpoints.MerchantPage());

    [Function("ConsoleAsset")]
    public static IActionResult ConsoleAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/assets/{name}")] HttpRequest request,
        string name) => new ResultActionResult(ConsoleEndpoints.Asset(request, name));
}

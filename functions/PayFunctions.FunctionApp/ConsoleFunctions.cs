using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Consoles;

namespace PayFunctions.FunctionApp;

/// <summary>The console routes of <see cref="Core.Http.ApiRoutes"/>: the two consoles' shell pages and their embedded files.</summary>
public static class ConsoleFunctions
{
    [Function("MerchantConsole")]
    public static IActionResult MerchantConsole([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console")] HttpRequest request) =>
        new ResultActionResult(ConsoleEndpoints.MerchantPage());

    [Function("OperatorConsole")]
    public static IActionResult OperatorConsole([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/ops")] HttpRequest request) =>
        new ResultActionResult(ConsoleEndpoints.OperatorPage());

    [Function("ConsoleAsset")]
    public static IActionResult ConsoleAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/assets/{name}")] HttpRequest request,
        string name) => new ResultActionResult(ConsoleEndpoints.Asset(request, name));
}

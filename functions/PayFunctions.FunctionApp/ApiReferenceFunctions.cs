using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.ApiReference;

namespace PayFunctions.FunctionApp;

/// <summary>The API reference routes of <see cref="Core.Http.ApiRoutes"/>: the two rendered references and the files they load.</summary>
public static class ApiReferenceFunctions
{
    [Function("ApiReference")]
    public static IActionResult ApiReference([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs")] HttpRequest request) =>
        new ResultActionResult(ApiReferenceEndpoints.MerchantPage());

    [Function("OperatorApiReference")]
    public static IActionResult OperatorApiReference([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/ops")] HttpRequest request) =>
        new ResultActionResult(ApiReferenceEndpoints.OperatorPage());

    [Function("ApiReferenceAsset")]
    public static IActionResult ApiReferenceAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/assets/{name}")] HttpRequest request,
        string name) => new ResultActionResult(ApiReferenceEndpoints.Asset(request, name));
}

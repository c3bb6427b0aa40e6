using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.OpenApi;

namespace PayFunctions.FunctionApp;

/// <summary>The API description routes of <see cref="Core.Http.ApiRoutes"/>: the merchant's and the operator's OpenAPI documents.</summary>
public static class OpenApiFunctions
{
    [Function("GetOpenApiDocument")]
    public static IActionResult GetOpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        new ResultActionResult(OpenApiEndpoints.MerchantDocument(request));

    [Function("GetOperatorOpenApiDocument")]
    public static IActionResult GetOperatorOpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/ops.json")] HttpRequest request) =>
        new ResultActionResult(OpenApiEndpoints.OperatorDocument(request));
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Reports;

namespace PayFunctions.FunctionApp;

/// <summary>The report routes of <see cref="Core.Http.ApiRoutes"/> and the operator's IP-to-region upload.</summary>
public sealed class ReportFunctions(ReportEndpoints reports, IpRegionEndpoints regions)
{
    [Function("GetPaymentReport")]
    public Task<IActionResult> GetPaymentReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/reports/payments")] HttpRequest request,
        CancellationToken cancellationToken) => reports.MerchantAsync(request, cancellationToken).AsActionResult();

    [Function("GetPlatformPaymentReport")]
    public Task<IActionResult> GetPlatformPaymentReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/reports/payments")] HttpRequest request,
        CancellationToken cancellationToken) => reports.OperatorAsync(request, cancellationToken).AsActionResult();

    [Function("ReplaceIpRegions")]
    public Task<IActionResult> ReplaceIpRegions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/ip_regions")] HttpRequest request,
        CancellationToken cancellationToken) => regions.ReplaceAsync(request, cancellationToken).AsActionResult();
}

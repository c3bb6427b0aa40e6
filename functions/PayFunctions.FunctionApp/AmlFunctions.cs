using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Aml;

namespace PayFunctions.FunctionApp;

/// <summary>Anti-money-laundering reports and cases: the daily timer and the operator routes of <see cref="Core.Http.ApiRoutes"/>.</summary>
public sealed class AmlFunctions(AmlScheduler scheduler, AmlEndpoints endpoints)
{
    /// <summary>
    /// 02:00 China Standard Time (UTC+8, no daylight saving), written in UTC because Linux plans ignore WEBSITE_TIME_ZONE:
    /// yesterday's reports, after the 00:30 settlement has paid yesterday's credits out.
    /// </summary>
    [Function("AmlReportTimer")]
    public Task ReportDaily([TimerTrigger("0 0 18 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        scheduler.RunDailyAsync(cancellationToken);

    [Function("RunAmlReport")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/aml/reports/runs")] HttpRequest request,
        CancellationToken cancellationToken) => endpoints.RunAsync(request, cancellationToken).AsActionResult();

    [Function("GetAmlReport")]
    public Task<IActionResult> GetReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/aml/reports/{day}")] HttpRequest request,
        string day,
        CancellationToken cancellationToken) => endpoints.GetRunAsync(request, day, cancellationToken).AsActionResult();

    [Function("ListAmlCases")]
    public Task<IActionResult> ListCases(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/aml/cases")] HttpRequest request,
        CancellationToken cancellationToken) => endpoints.ListCasesAsync(request, cancellationToken).AsActionResult();

    [Function("OpenAmlCase")]
    public Task<IActionResult> OpenCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/aml/cases")] HttpRequest request,
        CancellationToken cancellationToken) => endpoints.OpenCaseAsync(request, cancellationToken).AsActionResult();

    [Function("GetAmlCase")]
    public Task<IActionResult> GetCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/aml/cases/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => endpoints.GetCaseAsync(request, id, cancellationToken).AsActionResult();

    [Function("AddAmlCaseNote")]
    public Task<IActionResult> AddNote(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/aml/cases/{id}/notes")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => endpoints.AddNoteAsync(request, id, cancellationToken).AsActionResult();

    [Function("EscalateAmlCase")]
    public Task<IActionResult> Escalate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/aml/cases/{id}/escalate")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => endpoints.EscalateAsync(request, id, cancellationToken).AsActionResult();

    [Function("CloseAmlCase")]
    public Task<IActionResult> Close(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/aml/cases/{id}/close")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => endpoints.CloseAsync(request, id, cancellationToken).AsActionResult();
}

using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Reconciliation;

/// <summary>
/// Operators run a channel account's statement day (the daily run does yesterday's), read how it went and its report,
/// and work the queue of differences no automatic step could resolve.
/// </summary>
public sealed class ReconciliationEndpoints(
    ReconciliationScheduler scheduler,
    ReconciliationRunStore runs,
    ReconciliationDifferenceStore differences,
    StorageClients clients,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>Reconciles <c>day</c> (yyyy-MM-dd, default yesterday) of one account and answers the run when it ends.</summary>
    public async Task<IResult> RunAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (_, body, invalid) = await RequestBody.ReadAsync<RunReconciliationRequest>(request, null, cancellationToken);
        var day = default(DateOnly);
        invalid ??= body!.Channel is not { Length: > 0 } channel
            ? ApiError.MissingParameter("channel")
            : body.Account is not { Length: > 0 } account
                ? ApiError.MissingParameter("account")
                : !scheduler.ServesStatements(channel, account)
                    ? ApiError.InvalidRequest("account", "No configured account of a channel that serves statements has that channel and id.")
                    : body.Day is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
                        ? ApiError.InvalidRequest("day", "day must be yyyy-MM-dd.")
                        : null;
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        if (body!.Day is null)
        {
            day = scheduler.Today.AddDays(-1);
        }

        if (day < ReconciliationScheduler.EarliestDay || day > scheduler.Today)
        {
            return ApiError.InvalidRequest("day", $"day must be from {ReconciliationScheduler.EarliestDay:yyyy-MM-dd} to today ({scheduler.Today:yyyy-MM-dd}).").ToResult();
        }

        var run = await scheduler.RunAsync(durable, body.Channel!, body.Account!, day, cancellationToken);
        var resource = ReconciliationResources.Run(run);
        await audit.AppendAsync(new AuditEvent(
            AuditEventTypes.ReconciliationRun,
            caller.Actor,
            resource.Id,
            new Dictionary<string, object?> { ["status"] = run.Status, ["lines"] = run.Lines, ["differences"] = resource.Differences.Values.Sum() },
            AuditRequests.IdOf(request)));
        return Results.Json(resource, ApiJson.Options);
    }

    public async Task<IResult> GetRunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        return ReconciliationIds.TryParseRun(id, out var day, out var channel, out var account)
            && await runs.GetAsync(channel, account, day, cancellationToken) is { } run
                ? Results.Json(ReconciliationResources.Run(run), ApiJson.Options)
                : ApiError.NotFound("reconciliation run", "id").ToResult();
    }

    /// <summary>The run's report file as it was written, every difference of the day with how it stands.</summary>
    public async Task<IResult> GetReportAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        if (!ReconciliationIds.TryParseRun(id, out var day, out var channel, out var account)
            || await runs.GetAsync(channel, account, day, cancellationToken) is not { Report: { } name })
        {
            return ApiError.NotFound("reconciliation report", "id").ToResult();
        }

        var blob = clients.Blobs.GetBlobContainerClient(TableNames.ReconciliationReportContainer).GetBlobClient(name);
        var content = await blob.DownloadContentAsync(cancellationToken);
        return Results.Bytes(content.Value.Content.ToArray(), "application/json");
    }

    /// <summary>Differences by <c>status</c> (default <c>open</c>: the operator queue), newest day first.</summary>
    public async Task<IResult> ListExceptionsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var status = request.Query["status"].ToString() is { Length: > 0 } asked ? asked : ReconciliationStatuses.Open;
        if (!ReconciliationStatuses.IsKnown(status))
        {
            return ApiError.InvalidRequest("status", "status must be one of pending, awaiting, open, resolved.").ToResult();
        }

        var (limit, startingAfter, invalid) = ListQuery.Parse(request, id => ReconciliationIds.TryParseDifference(id, out _, out _), "a reconciliation exception");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        (DateOnly, string)? after = startingAfter is not null && ReconciliationIds.TryParseDifference(startingAfter, out var day, out var hash) ? (day, hash) : null;
        var (page, hasMore) = await differences.ListAsync(status, limit, after, cancellationToken);
        return Results.Json(
            new ExceptionList("list", "/api/" + ApiRoutes.ListReconciliationExceptions.Template, [.. page.Select(ReconciliationResources.Exception)], hasMore),
            ApiJson.Options);
    }

    /// <summary>An operator closes an open (or awaited) difference with a note saying what was done; audit-logged.</summary>
    public async Task<IResult> ResolveExceptionAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        if (!ReconciliationIds.TryParseDifference(id, out var day, out var hash))
        {
            return ApiError.NotFound("reconciliation exception", "id").ToResult();
        }

        var (_, body, invalid) = await RequestBody.ReadAsync<ResolveExceptionRequest>(request, null, cancellationToken);
        invalid ??= RequestBody.CheckOperatorText(body!.Note, "note", "what was done");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        if (await differences.GetAsync(day, hash, cancellationToken) is not { } difference)
        {
            return ApiError.NotFound("reconciliation exception", "id").ToResult();
        }

        if (difference.Status == ReconciliationStatuses.Resolved)
        {
            return Conflict("exception_resolved", $"The exception was already resolved by {difference.ResolvedBy}.");
        }

        if (!await differences.TransitionAsync(
            difference, [ReconciliationStatuses.Open, ReconciliationStatuses.Awaiting], ReconciliationStatuses.Resolved, ReconciliationOutcomes.OperatorResolved,
            body!.Note, caller.Actor, time.GetUtcNow(), cancellationToken))
        {
            return Conflict("exception_not_open", "Only an open or awaited exception can be resolved by an operator; its automatic step has not run yet.");
        }

        await audit.AppendAsync(new AuditEvent(
            AuditEventTypes.ReconciliationExceptionResolved, caller.Actor, id, new Dictionary<string, object?> { ["class"] = difference.Class }, AuditRequests.IdOf(request)));
        return Results.Json(ReconciliationResources.Exception(difference), ApiJson.Options);
    }

    private static IResult Conflict(string code, string detail) =>
        new ApiError(StatusCodes.Status409Conflict, code, "The exception cannot be resolved now.", detail).ToResult();

    internal sealed record ExceptionList(string Object, string Url, IReadOnlyList<ReconciliationResources.ExceptionResource> Data, bool HasMore);
}

/// <summary>The body of a reconciliation run: which account's statement of which day.</summary>
public sealed record RunReconciliationRequest([property: RequiredParameter] string? Channel, [property: RequiredParameter] string? Account, string? Day);

/// <summary>The body of an operator's resolution.</summary>
public sealed record ResolveExceptionRequest(string? Note);

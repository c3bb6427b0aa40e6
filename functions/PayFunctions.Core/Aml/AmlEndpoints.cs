using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;
using PayFunctions.Domain.Aml;

namespace PayFunctions.Core.Aml;

/// <summary>
/// Operators run a report day (the daily run does yesterday's) and read its summary, and work the cases: list, read,
/// open one by hand, add notes, escalate (report to the regulator: the case is marked and the day's suspicious file
/// rewritten with it) and close. Every change is audit-logged naming the operator; a move its status does not allow is 409.
/// </summary>
public sealed class AmlEndpoints(AmlScheduler scheduler, AmlRunStore runs, AmlCaseStore cases, AmlReportFiles files, AuditLog audit, TimeProvider time)
{
    private const int MaxNotes = 20;
    private const int MaxPartyIdLength = 128;

    /// <summary>Reports <c>day</c> (yyyy-MM-dd, default yesterday) now and answers the run.</summary>
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (_, body, invalid) = await RequestBody.ReadAsync(request, new RunAmlReportRequest(null), cancellationToken);
        var day = scheduler.Today.AddDays(-1);
        invalid ??= body!.Day is { } text && !AmlIds.TryParseDay(text, out day)
            ? ApiError.InvalidRequest("day", "day must be yyyy-MM-dd.")
            : day < AmlScheduler.EarliestDay || day > scheduler.Today
                ? ApiError.InvalidRequest("day", $"day must be from {AmlScheduler.EarliestDay:yyyy-MM-dd} to today ({scheduler.Today:yyyy-MM-dd}).")
                : null;
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var run = await scheduler.RunAsync(day, caller.Actor, AuditRequests.IdOf(request), cancellationToken);
        return Results.Json(AmlResources.Run(run), ApiJson.Options);
    }

    /// <summary>The latest run of a day: when, by whom, and what each mode's files hold.</summary>
    public async Task<IResult> GetRunAsync(HttpRequest request, string day, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        return AmlIds.TryParseDay(day, out var date) && await runs.GetAsync(date, cancellationToken) is { } run
            ? Results.Json(AmlResources.Run(run), ApiJson.Options)
            : ApiError.NotFound("aml report run", "day").ToResult();
    }

    /// <summary>Cases by <c>status</c> (any when not given), newest day first, paginated.</summary>
    public async Task<IResult> ListCasesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var status = request.Query["status"].ToString() is { Length: > 0 } asked ? asked : null;
        if (status is not null && !AmlCaseStatuses.IsKnown(status))
        {
            return ApiError.InvalidRequest("status", "status must be one of open, escalated, closed.").ToResult();
        }

        var (limit, startingAfter, invalid) = ListQuery.Parse(request, id => AmlIds.TryParseCase(id, out _, out _), "an AML case");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        (DateOnly, string)? after = startingAfter is not null && AmlIds.TryParseCase(startingAfter, out var day, out var hash) ? (day, hash) : null;
        var (page, hasMore) = await cases.ListAsync(status, limit, after, cancellationToken);
        return Results.Json(new CaseList("list", "/api/" + ApiRoutes.ListAmlCases.Template, [.. page.Select(AmlResources.Case)], hasMore), ApiJson.Options);
    }

    public async Task<IResult> GetCaseAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        return AmlIds.TryParseCase(id, out var day, out var hash) && await cases.GetAsync(day, hash, cancellationToken) is { } found
            ? Results.Json(AmlResources.Case(found), ApiJson.Options)
            : ApiError.NotFound("aml case", "id").ToResult();
    }

    /// <summary>Opens a case by hand on a party (payer pseudonym, merchant or account id) with a reason; it belongs to today.</summary>
    public async Task<IResult> OpenCaseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (_, body, invalid) = await RequestBody.ReadAsync<OpenAmlCaseRequest>(request, null, cancellationToken);
        invalid ??= body!.Party is not { } party
            ? ApiError.MissingParameter("party")
            : party.Kind is not ("payer" or "merchant" or "account")
                ? ApiError.InvalidRequest("party.kind", "party.kind must be payer, merchant or account.")
                : !IsPartyId(party.Kind, party.Id)
                    ? ApiError.InvalidRequest("party.id", $"party.id must be a payer pseudonym (payer_ and 24 hex digits) or an id of 1 to {MaxPartyIdLength} letters, digits, '-' or '_'.")
                    : RequestBody.CheckOperatorText(body.Reason, "reason");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var now = time.GetUtcNow();
        var day = scheduler.Today;
        var (amlCase, _) = await cases.AddAsync(
            new AmlCaseEntity
            {
                PartitionKey = AmlIds.DayPartition(day),
                RowKey = Guid.NewGuid().ToString("N"),
                Day = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Livemode = body!.Livemode ?? true,
                Pattern = "manual",
                PartyKind = body.Party!.Kind!,
                PartyId = body.Party.Id!,
                Reason = body.Reason!,
                OpenedAt = now,
                OpenedBy = caller.Actor,
            },
            cancellationToken);
        var id = AmlIds.Case(day, amlCase.RowKey);
        await audit.AppendAsync(new AuditEvent(
            AuditEventTypes.AmlCaseOpened, caller.Actor, id, new Dictionary<string, object?> { ["pattern"] = "manual", ["party_kind"] = amlCase.PartyKind }, AuditRequests.IdOf(request)));
        await files.WriteSuspiciousAsync(day, amlCase.Livemode, cancellationToken);
        return Results.Json(AmlResources.Case(amlCase), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Adds a note to an open or escalated case.</summary>
    public Task<IResult> AddNoteAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        ChangeAsync(request, id, AuditEventTypes.AmlCaseNoted, rewritesFile: false, (amlCase, note, actor, at) =>
        {
            if (amlCase.Status == AmlCaseStatuses.Closed)
            {
                return Conflict("aml_case_closed", "A closed case takes no more notes.");
            }

            var notes = AmlResources.Notes(amlCase);
            if (notes.Count >= MaxNotes)
            {
                return Conflict("aml_case_notes_full", $"A case holds at most {MaxNotes} notes; close it with a summary and open another.");
            }

            amlCase.NotesJson = JsonSerializer.Serialize<IEnumerable<AmlCaseNote>>([.. notes, new AmlCaseNote(at, actor, note)], ApiJson.Options);
            return null;
        }, cancellationToken);

    /// <summary>Escalates an open case: reported to the regulator, it reads escalated in its day's suspicious file.</summary>
    public Task<IResult> EscalateAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        ChangeAsync(request, id, AuditEventTypes.AmlCaseEscalated, rewritesFile: true, (amlCase, note, actor, at) =>
        {
            if (amlCase.Status != AmlCaseStatuses.Open)
            {
                return Conflict("aml_case_not_open", $"Only an open case can be escalated; this one is {amlCase.Status}.");
            }

            (amlCase.Status, amlCase.EscalatedAt, amlCase.EscalatedBy) = (AmlCaseStatuses.Escalated, at, actor);
            amlCase.NotesJson = JsonSerializer.Serialize<IEnumerable<AmlCaseNote>>([.. AmlResources.Notes(amlCase), new AmlCaseNote(at, actor, note)], ApiJson.Options);
            return null;
        }, cancellationToken);

    /// <summary>Closes an open or escalated case with a note saying why.</summary>
    public Task<IResult> CloseAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        ChangeAsync(request, id, AuditEventTypes.AmlCaseClosed, rewritesFile: true, (amlCase, note, actor, at) =>
        {
            if (amlCase.Status == AmlCaseStatuses.Closed)
            {
                return Conflict("aml_case_closed", $"The case was already closed by {amlCase.ClosedBy}.");
            }

            (amlCase.Status, amlCase.ClosedAt, amlCase.ClosedBy) = (AmlCaseStatuses.Closed, at, actor);
            amlCase.NotesJson = JsonSerializer.Serialize<IEnumerable<AmlCaseNote>>([.. AmlResources.Notes(amlCase), new AmlCaseNote(at, actor, note)], ApiJson.Options);
            return null;
        }, cancellationToken);

    /// <summary>
    /// Reads the note, applies <paramref name="change"/> (null when allowed, else the refusal) under the row's ETag, audits
    /// it naming the operator, and rewrites the day's suspicious file when the status moved.
    /// </summary>
    private async Task<IResult> ChangeAsync(
        HttpRequest request, string id, string auditType, bool rewritesFile, Func<AmlCaseEntity, string, string, DateTimeOffset, ApiError?> change, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        if (!AmlIds.TryParseCase(id, out var day, out var hash))
        {
            return ApiError.NotFound("aml case", "id").ToResult();
        }

        var (_, body, invalid) = await RequestBody.ReadAsync<AmlCaseNoteRequest>(request, null, cancellationToken);
        invalid ??= RequestBody.CheckOperatorText(body!.Note, "note");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        ApiError? refused = null;
        var outcome = await cases.UpdateAsync(day, hash, c => (refused = change(c, body!.Note!, caller.Actor, time.GetUtcNow())) is null, cancellationToken);
        if (outcome is not { } result)
        {
            return ApiError.NotFound("aml case", "id").ToResult();
        }

        var (amlCase, changed) = result;
        if (!changed)
        {
            return refused!.ToResult();
        }

        await audit.AppendAsync(new AuditEvent(
            auditType, caller.Actor, id, new Dictionary<string, object?> { ["status"] = amlCase.Status, ["pattern"] = amlCase.Pattern }, AuditRequests.IdOf(request)));
        if (rewritesFile)
        {
            await files.WriteSuspiciousAsync(day, amlCase.Livemode, cancellationToken);
        }

        return Results.Json(AmlResources.Case(amlCase), ApiJson.Options);
    }

    private static bool IsPartyId(string kind, string? id) =>
        kind == "payer"
            ? PayerPseudonyms.IsWellFormed(id)
            : id is { Length: > 0 and <= MaxPartyIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static ApiError Conflict(string code, string detail) => new(StatusCodes.Status409Conflict, code, "The case cannot be changed so now.", detail);

    internal sealed record CaseList(string Object, string Url, IReadOnlyList<AmlResources.CaseResource> Data, bool HasMore);
}

/// <summary>The body of a report run: which day (default yesterday).</summary>
public sealed record RunAmlReportRequest(string? Day);

/// <summary>The body of a case opened by hand.</summary>
public sealed record OpenAmlCaseRequest([property: RequiredParameter] AmlPartyRequest? Party, string? Reason, bool? Livemode);

/// <summary>The party of a case opened by hand: <c>payer</c> (pseudonym), <c>merchant</c> or <c>account</c>, and its id.</summary>
public sealed record AmlPartyRequest(string? Kind, string? Id);

/// <summary>The body of a note, an escalation or a closing: what was found or decided.</summary>
public sealed record AmlCaseNoteRequest(string? Note);

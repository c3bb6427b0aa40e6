using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Screening;

/// <summary>
/// Operators replace a sanctions list by uploading the whole file as published (<c>PUT</c>, the list named in the
/// path) and see which lists are loaded. An upload is read in full first: a damaged or oversized one is refused as a
/// problem and the stored list stays as it was. An accepted one starts a rescreen of everyone on the platform.
/// </summary>
public sealed partial class SanctionsListEndpoints(SanctionsLists lists, AuditLog audit, ILogger<SanctionsListEndpoints> logger)
{
    public async Task<IResult> ReplaceAsync(HttpRequest request, string source, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        if (!SanctionsListCodes.TryParse(source, out var list))
        {
            return new ApiError(
                StatusCodes.Status404NotFound, "resource_missing", "No such sanctions list.",
                $"source must be {SanctionsListCodes.OfacSdn} or {SanctionsListCodes.UnConsolidated}.", "source").ToResult();
        }

        SpooledUpload.AllowBody(request, SanctionsLists.MaxUploadBytes);
        SanctionsListInfo? stored;
        try
        {
            stored = await lists.ReplaceAsync(list, request.Body, cancellationToken);
        }
        catch (FormatException e)
        {
            return new ApiError(StatusCodes.Status400BadRequest, "sanctions_list_invalid", "The sanctions list could not be read; the stored one is kept.", e.Message).ToResult();
        }

        if (stored is null)
        {
            return new ApiError(
                StatusCodes.Status413PayloadTooLarge, "sanctions_list_too_large", "The sanctions list is too large; the stored one is kept.",
                $"An upload holds at most {SanctionsLists.MaxUploadBytes} bytes.").ToResult();
        }

        var resource = ScreeningResources.List(stored);
        var rescreen = await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(RescreenOrchestrator), new RescreenInput(resource.Source, stored.Sha256), new StartOrchestrationOptions(RescreenOrchestrator.NewInstanceId()), cancellationToken);
        LogReplaced(logger, resource.Source, stored.Entries, stored.Names, stored.Sha256, rescreen);
        await audit.AppendAsync(new AuditEvent(
            AuditEventTypes.SanctionsListReplaced,
            caller.Actor,
            resource.Source,
            new Dictionary<string, object?> { ["entries"] = stored.Entries, ["names"] = stored.Names, ["sha256"] = stored.Sha256, ["rescreen"] = rescreen },
            AuditRequests.IdOf(request)));
        return Results.Json(resource, ApiJson.Options);
    }

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var loaded = await lists.ListAsync(cancellationToken);
        return Results.Json(new ListList("list", "/api/" + ApiRoutes.ListSanctionsLists.Template, [.. loaded.Select(ScreeningResources.List)], false), ApiJson.Options);
    }

    [LoggerMessage(EventId = 8305, Level = LogLevel.Information, Message = "Sanctions list {Source} replaced: {Entries} parties, {Names} names, SHA-256 {Sha256}; rescreen {Rescreen}")]
    private static partial void LogReplaced(ILogger logger, string source, int entries, int names, string sha256, string rescreen);

    internal sealed record ListList(string Object, string Url, IReadOnlyList<ScreeningResources.ListResource> Data, bool HasMore);
}

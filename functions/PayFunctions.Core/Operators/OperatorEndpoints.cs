using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Operators;

/// <summary>
/// Operators manage operators: each has its own key (shown once) and only scopes the operator who
/// made it holds, so no operator can make one more powerful than itself.
/// </summary>
public sealed class OperatorEndpoints(OperatorStore operators, IdempotentPost idempotentPost, AuditLog audit)
{
    private const int MaxNameLength = 100;

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (body, parsed, invalid) = await RequestBody.ReadAsync<CreateOperatorRequest>(request, null, cancellationToken);
        var scopes = invalid is null ? ApiScopes.ParseList(parsed!.Scopes ?? [], ApiScopes.Operator) : null;
        invalid ??= parsed!.Name is not { Length: > 0 and <= MaxNameLength } name || name.Any(char.IsControl)
            ? ApiError.InvalidRequest("name", $"name must be 1 to {MaxNameLength} printable characters.")
            : scopes is null || scopes.Count == 0
                ? ApiError.InvalidRequest("scopes", $"scopes must name at least one of: {string.Join(", ", ApiScopes.Operator)}.")
                : !scopes.All(caller.Scopes.Contains)
                    ? ApiError.InvalidRequest("scopes", "An operator can only be given scopes its creator holds.")
                    : null;
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        return await idempotentPost.RunAsync(
            request,
            caller.OperatorId,
            body!,
            operators.NewOperatorId,
            async id =>
            {
                var (created, key) = await operators.CreateAsync(id, parsed!.Name!, scopes!, caller.Actor, cancellationToken);
                await audit.AppendAsync(new AuditEvent(
                    AuditEventTypes.OperatorCreated, caller.Actor, id, new Dictionary<string, object?> { ["scopes"] = created.Scopes }, AuditRequests.IdOf(request)));
                var resource = OperatorResource.From(created);
                return new StoredResponse(
                    StatusCodes.Status201Created,
                    JsonSerializer.Serialize(resource with { Key = key, KeyRedacted = false }, ApiJson.Options),
                    "application/json",
                    ReplayJson: JsonSerializer.Serialize(resource with { KeyRedacted = true }, ApiJson.Options));
            },
            cancellationToken);
    }

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var list = await operators.ListAsync(cancellationToken);
        return Results.Json(new OperatorList("list", "/api/" + ApiRoutes.ListOperators.Template, [.. list.Select(OperatorResource.From)]), ApiJson.Options);
    }

    /// <summary>Takes effect at once; the operator's key and tokens stop working. Disabling oneself is refused.</summary>
    public async Task<IResult> DisableAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        if (!OperatorStore.IsOperatorId(id))
        {
            return ApiError.NotFound("operator", "id").ToResult();
        }

        if (id == caller.OperatorId)
        {
            return ApiError.InvalidRequest("id", "An operator cannot disable itself; another operator can.").ToResult();
        }

        if (await operators.DisableAsync(id, cancellationToken) is not { } disabled)
        {
            return ApiError.NotFound("operator", "id").ToResult();
        }

        await audit.AppendAsync(new AuditEvent(AuditEventTypes.OperatorDisabled, caller.Actor, id, null, AuditRequests.IdOf(request)));
        return Results.Json(OperatorResource.From(disabled), ApiJson.Options);
    }

    internal sealed record OperatorList(string Object, string Url, IReadOnlyList<OperatorResource> Data);
}

/// <summary>The body of <c>POST /api/ops/operators</c>.</summary>
public sealed record CreateOperatorRequest(string? Name, IReadOnlyList<string>? Scopes);

/// <summary>An operator as operators see it; <c>key</c> only in the answer that made it.</summary>
public sealed record OperatorResource(
    string Id, string Object, string Name, IReadOnlyList<string> Scopes, string KeyPrefix, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? DisabledAt, string? Key, bool? KeyRedacted)
{
    public static OperatorResource From(OperatorEntity o) =>
        new(o.Id, "operator", o.Name, [.. o.GrantedScopes.Order(StringComparer.Ordinal)], o.KeyPrefix, o.CreatedAt, o.CreatedBy, o.DisabledAt, null, null);
}

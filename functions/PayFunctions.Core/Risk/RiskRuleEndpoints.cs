using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Risk;

/// <summary>
/// Risk rules through the API: a merchant's own (<c>/api/v1/risk/rules</c>) and the platform's, which operators keep
/// (<c>/api/ops/risk/rules</c>). A rule is sent whole, to create it or to replace it; every change is audit-logged.
/// </summary>
public sealed class RiskRuleEndpoints(RiskRuleStore rules, IdempotentPost idempotentPost, AuditLog audit)
{
    private const string Json = "application/json";

    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Scoped(request, false, scope => ListAsync(scope, ApiRoutes.ListRiskRules, cancellationToken));

    public Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Scoped(request, false, scope => CreateAsync(request, scope, cancellationToken));

    public Task<IResult> UpdateAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        Scoped(request, false, scope => UpdateAsync(request, scope, id, cancellationToken));

    public Task<IResult> DeleteAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        Scoped(request, false, scope => DeleteAsync(request, scope, id, cancellationToken));

    public Task<IResult> ListPlatformAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Scoped(request, true, scope => ListAsync(scope, ApiRoutes.ListPlatformRiskRules, cancellationToken));

    public Task<IResult> CreatePlatformAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Scoped(request, true, scope => CreateAsync(request, scope, cancellationToken));

    public Task<IResult> UpdatePlatformAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        Scoped(request, true, scope => UpdateAsync(request, scope, id, cancellationToken));

    public Task<IResult> DeletePlatformAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        Scoped(request, true, scope => DeleteAsync(request, scope, id, cancellationToken));

    /// <summary>A rule as the API shows it: its id, whose it is and when it changed, then the rule as it would be sent.</summary>
    public static string ResourceJson(StoredRiskRule stored, string scope)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return Resource(stored, scope).ToJsonString(ApiJson.Options);
    }

    private static JsonObject Resource(StoredRiskRule stored, string scope)
    {
        var resource = new JsonObject
        {
            ["id"] = stored.Rule.Id,
            ["object"] = "risk_rule",
            ["scope"] = scope == RiskRuleStore.PlatformScope ? "platform" : "merchant",
        };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(RiskRuleNames.DraftOf(stored.Rule), ApiJson.Options)!.AsObject())
        {
            resource[name] = value?.DeepClone();
        }

        resource["created_at"] = stored.CreatedAt;
        resource["updated_at"] = stored.UpdatedAt;
        return resource;
    }

    private static async Task<IResult> Scoped(HttpRequest request, bool platform, Func<Scope, Task<IResult>> handle)
    {
        Scope? scope = platform
            ? ApiCaller.OperatorOf(request) is { } op ? new Scope(RiskRuleStore.PlatformScope, op.OperatorId, op.Actor) : null
            : ApiCaller.MerchantOf(request) is { } merchant ? new Scope(merchant.Id, merchant.Id, AuditActors.Merchant(merchant.Id)) : null;
        return scope is null ? ApiError.Unauthenticated().ToResult() : await handle(scope);
    }

    private async Task<IResult> ListAsync(Scope scope, ApiRoute route, CancellationToken cancellationToken)
    {
        var list = await rules.ListAsync(scope.Partition, cancellationToken);
        var data = new JsonArray([.. list.Select(r => (JsonNode)Resource(r, scope.Partition))]);
        var page = new JsonObject { ["object"] = "list", ["url"] = "/api/" + route.Template, ["data"] = data, ["has_more"] = false };
        return Results.Text(page.ToJsonString(ApiJson.Options), Json);
    }

    private async Task<IResult> CreateAsync(HttpRequest request, Scope scope, CancellationToken cancellationToken)
    {
        var (body, draft, parseError) = await RequestBody.ReadAsync<RiskRuleDraft>(request, null, cancellationToken);
        if (parseError is not null)
        {
            return parseError.ToResult();
        }

        // Validated under a placeholder id first, so that a bad body is refused before an idempotency key is taken.
        if (Validate(RiskRuleStore.NewId(), draft!).Error is { } invalid)
        {
            return invalid.ToResult();
        }

        return await idempotentPost.RunAsync(
            request,
            scope.IdempotencyScope,
            body!,
            RiskRuleStore.NewId,
            async id =>
            {
                var rule = Validate(id, draft!).Rule!;
                if (await rules.CreateAsync(scope.Partition, rule, cancellationToken) is not { } created)
                {
                    var full = new ApiError(
                        StatusCodes.Status400BadRequest,
                        "risk_rules_limit_reached",
                        "No more risk rules can be added.",
                        $"At most {RiskRuleStore.MaxRules} rules are kept; delete or merge some first.");
                    return new StoredResponse(full.Status, full.ToJson(), ApiError.ContentType);
                }

                await AuditAsync(request, AuditEventTypes.RiskRuleCreated, scope, created.Rule);
                return new StoredResponse(StatusCodes.Status201Created, ResourceJson(created, scope.Partition), Json);
            },
            cancellationToken);
    }

    private async Task<IResult> UpdateAsync(HttpRequest request, Scope scope, string id, CancellationToken cancellationToken)
    {
        if (!RiskRuleStore.IsRuleId(id))
        {
            return ApiError.NotFound("risk rule", "id").ToResult();
        }

        var (body, draft, parseError) = await RequestBody.ReadAsync<RiskRuleDraft>(request, null, cancellationToken);
        if (parseError is not null)
        {
            return parseError.ToResult();
        }

        var (rule, invalid) = Validate(id, draft!);
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        return await idempotentPost.RunAsync(
            request,
            scope.IdempotencyScope,
            body!,
            () => id,
            async _ =>
            {
                if (await rules.UpdateAsync(scope.Partition, rule!, cancellationToken) is not { } updated)
                {
                    var missing = ApiError.NotFound("risk rule", "id");
                    return new StoredResponse(missing.Status, missing.ToJson(), ApiError.ContentType);
                }

                await AuditAsync(request, AuditEventTypes.RiskRuleUpdated, scope, updated.Rule);
                return new StoredResponse(StatusCodes.Status200OK, ResourceJson(updated, scope.Partition), Json);
            },
            cancellationToken);
    }

    private async Task<IResult> DeleteAsync(HttpRequest request, Scope scope, string id, CancellationToken cancellationToken)
    {
        if (!RiskRuleStore.IsRuleId(id) || await rules.DeleteAsync(scope.Partition, id, cancellationToken) is not { } deleted)
        {
            return ApiError.NotFound("risk rule", "id").ToResult();
        }

        await AuditAsync(request, AuditEventTypes.RiskRuleDeleted, scope, deleted.Rule);
        var answer = new JsonObject { ["id"] = id, ["object"] = "risk_rule", ["deleted"] = true };
        return Results.Text(answer.ToJsonString(ApiJson.Options), Json);
    }

    private static (RiskRule? Rule, ApiError? Error) Validate(string id, RiskRuleDraft draft)
    {
        var (rule, error) = RiskRuleValidator.Validate(id, draft);
        if (error is not null)
        {
            return (null, ApiError.InvalidRequest(error.Param, error.Message));
        }

        return RiskRuleStore.Serialize(rule!).Length > RiskRuleStore.MaxJsonBytes
            ? (null, new ApiError(StatusCodes.Status400BadRequest, "risk_rule_too_large", "The risk rule is too large.", $"Written out it takes more than {RiskRuleStore.MaxJsonBytes} bytes; use fewer or shorter values.", "values"))
            : (rule, null);
    }

    /// <summary>What changed, without a list's values: they may be payers' ids and addresses, which the trail does not keep.</summary>
    private Task<AuditEntity?> AuditAsync(HttpRequest request, string type, Scope scope, RiskRule rule) =>
        audit.AppendAsync(
            new AuditEvent(
                type,
                scope.Actor,
                rule.Id,
                new Dictionary<string, object?>
                {
                    ["scope"] = scope.Partition == RiskRuleStore.PlatformScope ? "platform" : scope.Partition,
                    ["kind"] = RiskRuleNames.Of(rule.Kind),
                    ["action"] = RiskRuleNames.Of(rule.Action),
                    ["values"] = rule.Values?.Count,
                },
                AuditRequests.IdOf(request)));

    /// <param name="Partition">Where the rules are kept: the merchant's id or <see cref="RiskRuleStore.PlatformScope"/>.</param>
    /// <param name="IdempotencyScope">Whose idempotency keys a POST is under: the merchant's or the operator's.</param>
    private sealed record Scope(string Partition, string IdempotencyScope, string Actor);
}

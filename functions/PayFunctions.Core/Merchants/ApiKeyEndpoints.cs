using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Merchants;

/// <summary>
/// A merchant manages its own API keys: several may be active at once; a new or rolled key is shown
/// once; rolling keeps the old key working for a grace period the caller picks; revoking is
/// immediate. Each change is appended to the audit trail once done and before the answer; a replay appends nothing.
/// </summary>
public sealed class ApiKeyEndpoints(ApiKeyStore apiKeys, IdempotentPost idempotentPost, AuditLog audit, TimeProvider time)
{
    public const int DefaultGraceSeconds = 24 * 60 * 60;
    public const int MaxGraceSeconds = 7 * 24 * 60 * 60;
    private const int MaxNameLength = 100;

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.Of(request.HttpContext) is not MerchantCaller caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var merchant = caller.Merchant;
        var (body, parsed, invalid) = await RequestBody.ReadAsync(request, new CreateApiKeyRequest(null, null, null), cancellationToken);
        if (invalid is null && parsed!.Name is { } name && (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl)))
        {
            invalid = ApiError.InvalidRequest("name", $"name must be 1 to {MaxNameLength} printable characters.");
        }

        var scopes = invalid is null ? ScopesOf(parsed!, caller, out invalid) : null;
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        return await idempotentPost.RunAsync(
            request,
            merchant.Id,
            body!,
            apiKeys.NewKeyId,
            async keyId =>
            {
                var issued = await apiKeys.IssueAsync(merchant, keyId, parsed!.Name, scopes, parsed.SignatureRequired ?? false, cancellationToken);
                await audit.AppendAsync(new AuditEvent(AuditEventTypes.ApiKeyCreated, AuditActors.Merchant(merchant.Id), issued.Key.Id, null, AuditRequests.IdOf(request)));
                return Shown(StatusCodes.Status201Created, issued);
            },
            cancellationToken);
    }

    /// <summary>A new key gets the scopes asked for, or the caller's own; never one the caller does not hold.</summary>
    private static string? ScopesOf(CreateApiKeyRequest request, MerchantCaller caller, out ApiError? invalid)
    {
        invalid = null;
        var asked = request.Scopes is null
            ? caller.Scopes
            : ApiScopes.ParseList(request.Scopes, ApiScopes.Merchant);
        if (asked is null || asked.Count == 0)
        {
            invalid = ApiError.InvalidRequest("scopes", $"scopes must name at least one of: {string.Join(", ", ApiScopes.Merchant)}.");
            return null;
        }

        if (!asked.All(caller.Scopes.Contains))
        {
            invalid = ApiError.InvalidRequest("scopes", "A key can only be given scopes the key that makes it holds.");
            return null;
        }

        // A key with every scope is stored as unrestricted, as keys made before scopes existed are.
        return asked.Count == ApiScopes.Merchant.Count ? null : ApiScopes.Format(asked);
    }

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (limit, startingAfter, invalid) = ListQuery.Parse(request, ApiKeyStore.IsKeyId, "an API key");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var (page, hasMore) = await apiKeys.ListAsync(merchant.Id, limit, startingAfter, cancellationToken);
        var now = time.GetUtcNow();
        return Results.Json(new ApiKeyList("list", "/api/v1/api_keys", [.. page.Select(k => ApiKeyResource.From(k, now))], hasMore), ApiJson.Options);
    }

    /// <summary>Answers the new key, shown once; the rolled key expires <c>expires_in_seconds</c> from now.</summary>
    public async Task<IResult> RollAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        if (!ApiKeyStore.IsKeyId(id))
        {
            return ApiError.NotFound("API key", "id").ToResult();
        }

        var (body, parsed, invalid) = await RequestBody.ReadAsync(request, new RollApiKeyRequest(null), cancellationToken);
        var graceSeconds = parsed?.ExpiresInSeconds ?? DefaultGraceSeconds;
        if (invalid is null && graceSeconds is < 0 or > MaxGraceSeconds)
        {
            invalid = ApiError.InvalidRequest("expires_in_seconds", $"expires_in_seconds must be between 0 (at once) and {MaxGraceSeconds}.");
        }

        invalid ??= await OutOfReachAsync(request, merchant.Id, id, cancellationToken);
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        return await idempotentPost.RunAsync(
            request,
            merchant.Id,
            body!,
            apiKeys.NewKeyId,
            async newKeyId => (await apiKeys.RollAsync(merchant, id, newKeyId, TimeSpan.FromSeconds(graceSeconds), cancellationToken)) switch
            {
                RollOutcome.Rolled rolled => await AuditedAsync(
                    new AuditEvent(
                        AuditEventTypes.ApiKeyRolled,
                        AuditActors.Merchant(merchant.Id),
                        id,
                        new Dictionary<string, object?> { ["new_key"] = rolled.Issued.Key.Id, ["expires_in_seconds"] = graceSeconds },
                        AuditRequests.IdOf(request)),
                    Shown(StatusCodes.Status201Created, rolled.Issued)),
                RollOutcome.NotRollable refused => Stored(new ApiError(
                    StatusCodes.Status409Conflict,
                    "api_key_unexpected_state",
                    "Only an active API key can be rolled.",
                    $"This key is {JsonNamingPolicy.SnakeCaseLower.ConvertName(refused.Key.StatusAt(time.GetUtcNow()).ToString())}.",
                    "id")),
                _ => Stored(ApiError.NotFound("API key", "id")),
            },
            cancellationToken);
    }

    /// <summary>Takes effect at once. Idempotent: revoking a revoked key answers it unchanged.</summary>
    public async Task<IResult> RevokeAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        if (ApiKeyStore.IsKeyId(id) && await OutOfReachAsync(request, merchant.Id, id, cancellationToken) is { } refused)
        {
            return refused.ToResult();
        }

        var outcome = ApiKeyStore.IsKeyId(id) ? await apiKeys.RevokeAsync(merchant.Id, id, cancellationToken) : new RevokeOutcome.NotFound();
        if (outcome is RevokeOutcome.Revoked)
        {
            await audit.AppendAsync(new AuditEvent(AuditEventTypes.ApiKeyRevoked, AuditActors.Merchant(merchant.Id), id, null, AuditRequests.IdOf(request)));
        }

        return outcome switch
        {
            RevokeOutcome.Revoked revoked => Results.Json(ApiKeyResource.From(revoked.Key, time.GetUtcNow()), ApiJson.Options),
            RevokeOutcome.LastUsable => new ApiError(
                StatusCodes.Status409Conflict,
                "api_key_last_usable",
                "This is the merchant's last usable API key.",
                "Roll it instead; expires_in_seconds 0 ends it at once.",
                "id").ToResult(),
            _ => ApiError.NotFound("API key", "id").ToResult(),
        };
    }

    /// <summary>
    /// A key may roll or revoke only a key whose scopes it holds itself: rolling hands the rolled key's
    /// scopes to a new secret the caller sees, so a restricted key could otherwise mint an unrestricted one.
    /// </summary>
    private async Task<ApiError?> OutOfReachAsync(HttpRequest request, string merchantId, string id, CancellationToken cancellationToken)
    {
        var held = ApiCaller.Of(request.HttpContext)?.Scopes ?? new HashSet<string>();
        return await apiKeys.GetAsync(merchantId, id, cancellationToken) is { } key && !key.GrantedScopes.All(held.Contains)
            ? new ApiError(
                StatusCodes.Status403Forbidden,
                "insufficient_scope",
                "The credential does not allow this request.",
                "A key can only roll or revoke keys whose scopes it holds.",
                "id")
            : null;
    }

    private async Task<StoredResponse> AuditedAsync(AuditEvent done, StoredResponse answer)
    {
        await audit.AppendAsync(done);
        return answer;
    }

    /// <summary>The new key with its secrets; what is stored for replays has them redacted.</summary>
    private StoredResponse Shown(int status, IssuedKey issued)
    {
        var resource = ApiKeyResource.From(issued.Key, time.GetUtcNow());
        return new StoredResponse(
            status,
            JsonSerializer.Serialize(resource with { Secret = issued.Secret, SigningSecret = issued.SigningSecret, SecretRedacted = false }, ApiJson.Options),
            "application/json",
            ReplayJson: JsonSerializer.Serialize(resource with { SecretRedacted = true }, ApiJson.Options));
    }

    private static StoredResponse Stored(ApiError error) => new(error.Status, error.ToJson(), ApiError.ContentType);

    internal sealed record ApiKeyList(string Object, string Url, IReadOnlyList<ApiKeyResource> Data, bool HasMore);
}

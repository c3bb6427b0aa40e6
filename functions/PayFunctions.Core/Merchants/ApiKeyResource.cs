using PayFunctions.Core.Merchants;

namespace PayFunctions.Core.Merchants;

/// <summary>
/// An API key as merchants see it: its prefix only. <c>secret</c> and <c>signing_secret</c> are set in the answer that
/// made the key and nowhere else; a replay of that answer has <c>secret_redacted</c> true instead.
/// </summary>
public sealed record ApiKeyResource(
    string Id,
    string Object,
    string? Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    bool SignatureRequired,
    ApiKeyStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? Secret,
    string? SigningSecret,
    bool? SecretRedacted)
{
    public static ApiKeyResource From(ApiKeyEntity k, DateTimeOffset now) =>
        new(k.Id, "api_key", k.Name, k.Prefix, [.. k.GrantedScopes.Order(StringComparer.Ordinal)], k.SignatureRequired, k.StatusAt(now), k.CreatedAt, k.ExpiresAt, k.RevokedAt, null, null, null);
}

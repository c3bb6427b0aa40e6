namespace PayFunctions.Core.Merchants;

/// <summary>The body of <c>POST /api/v1/api_keys</c>; it may be empty. Without <c>scopes</c> the key has the caller's own; with <c>signature_required</c> every request it makes must be signed.</summary>
public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes, bool? SignatureRequired);

/// <summary>The body of <c>POST /api/v1/api_keys/{id}/roll</c>; it may be empty.</summary>
public sealed record RollApiKeyRequest(int? ExpiresInSeconds);

namespace PayFunctions.Core.Merchants;

/// <summary>The body of <c>POST /api/v1/api_keys</c>; it may be empty.</summary>
public sealed record CreateApiKeyRequest(string? Name);

/// <summary>The body of <c>POST /api/v1/api_keys/{id}/roll</c>; it may be empty.</summary>
public sealed record RollApiKeyRequest(int? ExpiresInSeconds);

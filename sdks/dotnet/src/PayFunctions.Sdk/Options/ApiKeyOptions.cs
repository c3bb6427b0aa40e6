namespace PayFunctions;

/// <summary>The body of an API key create (<c>POST /v1/api_keys</c>).</summary>
public sealed class ApiKeyCreateOptions
{
    /// <summary>A label.</summary>
    public string? Name { get; set; }

    /// <summary>What the key may do; all scopes when unset.</summary>
    public List<string>? Scopes { get; set; }

    /// <summary>Whether requests made with the key must be signed.</summary>
    public bool? SignatureRequired { get; set; }
}

/// <summary>The body of an API key roll (<c>POST /v1/api_keys/{id}/roll</c>).</summary>
public sealed class ApiKeyRollOptions
{
    /// <summary>How long the old secret keeps working.</summary>
    public int? ExpiresInSeconds { get; set; }
}

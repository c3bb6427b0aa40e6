namespace PayFunctions;

/// <summary>An API key of the merchant. Its secret is shown once, in the answer that created or rolled it.</summary>
public sealed class ApiKey : PayFunctionsEntity, IHasId
{
    /// <summary>The identifier, <c>key_…</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Always <c>api_key</c>.</summary>
    public string Object { get; set; } = "api_key";

    /// <summary>The key's label.</summary>
    public string? Name { get; set; }

    /// <summary>The key's visible prefix.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>What the key may do: <c>read</c>, <c>payments</c>, <c>refunds</c>, <c>accounts</c>, <c>api_keys</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Whether requests made with the key must be signed.</summary>
    public bool SignatureRequired { get; set; }

    /// <summary><c>active</c>, <c>expiring</c>, <c>expired</c> or <c>revoked</c>.</summary>
    public string Status { get; set; } = "";

    /// <summary>When the key was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a rolled key stops working.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When the key was revoked.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The secret, only in the answer that created or rolled the key.</summary>
    public string? Secret { get; set; }

    /// <summary>The request-signing secret, only in that same answer.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Whether the secret was withheld (an idempotent repeat of the create).</summary>
    public bool? SecretRedacted { get; set; }
}

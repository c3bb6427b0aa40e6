using System.Runtime.Serialization;
using PayFunctions.Core.Security;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Merchants;

public enum ApiKeyStatus
{
    Active,

    /// <summary>Rolled: still accepted until <see cref="ApiKeyEntity.ExpiresAt"/>.</summary>
    Expiring,
    Expired,
    Revoked,
}

/// <summary>
/// One of a merchant's API keys, in the merchant's partition of the merchants table. The key itself
/// is never stored: only its keyed hash, and a short prefix so a merchant can tell keys apart.
/// This row decides whether the key is accepted; the <see cref="ApiKeyIndexEntity"/> only finds it.
/// </summary>
public sealed class ApiKeyEntity : TableRow
{
    public const string IdPrefix = "key_";

    [IgnoreDataMember]
    public string MerchantId => PartitionKey;

    [IgnoreDataMember]
    public string Id => RowKey;

    public string? Name { get; set; }

    public string Prefix { get; set; } = "";

    public string Hash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Space-separated <see cref="ApiScopes"/>; null for a key that may do everything a merchant can.</summary>
    public string? Scopes { get; set; }

    [IgnoreDataMember]
    public IReadOnlySet<string> GrantedScopes =>
        Scopes is null ? ApiScopes.Merchant.ToHashSet(StringComparer.Ordinal) : ApiScopes.Parse(Scopes, ApiScopes.Merchant) ?? new HashSet<string>();

    /// <summary>The key's request-signing secret, sealed under <see cref="SigningSecretContext"/>; null for keys made before signing existed.</summary>
    public string? SigningSecretSealed { get; set; }

    /// <summary>Every request with this key, or a token made from it, must be signed.</summary>
    public bool SignatureRequired { get; set; }

    public static string SigningSecretContext(string merchantId, string keyId) => $"merchants/{merchantId}/api_keys/{keyId}/signing_secret";

    /// <summary>The key this one was rolled into; lets a retried roll finish instead of being refused.</summary>
    public string? RolledInto { get; set; }

    public ApiKeyStatus StatusAt(DateTimeOffset now) => this switch
    {
        { RevokedAt: not null } => ApiKeyStatus.Revoked,
        { ExpiresAt: null } => ApiKeyStatus.Active,
        { ExpiresAt: { } expires } when expires > now => ApiKeyStatus.Expiring,
        _ => ApiKeyStatus.Expired,
    };

    public bool IsUsableAt(DateTimeOffset now) => StatusAt(now) is ApiKeyStatus.Active or ApiKeyStatus.Expiring;
}

/// <summary>Finds a presented key: partition = its keyed hash, pointing at the key's row.</summary>
public sealed class ApiKeyIndexEntity : TableRow
{
    public const string Row = "key";

    public ApiKeyIndexEntity() => RowKey = Row;

    public string MerchantId { get; set; } = "";

    public string KeyId { get; set; } = "";
}

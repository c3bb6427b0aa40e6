using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Security;

/// <summary>
/// The ES256 keys access tokens are signed with. The secret <see cref="SecretName"/> holds 32 random
/// bytes (base64), the P-256 private scalar, so the post-provision hook makes it as it makes the
/// pepper; its Key Vault version is the key id. Rotating is setting a new version: new tokens are
/// signed with it once instances pick it up, and tokens signed before still verify, found by their
/// key id, until they expire.
/// </summary>
public sealed class TokenSigningKeys(ISecretStore secrets, TimeProvider time)
{
    public const string SecretName = "token-signing-key";

    private readonly ConcurrentDictionary<string, (ECDsaSecurityKey Key, DateTimeOffset LastSeen)> known = new(StringComparer.Ordinal);

    public async Task<ECDsaSecurityKey> CurrentAsync(CancellationToken cancellationToken)
    {
        var secret = await secrets.GetCurrentAsync(SecretName, cancellationToken)
            ?? throw new InvalidOperationException($"Secret '{SecretName}' is not configured.");
        return Remember(secret.Version, secret.Value);
    }

    /// <summary>The key a token names, or null when no such version exists.</summary>
    public async Task<ECDsaSecurityKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        if (keyId.Length is 0 or > 64 || !keyId.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        if (known.TryGetValue(keyId, out var key))
        {
            return key.Key;
        }

        var value = await secrets.GetVersionAsync(SecretName, keyId, cancellationToken);
        return value is null ? null : Remember(keyId, value);
    }

    /// <summary>
    /// The public keys to publish: the current one and those this instance signed or verified with
    /// within <paramref name="within"/>, so a resource server that refreshes its key set after a
    /// rotation still finds the key of a token issued just before.
    /// </summary>
    public async Task<IReadOnlyList<ECDsaSecurityKey>> PublishedAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        var since = time.GetUtcNow() - within;
        return [current, .. known.Where(k => k.Key != current.KeyId && k.Value.LastSeen >= since).Select(k => k.Value.Key)];
    }

    private ECDsaSecurityKey Remember(string version, string value)
    {
        var now = time.GetUtcNow();
        var entry = known.AddOrUpdate(
            version,
            _ => (Import(version, value), now),
            (_, existing) => (existing.Key, now));
        return entry.Key;
    }

    private static ECDsaSecurityKey Import(string version, string value)
    {
        var scalar = Convert.FromBase64String(value);
        try
        {
            if (scalar.Length != 32)
            {
                throw new InvalidOperationException($"Secret '{SecretName}' must be 32 random bytes, base64.");
            }

            // The public point is derived from the scalar on import.
            var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar });
            return new ECDsaSecurityKey(ecdsa) { KeyId = version };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }
}

using System.Collections.Concurrent;

namespace PayFunctions.Core.Secrets;

/// <summary>
/// Keeps current secrets for a few minutes: Key Vault is throttled and every payment needs the
/// channel keys. A named version never changes, so it is kept for the life of the process.
/// </summary>
public sealed class CachingSecretStore(ISecretStore inner, TimeProvider time) : ISecretStore
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (SecretVersion Secret, DateTimeOffset Expires)> current = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, string Version), string> versions = new();

    public async Task<SecretVersion?> GetCurrentAsync(string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (current.TryGetValue(name, out var entry) && entry.Expires > now)
        {
            return entry.Secret;
        }

        // A missing secret is not remembered: it is asked for again, so one created meanwhile is found.
        var secret = await inner.GetCurrentAsync(name, cancellationToken);
        if (secret is not null)
        {
            current[name] = (secret, now + Lifetime);
            versions[(name, secret.Version)] = secret.Value;
        }

        return secret;
    }

    public async Task<string?> GetVersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        if (versions.TryGetValue((name, version), out var value))
        {
            return value;
        }

        value = await inner.GetVersionAsync(name, version, cancellationToken);
        if (value is not null)
        {
            versions[(name, version)] = value;
        }

        return value;
    }
}

using System.Collections.Concurrent;

namespace PayFunctions.Core.Secrets;

/// <summary>Keeps secrets for a few minutes: Key Vault is throttled and every payment needs the channel keys.</summary>
public sealed class CachingSecretStore(ISecretStore inner, TimeProvider time) : ISecretStore
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (string? Value, DateTimeOffset Expires)> cache = new(StringComparer.Ordinal);

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(name, out var entry) && entry.Expires > now && entry.Value is not null)
        {
            return entry.Value;
        }

        var value = await inner.GetAsync(name, cancellationToken);
        cache[name] = (value, now + Lifetime);
        return value;
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        await inner.SetAsync(name, value, cancellationToken);
        cache.TryRemove(name, out _);
    }
}

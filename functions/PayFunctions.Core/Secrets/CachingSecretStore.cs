using System.Collections.Concurrent;

namespace PayFunctions.Core.Secrets;

/// <summary>Keeps secrets for a few minutes: Key Vault is throttled and every payment needs the channel keys.</summary>
public sealed class CachingSecretStore(ISecretStore inner, TimeProvider time) : ISecretStore
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (string? Value, DateTimeOffset Expires)> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> generations = new(StringComparer.Ordinal);

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(name, out var entry) && entry.Expires > now && entry.Value is not null)
        {
            return entry.Value;
        }

        // A Set that lands while this read is in flight bumps the generation, so the older value
        // read here is not written back over it.
        var generation = generations.GetValueOrDefault(name);
        var value = await inner.GetAsync(name, cancellationToken);
        if (generations.GetValueOrDefault(name) == generation)
        {
            cache[name] = (value, now + Lifetime);
        }

        return value;
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        await inner.SetAsync(name, value, cancellationToken);
        generations.AddOrUpdate(name, 1, (_, g) => g + 1);
        cache.TryRemove(name, out _);
    }
}

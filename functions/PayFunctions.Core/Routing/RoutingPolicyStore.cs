using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Storage;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// Merchants' routing policies. Every payment reads its merchant's, so each is kept for <see cref="CacheLifetime"/>:
/// a change made through another instance takes effect there within that time, one made through this instance at once.
/// </summary>
public sealed partial class RoutingPolicyStore(StorageClients clients, TimeProvider time, ILogger<RoutingPolicyStore> logger)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);

    /// <summary>What a binary table property holds.</summary>
    public const int MaxJsonBytes = 64 * 1024;

    /// <summary>Past this many merchants the cache starts over rather than grow without bound.</summary>
    private const int MaxCachedMerchants = 100_000;

    private readonly ConcurrentDictionary<string, (RoutingPolicy Policy, DateTimeOffset Expires)> cache = new(StringComparer.Ordinal);

    private TableClient Table => clients.Tables.GetTableClient(TableNames.RoutingPolicies);

    /// <summary>The merchant's policy, <see cref="RoutingPolicy.Default"/> when it has set none.</summary>
    public async Task<RoutingPolicy> GetAsync(string merchantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(merchantId);
        var now = time.GetUtcNow();
        if (cache.TryGetValue(merchantId, out var entry) && entry.Expires > now)
        {
            return entry.Policy;
        }

        var row = await Table.GetEntityIfExistsAsync<RoutingPolicyEntity>(merchantId, RoutingPolicyEntity.Row, cancellationToken: cancellationToken);
        var policy = row.HasValue ? Read(merchantId, row.Value!.PolicyJson) : RoutingPolicy.Default;
        if (cache.Count >= MaxCachedMerchants)
        {
            cache.Clear();
        }

        cache[merchantId] = (policy, now + CacheLifetime);
        return policy;
    }

    /// <summary>Replaces the merchant's policy; this instance's next read sees it.</summary>
    public async Task SaveAsync(string merchantId, RoutingPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(merchantId);
        var json = Serialize(policy);
        if (json.Length > MaxJsonBytes)
        {
            throw new ArgumentException($"The policy takes {json.Length} bytes; at most {MaxJsonBytes} are stored.", nameof(policy));
        }

        await Table.UpsertEntityAsync(
            new RoutingPolicyEntity { PartitionKey = merchantId, RowKey = RoutingPolicyEntity.Row, PolicyJson = json, UpdatedAt = time.GetUtcNow() },
            TableUpdateMode.Replace,
            cancellationToken);
        cache.TryRemove(merchantId, out _);
    }

    /// <summary>The canonical JSON of <paramref name="policy"/>: what is stored, and what the API answers.</summary>
    public static byte[] Serialize(RoutingPolicy policy) => JsonSerializer.SerializeToUtf8Bytes(RoutingPolicyBodies.From(policy), ApiJson.Options);

    /// <summary>
    /// A stored policy was valid when it was saved; an account the platform stopped configuring since is left in
    /// (routing eliminates it), but a row that no longer parses routes on the default rather than fail payments.
    /// </summary>
    private RoutingPolicy Read(string merchantId, byte[] json)
    {
        var (body, parseError) = RequestBody.Parse<RoutingPolicyBody>(json);
        var (policy, error) = body is null ? (null, parseError) : RoutingPolicyValidator.Validate(body, _ => true);
        if (policy is not null)
        {
            return policy;
        }

        LogUnreadable(logger, merchantId, error?.Param, error?.Detail);
        return RoutingPolicy.Default;
    }

    [LoggerMessage(EventId = 8403, Level = LogLevel.Error, Message = "The routing policy of merchant {MerchantId} no longer reads ({Param}: {Detail}); routing on the default")]
    private static partial void LogUnreadable(ILogger logger, string merchantId, string? param, string? detail);
}

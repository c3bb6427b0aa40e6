using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Http;

/// <summary>What an <c>Idempotency-Key</c> lookup decided.</summary>
public abstract record IdempotencyDecision
{
    /// <summary>First time (or the first attempt died): go on, using this resource id. <paramref name="Claim"/> is the claimed row's version.</summary>
    public sealed record Proceed(string ResourceId, ETag Claim) : IdempotencyDecision;

    /// <summary>Done before: answer exactly what was answered then.</summary>
    public sealed record Replay(int Status, string Body, string ContentType) : IdempotencyDecision;

    /// <summary>Another request with this key is running now.</summary>
    public sealed record InProgress : IdempotencyDecision;

    /// <summary>The key was used with a different request body.</summary>
    public sealed record Mismatch : IdempotencyDecision;
}

/// <summary>
/// Card-payment APIs' idempotency semantics on one table row per (merchant, key). The row is claimed with an
/// insert, so of twenty concurrent requests exactly one proceeds. A claim whose holder died is taken
/// over after its lock lapses, keeping the same resource id so the retry finishes the same payment.
/// </summary>
public sealed class IdempotencyStore(StorageClients clients, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(60);

    private TableClient Table => clients.Tables.GetTableClient(TableNames.Idempotency);

    public static string HashRequest(string method, string path, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(method + " " + path + "\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public async Task<IdempotencyDecision> BeginAsync(
        string merchantId, string key, string requestHash, Func<string> newResourceId, CancellationToken cancellationToken)
    {
        var rowKey = TableKeys.HashOf(key);
        var now = time.GetUtcNow();
        var claim = new IdempotencyEntity
        {
            PartitionKey = merchantId,
            RowKey = rowKey,
            RequestHash = requestHash,
            ResourceId = newResourceId(),
            LockedUntil = now + LockDuration,
            CreatedAt = now,
        };
        try
        {
            var added = await Table.AddEntityAsync(claim, cancellationToken);
            return new IdempotencyDecision.Proceed(claim.ResourceId, added.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The key exists: decide from what it holds.
        }

        var existing = (await Table.GetEntityAsync<IdempotencyEntity>(merchantId, rowKey, cancellationToken: cancellationToken)).Value;
        if (existing.CreatedAt + Retention < now)
        {
            try
            {
                await Table.DeleteEntityAsync(existing, existing.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Another request retired the expired key first; decide again from what is there now.
            }

            return await BeginAsync(merchantId, key, requestHash, newResourceId, cancellationToken);
        }

        if (!string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal))
        {
            return new IdempotencyDecision.Mismatch();
        }

        if (existing.Completed)
        {
            return new IdempotencyDecision.Replay(existing.ResponseStatus, existing.ResponseBody ?? "", existing.ResponseContentType ?? "application/json");
        }

        if (existing.LockedUntil > now)
        {
            return new IdempotencyDecision.InProgress();
        }

        existing.LockedUntil = now + LockDuration;
        try
        {
            var taken = await Table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return new IdempotencyDecision.Proceed(existing.ResourceId, taken.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return new IdempotencyDecision.InProgress();
        }
    }

    /// <summary>
    /// Stores the answer on the key. The claim's version lets this be one write; if the claim changed meanwhile
    /// (this request outlived its lock and a retry took the key over), the row is read and written again.
    /// </summary>
    public async Task CompleteAsync(
        string merchantId, string key, ETag claim, int status, string body, string contentType, CancellationToken cancellationToken)
    {
        // Only the answer's properties: a merge leaves the claim's (hash, resource id, times) as they are.
        var answer = new TableEntity(merchantId, TableKeys.HashOf(key))
        {
            [nameof(IdempotencyEntity.Completed)] = true,
            [nameof(IdempotencyEntity.ResponseStatus)] = status,
            [nameof(IdempotencyEntity.ResponseBody)] = body,
            [nameof(IdempotencyEntity.ResponseContentType)] = contentType,
        };
        try
        {
            await Table.UpdateEntityAsync(answer, claim, TableUpdateMode.Merge, cancellationToken);
            return;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Taken over meanwhile; the answer is still this request's to store.
        }

        var existing = (await Table.GetEntityAsync<IdempotencyEntity>(merchantId, TableKeys.HashOf(key), cancellationToken: cancellationToken)).Value;
        existing.Completed = true;
        existing.ResponseStatus = status;
        existing.ResponseBody = body;
        existing.ResponseContentType = contentType;
        await Table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Releases a claim whose request ended in an error that must not be replayed (a 5xx).</summary>
    public async Task AbandonAsync(string merchantId, string key, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<IdempotencyEntity>(merchantId, TableKeys.HashOf(key), cancellationToken: cancellationToken);
        if (existing.HasValue && !existing.Value!.Completed)
        {
            existing.Value.LockedUntil = time.GetUtcNow();
            await Table.UpdateEntityAsync(existing.Value, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
        }
    }
}

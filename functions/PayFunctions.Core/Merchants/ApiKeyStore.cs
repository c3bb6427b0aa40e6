using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Security;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Merchants;

/// <summary>An accepted key and the merchant it belongs to.</summary>
public sealed record KeyHolder(MerchantEntity Merchant, ApiKeyEntity Key);

/// <summary>A key just made: the key and its request-signing secret, each shown once.</summary>
public sealed record IssuedKey(ApiKeyEntity Key, string Secret, string SigningSecret);

/// <summary>What rolling a key came to.</summary>
public abstract record RollOutcome
{
    public sealed record Rolled(IssuedKey Issued) : RollOutcome;

    public sealed record NotFound : RollOutcome;

    /// <summary>Only an active key can be rolled; this one is expiring, expired or revoked.</summary>
    public sealed record NotRollable(ApiKeyEntity Key) : RollOutcome;
}

/// <summary>What revoking a key came to.</summary>
public abstract record RevokeOutcome
{
    public sealed record Revoked(ApiKeyEntity Key) : RevokeOutcome;

    public sealed record NotFound : RevokeOutcome;

    /// <summary>Revoking it would leave the merchant without a usable key, and so without a way back in.</summary>
    public sealed record LastUsable(ApiKeyEntity Key) : RevokeOutcome;
}

/// <summary>
/// A merchant's API keys. A key is accepted while its row holds the key's hash and the key is
/// neither revoked nor past its expiry. An accepted key's rows are kept in memory for
/// <see cref="AcceptedFor"/>, so a merchant's requests do not read three rows each: expiry still takes
/// effect at once, and issuing, rolling or revoking at once on the instance that did it, within
/// <see cref="AcceptedFor"/> on the others. Issuing under a chosen key id replaces what an earlier
/// attempt issued under it, so a retried create never leaves a second valid key behind.
/// </summary>
public sealed class ApiKeyStore(StorageClients clients, ISecretStore secrets, SecretEnvelope envelope, TimeProvider time)
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string LiveSecretPrefix = "sk_live_";
    private const string TestSecretPrefix = "sk_test_";
    private const int ShownPrefixLength = 12;
    private const int MaxConcurrencyRetries = 8;

    // Row keys of key rows run from "key_" up to, not including, "key`" ('`' follows '_').
    private const string KeyRowsEnd = "key`";

    /// <summary>How long an instance goes on accepting a key it checked, without reading its rows again.</summary>
    public static readonly TimeSpan AcceptedFor = TimeSpan.FromSeconds(10);

    // Only keys that were accepted are kept, so a caller trying random keys cannot grow it; the cap bounds the rest.
    private const int MaxAccepted = 10_000;

    private readonly ConcurrentDictionary<string, AcceptedKey> accepted = new(StringComparer.Ordinal);

    // Moves on at every change of a key here, so rows read before the change are not kept after it.
    private long generation;

    private TableClient Merchants => clients.Tables.GetTableClient(TableNames.Merchants);

    private TableClient Index => clients.Tables.GetTableClient(TableNames.ApiKeys);

    public string NewKeyId() => NewestFirstIds.New(ApiKeyEntity.IdPrefix, time);

    public static bool IsKeyId(string? id) => NewestFirstIds.IsWellFormed(id, ApiKeyEntity.IdPrefix);

    /// <summary>The merchant and key a presented key belongs to, while the key is accepted.</summary>
    public async Task<KeyHolder?> AuthenticateAsync(string apiKey, CancellationToken cancellationToken)
    {
        var hash = await HashAsync(apiKey, cancellationToken);
        if (Kept(hash) is { } known)
        {
            return known;
        }

        var readAt = Interlocked.Read(ref generation);
        var index = await Index.GetEntityIfExistsAsync<ApiKeyIndexEntity>(hash, ApiKeyIndexEntity.Row, cancellationToken: cancellationToken);
        return index.HasValue ? await ReadAcceptedAsync(hash, index.Value!.MerchantId, index.Value.KeyId, hash, readAt, cancellationToken) : null;
    }

    /// <summary>
    /// The merchant and key a token was issued from, while the key is still accepted: revoking a key
    /// ends its tokens too, within <see cref="AcceptedFor"/> on other instances.
    /// </summary>
    public async Task<KeyHolder?> AcceptedAsync(string merchantId, string keyId, CancellationToken cancellationToken)
    {
        var kept = "id:" + merchantId + "/" + keyId;
        if (Kept(kept) is { } known)
        {
            return known;
        }

        var readAt = Interlocked.Read(ref generation);
        return await ReadAcceptedAsync(kept, merchantId, keyId, expectedHash: null, readAt, cancellationToken);
    }

    private KeyHolder? Kept(string keptAs)
    {
        var now = time.GetUtcNow();
        if (accepted.TryGetValue(keptAs, out var known) && known.Until > now && known.Holder.Key.IsUsableAt(now))
        {
            return known.Holder;
        }

        accepted.TryRemove(keptAs, out _);
        return null;
    }

    private async Task<KeyHolder?> ReadAcceptedAsync(
        string keptAs, string merchantId, string keyId, string? expectedHash, long readAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var keyRead = Merchants.GetEntityIfExistsAsync<ApiKeyEntity>(merchantId, keyId, cancellationToken: cancellationToken);
        var merchantRead = Merchants.GetEntityIfExistsAsync<MerchantEntity>(merchantId, MerchantEntity.Row, cancellationToken: cancellationToken);
        var (key, merchant) = (await keyRead, await merchantRead);
        if (!key.HasValue || !merchant.HasValue || (expectedHash is not null && key.Value!.Hash != expectedHash) || !key.Value!.IsUsableAt(now))
        {
            return null;
        }

        if (accepted.Count >= MaxAccepted)
        {
            accepted.Clear();
        }

        var holder = new KeyHolder(merchant.Value!, key.Value);
        if (Interlocked.Read(ref generation) == readAt)
        {
            accepted[keptAs] = new AcceptedKey(holder, now + AcceptedFor);
        }

        return holder;
    }

    /// <summary>The merchant and key id a presented key was issued as, whether or not it is still accepted.</summary>
    public async Task<ApiKeyIndexEntity?> FindAsync(string apiKey, CancellationToken cancellationToken)
    {
        var index = await Index.GetEntityIfExistsAsync<ApiKeyIndexEntity>(await HashAsync(apiKey, cancellationToken), ApiKeyIndexEntity.Row, cancellationToken: cancellationToken);
        return index.HasValue ? index.Value : null;
    }

    public async Task<ApiKeyEntity?> GetAsync(string merchantId, string keyId, CancellationToken cancellationToken)
    {
        var key = await Merchants.GetEntityIfExistsAsync<ApiKeyEntity>(merchantId, keyId, cancellationToken: cancellationToken);
        return key.HasValue ? key.Value : null;
    }

    /// <summary>Newest first; ids sort that way.</summary>
    public Task<(IReadOnlyList<ApiKeyEntity> Page, bool HasMore)> ListAsync(
        string merchantId, int limit, string? startingAfter, CancellationToken cancellationToken) =>
        TablePages.TakeAsync(Query(merchantId, startingAfter, limit + 1, cancellationToken), limit);

    /// <summary>
    /// A new key under <paramref name="keyId"/>, shown only in the returned secret. A key an earlier
    /// attempt issued under the same id stops being accepted.
    /// </summary>
    public async Task<IssuedKey> IssueAsync(
        MerchantEntity merchant, string keyId, string? name, string? scopes, bool signatureRequired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        try
        {
            return await IssueUnforgottenAsync(merchant, keyId, name, scopes, signatureRequired, cancellationToken);
        }
        finally
        {
            ForgetAccepted();
        }
    }

    private async Task<IssuedKey> IssueUnforgottenAsync(
        MerchantEntity merchant, string keyId, string? name, string? scopes, bool signatureRequired, CancellationToken cancellationToken)
    {
        var merchantId = merchant.Id;
        var secret = NewSecret(merchant.TestMode);
        var signingSecret = RequestSignature.NewSecret();
        var key = await PrepareAsync(merchantId, keyId, name, secret, cancellationToken);
        key.Scopes = scopes;
        key.SignatureRequired = signatureRequired;
        key.SigningSecretSealed = await envelope.SealAsync(signingSecret, ApiKeyEntity.SigningSecretContext(merchantId, keyId), cancellationToken);
        var existing = await GetAsync(merchantId, keyId, cancellationToken);
        if (existing is null)
        {
            await Merchants.AddEntityAsync(key, cancellationToken);
        }
        else
        {
            await Merchants.UpdateEntityAsync(key, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            await RetireIndexAsync(existing, key, cancellationToken);
        }

        return new IssuedKey(key, secret, signingSecret);
    }

    /// <summary>
    /// Issues the new key first and only then sets the old one to expire, so a failure between the
    /// two leaves the old key working and the caller able to retry with it.
    /// </summary>
    public async Task<RollOutcome> RollAsync(MerchantEntity merchant, string keyId, string newKeyId, TimeSpan grace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        try
        {
            return await RollUnforgottenAsync(merchant, keyId, newKeyId, grace, cancellationToken);
        }
        finally
        {
            ForgetAccepted();
        }
    }

    private async Task<RollOutcome> RollUnforgottenAsync(MerchantEntity merchant, string keyId, string newKeyId, TimeSpan grace, CancellationToken cancellationToken)
    {
        var merchantId = merchant.Id;
        var old = await GetAsync(merchantId, keyId, cancellationToken);
        if (old is null)
        {
            return new RollOutcome.NotFound();
        }

        var now = time.GetUtcNow();
        var retry = old.RolledInto == newKeyId;
        if (!retry && old.StatusAt(now) != ApiKeyStatus.Active)
        {
            return new RollOutcome.NotRollable(old);
        }

        var issued = await IssueAsync(merchant, newKeyId, old.Name, old.Scopes, old.SignatureRequired, cancellationToken);
        if (!retry)
        {
            old.ExpiresAt = now + grace;
            old.RolledInto = newKeyId;
            try
            {
                await Merchants.UpdateEntityAsync(old, old.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another roll or a revoke of this key landed first: withdraw the key made here.
                await Merchants.DeleteEntityAsync(issued.Key, ETag.All, cancellationToken);
                await DeleteIndexAsync(issued.Key.Hash, cancellationToken);
                var current = await GetAsync(merchantId, keyId, cancellationToken);
                return current is null ? new RollOutcome.NotFound() : new RollOutcome.NotRollable(current);
            }
        }

        return new RollOutcome.Rolled(issued);
    }

    public async Task<RevokeOutcome> RevokeAsync(string merchantId, string keyId, CancellationToken cancellationToken)
    {
        try
        {
            return await RevokeUnforgottenAsync(merchantId, keyId, cancellationToken);
        }
        finally
        {
            ForgetAccepted();
        }
    }

    private async Task<RevokeOutcome> RevokeUnforgottenAsync(string merchantId, string keyId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var key = await GetAsync(merchantId, keyId, cancellationToken);
            if (key is null)
            {
                return new RevokeOutcome.NotFound();
            }

            if (key.RevokedAt is not null)
            {
                return new RevokeOutcome.Revoked(key);
            }

            // Only a key that manages keys is a way back in, so only the last of those is kept.
            var now = time.GetUtcNow();
            if (key.GrantedScopes.Contains(ApiScopes.ApiKeys) && !await AnotherKeyManagerAsync(merchantId, keyId, now, cancellationToken))
            {
                return new RevokeOutcome.LastUsable(key);
            }

            key.RevokedAt = now;
            try
            {
                await Merchants.UpdateEntityAsync(key, key.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxConcurrencyRetries)
            {
                continue;
            }

            // The row already refuses the key; the index entry is only tidied away.
            await DeleteIndexAsync(key.Hash, cancellationToken);
            return new RevokeOutcome.Revoked(key);
        }
    }

    private async Task<bool> AnotherKeyManagerAsync(string merchantId, string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await foreach (var other in Query(merchantId, startingAfter: null, pageSize: 100, cancellationToken))
        {
            if (other.Id != keyId && other.IsUsableAt(now) && other.GrantedScopes.Contains(ApiScopes.ApiKeys))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Writes the index entry of <paramref name="apiKey"/> and returns the key's row, unsaved: until
    /// that row is written with this hash, the entry lets nothing in.
    /// </summary>
    public async Task<ApiKeyEntity> PrepareAsync(string merchantId, string keyId, string? name, string apiKey, CancellationToken cancellationToken)
    {
        var hash = await HashAsync(apiKey, cancellationToken);
        await Index.UpsertEntityAsync(
            new ApiKeyIndexEntity { PartitionKey = hash, MerchantId = merchantId, KeyId = keyId }, TableUpdateMode.Replace, cancellationToken);
        return new ApiKeyEntity
        {
            PartitionKey = merchantId,
            RowKey = keyId,
            Name = name,
            Prefix = apiKey[..Math.Min(ShownPrefixLength, apiKey.Length)],
            Hash = hash,
            CreatedAt = time.GetUtcNow(),
        };
    }

    /// <summary>After <paramref name="replacement"/> took the place of <paramref name="replaced"/>, the old index entry goes.</summary>
    public async Task RetireIndexAsync(ApiKeyEntity replaced, ApiKeyEntity replacement, CancellationToken cancellationToken)
    {
        ForgetAccepted();
        if (replaced.Hash != replacement.Hash)
        {
            await DeleteIndexAsync(replaced.Hash, cancellationToken);
        }
    }

    /// <summary>The key's request-signing secret, or null when it has none.</summary>
    public async Task<string?> SigningSecretAsync(ApiKeyEntity key, CancellationToken cancellationToken) =>
        key.SigningSecretSealed is { } sealedText
            ? await envelope.OpenAsync(sealedText, ApiKeyEntity.SigningSecretContext(key.MerchantId, key.Id), cancellationToken)
            : null;

    /// <summary>A new key of the mode it is for: <c>sk_test_</c> keys reach the test-mode merchant, <c>sk_live_</c> the live one.</summary>
    public static string NewSecret(bool testMode) => (testMode ? TestSecretPrefix : LiveSecretPrefix) + RandomNumberGenerator.GetString(Alphabet, 32);

    /// <summary>Whether a key, by its prefix, is a test-mode key; a seeded merchant's mode follows the key it is seeded with.</summary>
    public static bool IsTestKey(string apiKey) => apiKey is not null && apiKey.StartsWith(TestSecretPrefix, StringComparison.Ordinal);

    private async Task DeleteIndexAsync(string hash, CancellationToken cancellationToken)
    {
        try
        {
            await Index.DeleteEntityAsync(hash, ApiKeyIndexEntity.Row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }

    private AsyncPageable<ApiKeyEntity> Query(string merchantId, string? startingAfter, int pageSize, CancellationToken cancellationToken) =>
        Merchants.QueryAsync<ApiKeyEntity>(
            startingAfter is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey ge {ApiKeyEntity.IdPrefix} and RowKey lt {KeyRowsEnd}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey gt {startingAfter} and RowKey lt {KeyRowsEnd}"),
            maxPerPage: pageSize,
            cancellationToken: cancellationToken);

    private Task<string> HashAsync(string apiKey, CancellationToken cancellationToken) => ApiKeyHasher.HashAsync(secrets, apiKey, cancellationToken);

    private void ForgetAccepted()
    {
        Interlocked.Increment(ref generation);
        accepted.Clear();
    }

    private sealed record AcceptedKey(KeyHolder Holder, DateTimeOffset Until);
}

using System.Collections.Concurrent;
using Azure.Data.Tables;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Merchants;

/// <summary>
/// Merchants' profiles. The webhook sender's reads are kept in the instance's memory for <see cref="KeptFor"/>, so a
/// merchant's events do not read its row each: onboarding (the only write of a profile) clears what the instance
/// keeps at once, and reaches the other instances of a scaled-out app within <see cref="KeptFor"/>.
/// </summary>
public sealed class MerchantStore(StorageClients clients, ApiKeyStore apiKeys, SecretEnvelope envelope, TimeProvider time)
{
    /// <summary>How long an instance goes on delivering a merchant's events with a profile it read, without reading it again.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(10);

    // Merchants whose events this instance delivered lately; the cap bounds the rest.
    private const int MaxKept = 10_000;

    private readonly ConcurrentDictionary<string, KeptMerchant> kept = new(StringComparer.Ordinal);

    // Moves on at every onboarding here, so a row read before it is not kept after it.
    private long generation;

    private TableClient Merchants => clients.Tables.GetTableClient(TableNames.Merchants);

    public async Task<MerchantEntity?> GetAsync(string merchantId, CancellationToken cancellationToken)
    {
        var response = await Merchants.GetEntityIfExistsAsync<MerchantEntity>(merchantId, MerchantEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// The profile as read at most <see cref="KeptFor"/> ago, for webhook deliveries: a changed webhook address or
    /// secret takes effect within that time. The row returned is shared; callers only read it.
    /// </summary>
    public async Task<MerchantEntity?> GetKeptAsync(string merchantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (kept.TryGetValue(merchantId, out var known) && known.Until > now)
        {
            return known.Merchant;
        }

        var readAt = Interlocked.Read(ref generation);
        var merchant = await GetAsync(merchantId, cancellationToken);
        if (merchant is null)
        {
            kept.TryRemove(merchantId, out _);
            return null;
        }

        if (kept.Count >= MaxKept)
        {
            kept.Clear();
        }

        if (Interlocked.Read(ref generation) == readAt)
        {
            kept[merchantId] = new KeptMerchant(merchant, now + KeptFor);
        }

        return merchant;
    }

    /// <summary>
    /// Writes the merchant and its first API key in one table transaction, so there is never a
    /// merchant without its key or a key without its merchant. Secrets are sealed or hashed before
    /// anything is written; the only earlier write is the key's index entry, which admits nothing
    /// until the transaction lands. Run again with the same ids (a retried onboarding), it replaces
    /// both, and the key of the earlier attempt, never shown to anyone, stops being accepted.
    /// </summary>
    public async Task OnboardAsync(MerchantEntity merchant, string keyId, string apiKey, string webhookSecret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        try
        {
            await OnboardUnforgottenAsync(merchant, keyId, apiKey, webhookSecret, cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref generation);
            kept.TryRemove(merchant.Id, out _);
        }
    }

    private async Task OnboardUnforgottenAsync(MerchantEntity merchant, string keyId, string apiKey, string webhookSecret, CancellationToken cancellationToken)
    {
        merchant.WebhookSecretSealed = await envelope.SealAsync(webhookSecret, MerchantEntity.WebhookSecretContext(merchant.Id), cancellationToken);
        var key = await apiKeys.PrepareAsync(merchant.Id, keyId, name: null, apiKey, cancellationToken);
        var existingMerchant = await GetAsync(merchant.Id, cancellationToken);
        var existingKey = await apiKeys.GetAsync(merchant.Id, keyId, cancellationToken);
        await Merchants.SubmitTransactionAsync(
            [
                existingMerchant is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, merchant)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, merchant, existingMerchant.ETag),
                existingKey is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, key)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, key, existingKey.ETag),
            ],
            cancellationToken);
        if (existingKey is not null)
        {
            await apiKeys.RetireIndexAsync(existingKey, key, cancellationToken);
        }
    }

    /// <summary>
    /// A merchant with fixed credentials (a development machine's demo merchant, test fixtures):
    /// onboarded again on every call, keeping the key id the key already has. An index entry
    /// written before keys had ids names none, and the key gets a new one. The merchant is of the
    /// key's mode: a seeded <c>sk_test_</c> key makes a test-mode merchant, with no live twin.
    /// </summary>
    public async Task SeedAsync(MerchantEntity merchant, string apiKey, string webhookSecret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        merchant.TestMode = ApiKeyStore.IsTestKey(apiKey);
        var known = await apiKeys.FindAsync(apiKey, cancellationToken);
        var keyId = known is not null && known.MerchantId == merchant.Id && ApiKeyStore.IsKeyId(known.KeyId) ? known.KeyId : apiKeys.NewKeyId();
        await OnboardAsync(merchant, keyId, apiKey, webhookSecret, cancellationToken);
    }

    public Task<string> WebhookSecretAsync(MerchantEntity merchant, CancellationToken cancellationToken) =>
        envelope.OpenAsync(merchant.WebhookSecretSealed, MerchantEntity.WebhookSecretContext(merchant.Id), cancellationToken);

    private sealed record KeptMerchant(MerchantEntity Merchant, DateTimeOffset Until);
}

using Azure.Data.Tables;
using PayFunctions.Core.Api;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Merchants;

public sealed class MerchantStore(StorageClients clients, ISecretStore secrets)
{
    private TableClient Merchants => clients.Tables.GetTableClient(TableNames.Merchants);

    private TableClient ApiKeys => clients.Tables.GetTableClient(TableNames.ApiKeys);

    public async Task<MerchantEntity?> GetAsync(string merchantId, CancellationToken cancellationToken)
    {
        var response = await Merchants.GetEntityIfExistsAsync<MerchantEntity>(MerchantEntity.Partition, merchantId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task<MerchantEntity?> AuthenticateAsync(string apiKey, CancellationToken cancellationToken)
    {
        var hash = ApiKeyHasher.Hash(apiKey, await PepperAsync(cancellationToken));
        var key = await ApiKeys.GetEntityIfExistsAsync<ApiKeyEntity>(hash, ApiKeyEntity.Row, cancellationToken: cancellationToken);
        return key.HasValue ? await GetAsync(key.Value!.MerchantId, cancellationToken) : null;
    }

    public async Task UpsertAsync(MerchantEntity merchant, string apiKey, string webhookSecret, CancellationToken cancellationToken)
    {
        await Merchants.UpsertEntityAsync(merchant, TableUpdateMode.Replace, cancellationToken);
        var hash = ApiKeyHasher.Hash(apiKey, await PepperAsync(cancellationToken));
        await ApiKeys.UpsertEntityAsync(
            new ApiKeyEntity { PartitionKey = hash, MerchantId = merchant.Id, Prefix = apiKey[..Math.Min(12, apiKey.Length)] },
            TableUpdateMode.Replace,
            cancellationToken);
        await secrets.SetAsync(MerchantEntity.WebhookSecretName(merchant.Id), webhookSecret, cancellationToken);
    }

    private async Task<string> PepperAsync(CancellationToken cancellationToken) =>
        await secrets.GetAsync(ApiKeyHasher.PepperSecretName, cancellationToken)
        ?? throw new InvalidOperationException($"Secret '{ApiKeyHasher.PepperSecretName}' is not configured.");
}

using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Stores;

/// <summary>Stores and the index from their codes.</summary>
public sealed class StoreStore(StorageClients clients, TimeProvider time)
{
    /// <summary>Characters of a code: 128 random bits in base64url.</summary>
    public const int CodeLength = 22;

    private TableClient Stores => clients.Tables.GetTableClient(TableNames.Stores);

    private TableClient Codes => clients.Tables.GetTableClient(TableNames.StoreCodes);

    public string NewId() => NewestFirstIds.New(StoreEntity.IdPrefix, time);

    public static bool IsStoreId(string? id) => NewestFirstIds.IsWellFormed(id, StoreEntity.IdPrefix);

    public static string NewCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Checked before any lookup, so junk never reaches a table key.</summary>
    public static bool IsCode(string? code) =>
        code is { Length: CodeLength } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// The code's index row first, then the store; a retry that finds its own earlier store gets that
    /// row back, and the retry's unused code points at a store that does not carry it, so it finds nothing.
    /// </summary>
    public async Task<StoreEntity> CreateAsync(StoreEntity store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await Codes.AddEntityAsync(new StoreCodeEntity { PartitionKey = store.Code, RowKey = "", MerchantId = store.MerchantId, StoreId = store.Id }, cancellationToken);
        try
        {
            await Stores.AddEntityAsync(store, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The same store id was inserted by an earlier attempt of this request.
        }

        return await GetAsync(store.MerchantId, store.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Store {store.Id} vanished after insert.");
    }

    public async Task<StoreEntity?> GetAsync(string merchantId, string storeId, CancellationToken cancellationToken)
    {
        var response = await Stores.GetEntityIfExistsAsync<StoreEntity>(merchantId, storeId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task<StoreEntity?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var index = await Codes.GetEntityIfExistsAsync<StoreCodeEntity>(code, "", cancellationToken: cancellationToken);
        if (!index.HasValue)
        {
            return null;
        }

        var store = await GetAsync(index.Value!.MerchantId, index.Value.StoreId, cancellationToken);
        return store is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(store.Code), System.Text.Encoding.ASCII.GetBytes(code)) ? store : null;
    }

    /// <summary>Newest first: ids are built so that ascending row keys run from newest to oldest.</summary>
    public async Task<(IReadOnlyList<StoreEntity> Page, bool HasMore)> ListAsync(
        string merchantId, int limit, string? startingAfter, CancellationToken cancellationToken)
    {
        var filter = startingAfter is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {merchantId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey gt {startingAfter}");
        return await TablePages.TakeAsync(Stores.QueryAsync<StoreEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken), limit);
    }
}

using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Accounts;

public sealed class AccountStore(StorageClients clients, SecretEnvelope envelope, TimeProvider time)
{
    private const int MaxConcurrencyRetries = 8;

    private TableClient Table => clients.Tables.GetTableClient(TableNames.Accounts);

    public string NewId() => NewestFirstIds.New(AccountEntity.IdPrefix, time);

    public static bool IsAccountId(string? id) => NewestFirstIds.IsWellFormed(id, AccountEntity.IdPrefix);

    /// <summary>Seals the payout details into the row and inserts it; a retry that finds its own earlier insert gets that row back.</summary>
    public async Task<AccountEntity> CreateAsync(AccountEntity account, string payoutDetailsJson, CancellationToken cancellationToken)
    {
        account.PayoutSealed = await envelope.SealAsync(payoutDetailsJson, AccountEntity.PayoutContext(account.MerchantId, account.Id), cancellationToken);
        try
        {
            await Table.AddEntityAsync(account, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The same account id was inserted by an earlier attempt of this request.
        }

        return await GetAsync(account.MerchantId, account.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Account {account.Id} vanished after insert.");
    }

    public async Task<AccountEntity?> GetAsync(string merchantId, string accountId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<AccountEntity>(merchantId, accountId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Newest first: ids are built so that ascending row keys run from newest to oldest.</summary>
    public async Task<(IReadOnlyList<AccountEntity> Page, bool HasMore)> ListAsync(
        string merchantId, int limit, string? startingAfter, CancellationToken cancellationToken)
    {
        var filter = startingAfter is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {merchantId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey gt {startingAfter}");
        return await TablePages.TakeAsync(Table.QueryAsync<AccountEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken), limit);
    }

    /// <summary>Stops the account from being named in new splits; what it is already owed is still settled to it.</summary>
    public async Task<AccountEntity?> DeactivateAsync(string merchantId, string accountId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var account = await GetAsync(merchantId, accountId, cancellationToken);
            if (account is null || !account.IsActive)
            {
                return account;
            }

            account.DeactivatedAt = time.GetUtcNow();
            try
            {
                await Table.UpdateEntityAsync(account, account.ETag, TableUpdateMode.Replace, cancellationToken);
                return account;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxConcurrencyRetries)
            {
                // Changed meanwhile; read it again and re-decide.
            }
        }
    }
}

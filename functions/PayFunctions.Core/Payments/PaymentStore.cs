using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Payments;

public sealed class PaymentStore(StorageClients clients)
{
    private const int MaxConcurrencyRetries = 8;

    private TableClient Table => clients.Tables.GetTableClient(TableNames.Payments);

    /// <summary>Inserts the payment; a retry that finds its own earlier insert gets that row back.</summary>
    public async Task<PaymentEntity> CreateAsync(PaymentEntity payment, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(payment, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The same payment id was inserted by an earlier attempt of this request.
        }

        return await GetAsync(payment.MerchantId, payment.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Payment {payment.Id} vanished after insert.");
    }

    public async Task<PaymentEntity?> GetAsync(string merchantId, string paymentId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<PaymentEntity>(merchantId, paymentId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Newest first: ids are built so that ascending row keys run from newest to oldest.</summary>
    public async Task<(IReadOnlyList<PaymentEntity> Page, bool HasMore)> ListAsync(
        string merchantId, int limit, string? startingAfter, CancellationToken cancellationToken)
    {
        var filter = startingAfter is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {merchantId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey gt {startingAfter}");
        var page = new List<PaymentEntity>(limit + 1);
        await foreach (var entity in Table.QueryAsync<PaymentEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken))
        {
            page.Add(entity);
            if (page.Count > limit)
            {
                break;
            }
        }

        var hasMore = page.Count > limit;
        return (hasMore ? page[..limit] : page, hasMore);
    }

    /// <summary>
    /// Read-modify-write under the row's ETag. <paramref name="mutate"/> returns false when the row
    /// already holds the wanted state, which makes every caller idempotent under at-least-once delivery.
    /// </summary>
    public async Task<PaymentEntity> UpdateAsync(
        string merchantId, string paymentId, Func<PaymentEntity, bool> mutate, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(merchantId, paymentId, cancellationToken)
                ?? throw new InvalidOperationException($"Payment {paymentId} does not exist.");
            if (!mutate(current))
            {
                return current;
            }

            try
            {
                await Table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, cancellationToken);
                return current;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxConcurrencyRetries)
            {
                // Someone else changed the row first; read it again and re-decide.
            }
        }
    }
}

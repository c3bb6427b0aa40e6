using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>What writing a new payment came to.</summary>
public abstract record PaymentInsert
{
    /// <summary>Written now, with its <c>merchant_order_id</c> reservation.</summary>
    public sealed record Inserted(PaymentEntity Payment) : PaymentInsert;

    /// <summary>An earlier attempt of the same create wrote it; this is the stored row.</summary>
    public sealed record Existing(PaymentEntity Payment) : PaymentInsert;

    /// <summary>Another payment holds the <c>merchant_order_id</c>.</summary>
    public sealed record OrderIdTaken(string HolderId) : PaymentInsert;
}

/// <summary>
/// A merchant's payments, one partition per merchant. Next to each payment, in the same partition, a row
/// reserves its <c>merchant_order_id</c> so that an order id maps to at most one payment: both are written in
/// one entity-group transaction, so neither exists without the other.
/// </summary>
public sealed class PaymentStore(StorageClients clients)
{
    private const int MaxConcurrencyRetries = 8;

    // Payment ids run from "pay_" up to, not including, "pay`" ('`' follows '_'); reservations sort before them.
    private const string PaymentRowsEnd = "pay`";
    private const string OrderRowPrefix = "order_";

    private TableClient Table => clients.Tables.GetTableClient(TableNames.Payments);

    /// <summary>
    /// Writes the payment and its order-id reservation in one transaction, or tells why not: a retry of the
    /// same create finds its own row, a new payment with a taken order id finds the holder.
    /// </summary>
    public async Task<PaymentInsert> CreateAsync(PaymentEntity payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var reservation = new TableEntity(payment.MerchantId, OrderRow(payment.MerchantOrderId)) { ["PaymentId"] = payment.Id };
        try
        {
            await Table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, reservation), new TableTransactionAction(TableTransactionActionType.Add, payment)],
                cancellationToken);
            return new PaymentInsert.Inserted(payment);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // The payment (written by an earlier attempt) or the reservation (by any payment) exists.
        }

        if (await GetAsync(payment.MerchantId, payment.Id, cancellationToken) is { } existing)
        {
            return new PaymentInsert.Existing(existing);
        }

        return await OrderHolderAsync(payment.MerchantId, payment.MerchantOrderId, cancellationToken) is { } holder
            ? new PaymentInsert.OrderIdTaken(holder)
            : throw new InvalidOperationException($"Payment {payment.Id} was refused as a duplicate, yet neither it nor its order id's holder exists.");
    }

    /// <summary>The payment that holds the merchant's order id, if one does.</summary>
    public async Task<string?> OrderHolderAsync(string merchantId, string merchantOrderId, CancellationToken cancellationToken)
    {
        var reservation = await Table.GetEntityIfExistsAsync<TableEntity>(merchantId, OrderRow(merchantOrderId), cancellationToken: cancellationToken);
        return reservation.HasValue ? reservation.Value!.GetString("PaymentId") : null;
    }

    public async Task<PaymentEntity?> GetAsync(string merchantId, string paymentId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<PaymentEntity>(merchantId, paymentId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Newest first: ids are built so that ascending row keys run from newest to oldest. An order id names one
    /// payment through its reservation row; the other conditions are the table's to apply within the partition.
    /// </summary>
    public async Task<(IReadOnlyList<PaymentEntity> Page, bool HasMore)> ListAsync(
        string merchantId, int limit, string? startingAfter, PaymentListFilter narrowing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(narrowing);
        if (narrowing.MerchantOrderId is { } orderId)
        {
            var holder = await OrderHolderAsync(merchantId, orderId, cancellationToken);
            var held = holder is null || (startingAfter is not null && string.CompareOrdinal(holder, startingAfter) <= 0)
                ? null
                : await GetAsync(merchantId, holder, cancellationToken);
            return (held is not null && narrowing.Matches(held) ? [held] : [], false);
        }

        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {merchantId} and RowKey gt {startingAfter ?? PaymentIds.Prefix} and RowKey lt {PaymentRowsEnd}");
        if (narrowing.TableConditions() is { Length: > 0 } conditions)
        {
            filter += " and " + conditions;
        }

        return await TablePages.TakeAsync(Table.QueryAsync<PaymentEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken), limit);
    }

    private static string OrderRow(string merchantOrderId) => OrderRowPrefix + TableKeys.HashOf(merchantOrderId);

    /// <summary>
    /// Read-modify-write under the row's ETag. <paramref name="mutate"/> returns false when the row
    /// already holds the wanted state, which makes every caller idempotent under at-least-once delivery.
    /// </summary>
    public async Task<PaymentEntity> UpdateAsync(
        string merchantId, string paymentId, Func<PaymentEntity, bool> mutate, CancellationToken cancellationToken) =>
        await UpdateAsync(
            await GetAsync(merchantId, paymentId, cancellationToken) ?? throw new InvalidOperationException($"Payment {paymentId} does not exist."),
            mutate,
            cancellationToken);

    /// <summary>
    /// As the other overload, from a row the caller has just read: it is written under that row's ETag, and read
    /// again only when someone else changed it first. The row returned carries the ETag it was stored with.
    /// </summary>
    public async Task<PaymentEntity> UpdateAsync(PaymentEntity read, Func<PaymentEntity, bool> mutate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(mutate);
        var current = read;
        for (var attempt = 0; ; attempt++)
        {
            if (!mutate(current))
            {
                return current;
            }

            try
            {
                var response = await Table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, cancellationToken);
                current.ETag = response.Headers.ETag ?? current.ETag;
                return current;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxConcurrencyRetries)
            {
                // Someone else changed the row first; read it again and re-decide.
                current = await GetAsync(current.MerchantId, current.Id, cancellationToken)
                    ?? throw new InvalidOperationException($"Payment {current.Id} does not exist.");
            }
        }
    }
}

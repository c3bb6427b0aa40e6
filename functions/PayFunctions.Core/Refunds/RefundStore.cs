using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Refunds;

/// <summary>
/// Refund rows. Each write replaces the row under its id and its copy under the payment in one
/// partition transaction, so the two never disagree. Only the refund's own orchestration writes
/// after the create, one step at a time, so no ETag is needed.
/// </summary>
public sealed class RefundStore(StorageClients clients)
{
    private const string PaymentRowPrefix = "p_";

    private TableClient Table => clients.Tables.GetTableClient(TableNames.Refunds);

    /// <summary>The copy's row key: the payment's refunds share a prefix and sort newest first, as refund ids do.</summary>
    public static string PaymentRowKey(string paymentId, string refundId) => PaymentRowPrefix + paymentId + "_" + refundId;

    /// <summary>Inserts the refund unless an earlier attempt already did, and answers the stored row.</summary>
    public async Task<RefundEntity> CreateAsync(RefundEntity refund, CancellationToken cancellationToken)
    {
        if (await GetAsync(refund.MerchantId, refund.RefundId, cancellationToken) is { } existing)
        {
            return existing;
        }

        try
        {
            await Table.SubmitTransactionAsync(Rows(refund, TableTransactionActionType.Add), cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // A concurrent attempt of the same create inserted it first.
        }

        return await GetAsync(refund.MerchantId, refund.RefundId, cancellationToken)
            ?? throw new InvalidOperationException($"Refund {refund.RefundId} vanished after insert.");
    }

    public async Task<RefundEntity?> GetAsync(string merchantId, string refundId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<RefundEntity>(merchantId, refundId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Applies <paramref name="mutate"/> (false: nothing to change) to both rows of the refund.</summary>
    public async Task<RefundEntity> UpdateAsync(string merchantId, string refundId, Func<RefundEntity, bool> mutate, CancellationToken cancellationToken)
    {
        var refund = await GetAsync(merchantId, refundId, cancellationToken)
            ?? throw new InvalidOperationException($"Refund {refundId} does not exist.");
        if (mutate(refund))
        {
            await Table.SubmitTransactionAsync(Rows(refund, TableTransactionActionType.UpsertReplace), cancellationToken);
        }

        return refund;
    }

    /// <summary>A payment's refunds, newest first.</summary>
    public async Task<(IReadOnlyList<RefundEntity> Page, bool HasMore)> ListAsync(
        string merchantId, string paymentId, int limit, string? startingAfter, CancellationToken cancellationToken)
    {
        var prefix = PaymentRowKey(paymentId, "");
        var from = startingAfter is null ? prefix : PaymentRowKey(paymentId, startingAfter);
        var filter = startingAfter is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey ge {from} and RowKey lt {prefix + "~"}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey gt {from} and RowKey lt {prefix + "~"}");
        return await TablePages.TakeAsync(Table.QueryAsync<RefundEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken), limit);
    }

    private static TableTransactionAction[] Rows(RefundEntity refund, TableTransactionActionType type)
    {
        refund.RowKey = refund.RefundId;
        var copy = Copy(refund);
        copy.RowKey = PaymentRowKey(refund.PaymentId, refund.RefundId);
        return [new(type, Copy(refund)), new(type, copy)];
    }

    private static RefundEntity Copy(RefundEntity r) => new()
    {
        PartitionKey = r.PartitionKey,
        RowKey = r.RowKey,
        RefundId = r.RefundId,
        PaymentId = r.PaymentId,
        Channel = r.Channel,
        ChannelAccount = r.ChannelAccount,
        Amount = r.Amount,
        Currency = r.Currency,
        Status = r.Status,
        Reason = r.Reason,
        ChannelRefundNo = r.ChannelRefundNo,
        FailureCode = r.FailureCode,
        FailureMessage = r.FailureMessage,
        CreatedAt = r.CreatedAt,
        SucceededAt = r.SucceededAt,
        MetadataJson = r.MetadataJson,
        LatePayment = r.LatePayment,
        ETag = ETag.All,
    };
}

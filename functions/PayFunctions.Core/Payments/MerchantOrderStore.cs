using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Payments;

/// <summary>Enforces that a merchant's own order id maps to at most one payment.</summary>
public sealed class MerchantOrderStore(StorageClients clients)
{
    private TableClient Table => clients.Tables.GetTableClient(TableNames.MerchantOrders);

    /// <summary>Reserves the order id for the payment; returns the payment that already holds it, if another does.</summary>
    public async Task<string?> ReserveAsync(string merchantId, string merchantOrderId, string paymentId, CancellationToken cancellationToken)
    {
        var rowKey = TableKeys.HashOf(merchantOrderId);
        try
        {
            await Table.AddEntityAsync(new TableEntity(merchantId, rowKey) { ["PaymentId"] = paymentId }, cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await Table.GetEntityAsync<TableEntity>(merchantId, rowKey, cancellationToken: cancellationToken);
            var holder = existing.Value.GetString("PaymentId");
            return string.Equals(holder, paymentId, StringComparison.Ordinal) ? null : holder;
        }
    }

    /// <summary>The payment that holds the order id, if one does.</summary>
    public async Task<string?> HolderAsync(string merchantId, string merchantOrderId, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(merchantId, TableKeys.HashOf(merchantOrderId), cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value!.GetString("PaymentId") : null;
    }

    /// <summary>Gives the order id back if, and only if, this payment still holds it.</summary>
    public async Task ReleaseAsync(string merchantId, string merchantOrderId, string paymentId, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(merchantId, TableKeys.HashOf(merchantOrderId), cancellationToken: cancellationToken);
        if (!existing.HasValue || !string.Equals(existing.Value!.GetString("PaymentId"), paymentId, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            await Table.DeleteEntityAsync(existing.Value, existing.Value.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Released or taken over meanwhile; either way this payment no longer holds it.
        }
    }
}

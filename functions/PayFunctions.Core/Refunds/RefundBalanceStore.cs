using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Refunds;

/// <summary>Reserves, releases and completes refund amounts on a payment's <see cref="RefundBalanceEntity"/> under its ETag.</summary>
public sealed class RefundBalanceStore(StorageClients clients)
{
    /// <summary>
    /// Refunds one payment may have, failed ones included. Channels cap partial refunds per order
    /// (several at 50), and the cap bounds the balance row's size.
    /// </summary>
    public const int MaxRefundsPerPayment = 50;

    // Twenty refunds racing for one row each lose a few rounds; the jittered pause spreads them out.
    private const int MaxConcurrencyRetries = 100;

    private TableClient Table => clients.Tables.GetTableClient(TableNames.RefundBalances);

    /// <summary>
    /// Holds <paramref name="amount"/> (or, when null, all that is left) for <paramref name="refundId"/>. A repeat
    /// of the same refund holds nothing more and answers the amount first held.
    /// </summary>
    /// <param name="partialAllowed">Whether the channel refunds less than the whole payment.</param>
    public async Task<(RefundReservation Outcome, long Amount)> ReserveAsync(
        string merchantId, string paymentId, long captured, string currency, string refundId, long? amount, bool partialAllowed, CancellationToken cancellationToken)
    {
        var outcome = RefundReservation.Reserved;
        long held = 0;
        await UpdateAsync(merchantId, paymentId, captured, currency, balance =>
        {
            var slots = balance.Slots();
            if (slots.TryGetValue(refundId, out var existing))
            {
                (outcome, held) = (RefundReservation.Reserved, existing.Amount);
                return false;
            }

            held = amount ?? balance.Captured - balance.Reserved;
            outcome = slots.Count >= MaxRefundsPerPayment ? RefundReservation.LimitReached
                : held < 1 || held > balance.Captured - balance.Reserved ? RefundReservation.TooLarge
                : !partialAllowed && held != balance.Captured ? RefundReservation.PartialUnsupported
                : RefundReservation.Reserved;
            if (outcome != RefundReservation.Reserved)
            {
                return false;
            }

            slots[refundId] = new RefundSlot(held, RefundStatuses.Pending, null);
            balance.Save(slots);
            balance.Reserved += held;
            return true;
        }, cancellationToken);
        return (outcome, held);
    }

    /// <summary>Gives a failed refund's reservation back, once.</summary>
    public Task ReleaseAsync(string merchantId, string paymentId, string refundId, CancellationToken cancellationToken) =>
        UpdateAsync(merchantId, paymentId, 0, "", balance =>
        {
            var slots = balance.Slots();
            if (!slots.TryGetValue(refundId, out var slot) || slot.State != RefundStatuses.Pending)
            {
                return false;
            }

            slots[refundId] = slot with { State = RefundStatuses.Failed };
            balance.Save(slots);
            balance.Reserved -= slot.Amount;
            return true;
        }, cancellationToken);

    /// <summary>Marks the refund succeeded, once, and answers the succeeded total before it.</summary>
    /// <exception cref="InvalidOperationException">The refund holds no reservation, or it already failed.</exception>
    public async Task<long> CompleteAsync(string merchantId, string paymentId, string refundId, CancellationToken cancellationToken)
    {
        long before = 0;
        await UpdateAsync(merchantId, paymentId, 0, "", balance =>
        {
            var slots = balance.Slots();
            if (!slots.TryGetValue(refundId, out var slot) || slot.State == RefundStatuses.Failed)
            {
                throw new InvalidOperationException($"Refund {refundId} holds no reservation on payment {paymentId}.");
            }

            if (slot.State == RefundStatuses.Succeeded)
            {
                before = slot.RefundedBefore ?? 0;
                return false;
            }

            before = balance.Refunded;
            slots[refundId] = slot with { State = RefundStatuses.Succeeded, RefundedBefore = before };
            balance.Save(slots);
            balance.Refunded += slot.Amount;
            return true;
        }, cancellationToken);
        return before;
    }

    private async Task UpdateAsync(
        string merchantId, string paymentId, long captured, string currency, Func<RefundBalanceEntity, bool> mutate, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<RefundBalanceEntity>(merchantId, paymentId, cancellationToken: cancellationToken);
            var balance = existing.HasValue
                ? existing.Value!
                : new RefundBalanceEntity { PartitionKey = merchantId, RowKey = paymentId, Captured = captured, Currency = currency };
            if (!existing.HasValue && captured <= 0)
            {
                throw new InvalidOperationException($"Payment {paymentId} has no refund balance.");
            }

            if (!mutate(balance))
            {
                return;
            }

            try
            {
                if (existing.HasValue)
                {
                    await Table.UpdateEntityAsync(balance, balance.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Table.AddEntityAsync(balance, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 412 or 409 && attempt < MaxConcurrencyRetries)
            {
                // Another refund of this payment changed the row first: read it again and re-decide.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50)), cancellationToken);
            }
        }
    }
}

public enum RefundReservation
{
    Reserved,
    TooLarge,
    LimitReached,
    PartialUnsupported,
}

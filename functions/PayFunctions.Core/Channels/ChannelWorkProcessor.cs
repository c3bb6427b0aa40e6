using System.Text.Json;
using Microsoft.Extensions.Logging;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Channels;

/// <summary>
/// Does one item of channel work, whichever transport delivered it. Reconciling asks the channel
/// for the truth; money that reached the channel after the payment ended is flagged on the payment
/// and booked to suspense for an operator to refund, never silently turned into a success the
/// merchant was told was over.
/// </summary>
public sealed class ChannelWorkProcessor(
    ChannelRegistry channels, PaymentStore payments, LedgerStore ledger, TimeProvider time, ILogger<ChannelWorkProcessor> logger)
{
    public static string LatePaymentEntryId(string paymentId) => "je_" + paymentId + "_late";

    public async Task ProcessAsync(string message, CancellationToken cancellationToken)
    {
        ChannelWorkItem? item;
        try
        {
            item = JsonSerializer.Deserialize<ChannelWorkItem>(message);
        }
        catch (JsonException e)
        {
            logger.LogError(e, "Dropping malformed channel work message");
            return;
        }

        // A message that can never succeed is dropped with an error rather than redelivered until it dead-letters.
        if (item is not { Kind: ChannelWorkItem.ReconcileOrder } || !ChannelRegistry.IsKnown(item.Channel) || !ChannelRegistry.IsValidAccountId(item.ChannelAccount)
            || string.IsNullOrEmpty(item.MerchantId) || string.IsNullOrEmpty(item.PaymentId))
        {
            logger.LogError("Dropping channel work {Kind} for channel {Channel}: not a valid item", item?.Kind, item?.Channel);
            return;
        }

        var channel = await channels.GetAsync(item.Channel, item.ChannelAccount, cancellationToken);
        var order = await channel.QueryAsync(item.PaymentId, cancellationToken);
        if (order.State != ChannelTradeState.Succeeded)
        {
            return;
        }

        var payment = await payments.GetAsync(item.MerchantId, item.PaymentId, cancellationToken);
        if (payment is null || payment.StatusValue == PaymentStatus.Succeeded)
        {
            return;
        }

        // The money is at the channel: book it (once, by id) so the ledger matches the channel's
        // statement, held in suspense until it is refunded.
        await ledger.PostAsync(
            Postings.LatePaymentReceived(LatePaymentEntryId(item.PaymentId), item.PaymentId, item.Channel, order.Amount ?? payment.AmountValue, order.PaidAt ?? time.GetUtcNow()),
            cancellationToken);
        await payments.UpdateAsync(item.MerchantId, item.PaymentId, p =>
        {
            if (p.LatePaymentTradeNo == order.ChannelTradeNo)
            {
                return false;
            }

            p.LatePaymentTradeNo = order.ChannelTradeNo;
            return true;
        }, cancellationToken);
        logger.LogError("Payment {PaymentId} was paid at {Channel} after it ended; it needs a refund", item.PaymentId, item.Channel);
    }
}

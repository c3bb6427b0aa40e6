using System.Text.Json;
using Microsoft.Extensions.Logging;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.ChannelWork;

/// <summary>
/// Does one item of channel work, whichever transport delivered it. Reconciling asks the channel
/// for the truth; money that reached the channel after the payment ended is flagged on the payment
/// for an operator to refund, never silently turned into a success the merchant was told was over.
/// </summary>
public sealed class ChannelWorkProcessor(ChannelResolver channels, PaymentStore payments, ILogger<ChannelWorkProcessor> logger)
{
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
        if (item is not { Kind: ChannelWorkItem.ReconcileOrder } || !ChannelResolver.IsKnown(item.Channel)
            || string.IsNullOrEmpty(item.MerchantId) || string.IsNullOrEmpty(item.PaymentId))
        {
            logger.LogError("Dropping channel work {Kind} for channel {Channel}: not a valid item", item?.Kind, item?.Channel);
            return;
        }

        var channel = await channels.GetAsync(item.Channel, cancellationToken);
        var order = await channel.QueryAsync(item.PaymentId, cancellationToken);
        if (order.State != ChannelTradeState.Succeeded)
        {
            return;
        }

        await payments.UpdateAsync(item.MerchantId, item.PaymentId, p =>
        {
            if (p.StatusValue == PaymentStatus.Succeeded || p.LatePaymentTradeNo == order.ChannelTradeNo)
            {
                return false;
            }

            p.LatePaymentTradeNo = order.ChannelTradeNo;
            return true;
        }, cancellationToken);
        logger.LogError("Payment {PaymentId} was paid at {Channel} after it ended; it needs a refund", item.PaymentId, item.Channel);
    }
}

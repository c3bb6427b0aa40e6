using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PayFunctions.Channels;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Domain;

namespace PayFunctions.Core.Channels;

/// <summary>
/// Does one item of channel work, whichever transport delivered it. Reconciling asks the channel
/// for the truth; money that reached the channel after the payment ended is flagged on the payment,
/// booked to suspense and refunded to the payer, never silently turned into a success the merchant
/// was told was over.
/// </summary>
public sealed partial class ChannelWorkProcessor(
    ChannelRegistry channels,
    PaymentStore payments,
    LedgerStore ledger,
    LatePaymentRefunds lateRefunds,
    StorageQueueChannelWorkQueue storageWork,
    TimeProvider time,
    ILogger<ChannelWorkProcessor> logger)
{
    public static string LatePaymentEntryId(string paymentId) => "je_" + paymentId + "_late";

    /// <param name="durable">
    /// The Durable client, where the transport's trigger has one. The Functions app's Service Bus
    /// processor runs outside any function invocation and has none; its refunds go on through the
    /// Storage queue, whose trigger does.
    /// </param>
    public async Task ProcessAsync(string message, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        ChannelWorkItem? item;
        try
        {
            item = JsonSerializer.Deserialize<ChannelWorkItem>(message);
        }
        catch (JsonException e)
        {
            LogMalformed(logger, e);
            return;
        }

        // A message that can never succeed is dropped with an error rather than redelivered until it dead-letters.
        if (item is not { Kind: ChannelWorkItem.ReconcileOrder or ChannelWorkItem.RefundLatePayment }
            || !ChannelRegistry.IsKnown(item.Channel) || !ChannelRegistry.IsValidAccountId(item.ChannelAccount)
            || string.IsNullOrEmpty(item.MerchantId) || !PaymentIds.IsWellFormed(item.PaymentId))
        {
            LogInvalid(logger, item?.Kind, item?.Channel);
            return;
        }

        if (item.Kind == ChannelWorkItem.ReconcileOrder && !await ReconcileAsync(item, cancellationToken))
        {
            return;
        }

        var refund = item with { Kind = ChannelWorkItem.RefundLatePayment };
        if (durable is null)
        {
            await storageWork.EnqueueAsync(refund, cancellationToken);
            return;
        }

        if (await payments.GetAsync(item.MerchantId, item.PaymentId, cancellationToken) is { } payment)
        {
            await lateRefunds.StartAsync(durable, payment, cancellationToken);
        }
    }

    /// <summary>Whether the channel holds money for the ended payment, now booked and flagged.</summary>
    private async Task<bool> ReconcileAsync(ChannelWorkItem item, CancellationToken cancellationToken)
    {
        var channel = await channels.GetAsync(item.Channel, item.ChannelAccount, cancellationToken);
        var payment = await payments.GetAsync(item.MerchantId, item.PaymentId, cancellationToken);
        if (payment is null || payment.StatusValue == PaymentStatus.Succeeded)
        {
            return false;
        }

        var order = await channel.QueryAsync(new ChannelOrderRef(item.PaymentId, payment.ChannelOrderId), cancellationToken);
        if (order.State != ChannelTradeState.Succeeded)
        {
            return false;
        }

        // The money is at the channel: book it (once, by id) so the ledger matches the channel's
        // statement, held in suspense until the refund gives it back.
        var collected = order.Amount ?? payment.AmountValue;
        await ledger.PostAsync(
            Postings.LatePaymentReceived(LatePaymentEntryId(item.PaymentId), item.PaymentId, item.Channel, collected, order.PaidAt ?? time.GetUtcNow()),
            cancellationToken);
        await payments.UpdateAsync(item.MerchantId, item.PaymentId, p =>
        {
            if (p.LatePaymentTradeNo == order.ChannelTradeNo && p.LatePaymentAmount == collected.MinorUnits)
            {
                return false;
            }

            p.LatePaymentTradeNo = order.ChannelTradeNo;
            p.LatePaymentAmount = collected.MinorUnits;
            return true;
        }, cancellationToken);
        LogLatePayment(logger, item.PaymentId, item.Channel);
        return true;
    }

    [LoggerMessage(EventId = 7801, Level = LogLevel.Error, Message = "Dropping malformed channel work message")]
    private static partial void LogMalformed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7802, Level = LogLevel.Error, Message = "Dropping channel work {Kind} for channel {Channel}: not a valid item")]
    private static partial void LogInvalid(ILogger logger, string? kind, string? channel);

    [LoggerMessage(EventId = 7803, Level = LogLevel.Warning, Message = "Payment {PaymentId} was paid at {Channel} after it ended; the money is booked to suspense")]
    private static partial void LogLatePayment(ILogger logger, string paymentId, string channel);
}

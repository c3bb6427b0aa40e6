using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PayFunctions.Channels;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Routing;
using PayFunctions.Domain;

namespace PayFunctions.Core.Channels;

/// <summary>
/// Does one item of channel work, whichever transport delivered it. A prepay goes to the prepay
/// worker, which places the order and raises its outcome to the payment; any other channel call to
/// the channel call worker, which makes it and raises its answer to the orchestration. Reconciling asks the channel
/// for the truth; money that reached the channel after the payment ended is flagged on the payment,
/// booked to suspense and refunded to the payer, never silently turned into a success the merchant
/// was told was over.
/// </summary>
public sealed partial class ChannelWorkProcessor(
    ChannelAccountCalls calls,
    PaymentStore payments,
    LedgerStore ledger,
    LatePaymentRefunds lateRefunds,
    UnmatchedCredits unmatched,
    StorageQueueChannelWorkQueue storageWork,
    PrepayWorker prepays,
    ChannelCallWorker channelCalls,
    TimeProvider time,
    ILogger<ChannelWorkProcessor> logger)
{
    public static string LatePaymentEntryId(string paymentId) => "je_" + paymentId + "_late";

    /// <param name="durable">
    /// The Durable client, where the transport's trigger has one. The Functions app's Service Bus
    /// processor runs outside any function invocation and has none; its refunds go on through the
    /// Storage queue, whose trigger does.
    /// </param>
    /// <returns><see cref="ChannelWorkVerdict.Rejected"/> for a message that can never succeed: the transport sets it aside at once.</returns>
    public async Task<ChannelWorkVerdict> ProcessAsync(string message, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        ChannelWorkItem? item;
        try
        {
            item = JsonSerializer.Deserialize<ChannelWorkItem>(message);
        }
        catch (JsonException e)
        {
            LogMalformed(logger, e);
            return ChannelWorkVerdict.Rejected;
        }

        if (item is null || !IsValid(item))
        {
            LogInvalid(logger, item?.Kind, item?.Channel);
            return ChannelWorkVerdict.Rejected;
        }

        switch (item.Kind)
        {
            case ChannelWorkItem.CallChannel:
                return await channelCalls.CallAsync(item, durable, cancellationToken);
            case ChannelWorkItem.AnswerCall:
                await channelCalls.DeliverAsync(item, durable, cancellationToken);
                return ChannelWorkVerdict.Done;
            case ChannelWorkItem.Prepay:
                await prepays.PrepayAsync(item, durable, cancellationToken);
                return ChannelWorkVerdict.Done;
            case ChannelWorkItem.PrepayResult:
                await prepays.DeliverAsync(item, durable, cancellationToken);
                return ChannelWorkVerdict.Done;
            case ChannelWorkItem.ReconcileOrder when !await ReconcileAsync(item, cancellationToken):
                return ChannelWorkVerdict.Done;
        }

        await RefundAsync(item, durable, cancellationToken);
        return ChannelWorkVerdict.Done;
    }

    /// <summary>
    /// Processes a message from a Storage queue, which has no dead-letter queue of its own: a message
    /// that can never succeed goes to the queue's poison queue, as the Functions trigger parks one.
    /// </summary>
    public async Task ProcessStorageMessageAsync(string queue, string message, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (await ProcessAsync(message, durable, cancellationToken) == ChannelWorkVerdict.Rejected)
        {
            await storageWork.SetAsideAsync(queue, message, cancellationToken);
        }
    }

    private static bool IsValid(ChannelWorkItem item) =>
        ChannelRegistry.IsKnown(item.Channel) && ChannelRegistry.IsValidAccountId(item.ChannelAccount)
        && item.Kind switch
        {
            ChannelWorkItem.CallChannel => IsValidCall(item),
            ChannelWorkItem.AnswerCall => IsValidCall(item) && item.Answer is not null,
            _ => !string.IsNullOrEmpty(item.MerchantId) && PaymentIds.IsWellFormed(item.PaymentId) && IsValidPaymentWork(item),
        };

    /// <summary>A call for the account it is queued for, naming an orchestration and a call id the Durable client may be given.</summary>
    private static bool IsValidCall(ChannelWorkItem item) =>
        item.Call is { } call && call.Channel == item.Channel && call.ChannelAccount == item.ChannelAccount && call.HasWellFormedIds;

    private static bool IsValidPaymentWork(ChannelWorkItem item) =>
        item.Kind switch
        {
            ChannelWorkItem.ReconcileOrder or ChannelWorkItem.RefundLatePayment => true,
            ChannelWorkItem.Prepay => item.Payment is { } p && p.PaymentId == item.PaymentId && p.MerchantId == item.MerchantId
                && p.Channel == item.Channel && p.ChannelAccount == item.ChannelAccount,
            ChannelWorkItem.PrepayResult => item.Outcome is not null,
            _ => false,
        };

    /// <summary>Refunds the money a reconciled order found, where this worker can start the refund's orchestration.</summary>
    private async Task RefundAsync(ChannelWorkItem item, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
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

    /// <summary>Whether the channel holds money for the payment that is not its success, now booked and flagged.</summary>
    private async Task<bool> ReconcileAsync(ChannelWorkItem item, CancellationToken cancellationToken)
    {
        var channel = await calls.ForAsync(item.Channel, item.ChannelAccount, cancellationToken);
        var payment = await payments.GetAsync(item.MerchantId, item.PaymentId, cancellationToken);
        if (payment is null)
        {
            return false;
        }

        var found = item.Credit is { } credit && !ChannelRegistry.Module(item.Channel).Capabilities.Supports(ChannelOperations.Query)
            ? await ReportedAsync(item, credit, payment, cancellationToken)
            : await QueriedAsync(channel, payment, cancellationToken);
        if (found is not { } money)
        {
            return false;
        }

        // The money is at the channel: book it (once, by id) so the ledger matches the channel's
        // statement, held in suspense until the refund gives it back.
        await ledger.PostAsync(
            LedgerBooks.Of(payment.TestMode).Post(
                Postings.LatePaymentReceived(LatePaymentEntryId(item.PaymentId), item.PaymentId, item.Channel, money.Collected, money.At)),
            cancellationToken);
        await payments.UpdateAsync(item.MerchantId, item.PaymentId, p =>
        {
            if (p.LatePaymentTradeNo == money.TradeNo && p.LatePaymentAmount == money.Collected.MinorUnits)
            {
                return false;
            }

            p.LatePaymentTradeNo = money.TradeNo;
            p.LatePaymentAmount = money.Collected.MinorUnits;
            return true;
        }, cancellationToken);
        LogLatePayment(logger, item.PaymentId, item.Channel);
        return true;
    }

    /// <summary>
    /// A channel that answers queries is asked, through the account's pipeline and within its limits: only a paid order
    /// that is not the payment's success holds money.
    /// </summary>
    private async Task<LateMoney?> QueriedAsync(ChannelAccountCalls.Caller channel, PaymentEntity payment, CancellationToken cancellationToken)
    {
        if (payment.StatusValue == PaymentStatus.Succeeded)
        {
            return null;
        }

        var order = await channel.CallAsync(ChannelCallOperations.Query, (adapter, c) => adapter.QueryAsync(new ChannelOrderRef(payment.Id, payment.ChannelOrderId), c), cancellationToken);
        return order.State == ChannelTradeState.Succeeded
            ? new LateMoney(order.ChannelTradeNo, order.Amount ?? payment.AmountValue, order.PaidAt ?? time.GetUtcNow())
            : null;
    }

    /// <summary>
    /// A channel that cannot be asked reported the money itself (a bank credit), and several credits may quote one
    /// payment: any credit that is not the payment's success is money to give back. A payment has one late-payment
    /// refund, so a further credit is held in suspense for an operator instead.
    /// </summary>
    private async Task<LateMoney?> ReportedAsync(ChannelWorkItem item, ChannelCredit credit, PaymentEntity payment, CancellationToken cancellationToken)
    {
        if (credit.TradeNo == payment.ChannelTradeNo || !Currency.TryParse(credit.Currency, out var currency))
        {
            return null;
        }

        var money = new LateMoney(credit.TradeNo, new Money(credit.Amount, currency), credit.At ?? time.GetUtcNow());
        if (payment.LatePaymentTradeNo is { } taken && taken != credit.TradeNo)
        {
            await unmatched.RecordAsync(item.Channel, item.ChannelAccount, credit.EventId, money.Collected, money.At, item.PaymentId, UnmatchedCredits.FurtherCredit, LedgerBooks.Of(payment.TestMode), cancellationToken);
            return null;
        }

        return money;
    }

    [LoggerMessage(EventId = 7801, Level = LogLevel.Error, Message = "Dropping malformed channel work message")]
    private static partial void LogMalformed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7802, Level = LogLevel.Error, Message = "Dropping channel work {Kind} for channel {Channel}: not a valid item")]
    private static partial void LogInvalid(ILogger logger, string? kind, string? channel);

    [LoggerMessage(EventId = 7803, Level = LogLevel.Warning, Message = "Payment {PaymentId} was paid at {Channel} after it ended; the money is booked to suspense")]
    private static partial void LogLatePayment(ILogger logger, string paymentId, string channel);

    private sealed record LateMoney(string? TradeNo, Money Collected, DateTimeOffset At);
}

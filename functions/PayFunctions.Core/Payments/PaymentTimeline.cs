using System.Text.Json;
using Azure.Data.Tables;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Gathers what the platform already keeps about one payment into one time-ordered story: the payment row (creation,
/// the routing decision, each account tried, payment and end), the channel's notifications, the refunds, the
/// merchant's webhook deliveries and the ledger entries. Nothing is recorded for it; each part is read where its
/// feature keeps it, by key, never by scanning another merchant's rows.
/// </summary>
public sealed class PaymentTimeline(StorageClients clients, RefundStore refunds, WebhookDeliveries deliveries, LedgerStore ledger)
{
    private const int RefundPage = 100;

    private TableClient Notifications => clients.Tables.GetTableClient(TableNames.Notifications);

    public async Task<IReadOnlyList<PaymentTimelineEvent>> ReadAsync(PaymentEntity payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var events = new List<PaymentTimelineEvent>(FromPayment(payment));
        var paymentRefunds = await RefundsAsync(payment, cancellationToken);
        foreach (var refund in paymentRefunds)
        {
            events.Add(PaymentTimelineEvent.RefundCreated(refund));
            if (refund.Status != RefundStatuses.Pending)
            {
                events.Add(new PaymentTimelineEvent("refund." + refund.Status, refund.SucceededAt ?? refund.Timestamp ?? refund.CreatedAt)
                {
                    Refund = refund.RefundId,
                    Amount = refund.Amount,
                    Currency = refund.Currency.ToLowerInvariant(),
                    FailureCode = refund.FailureCode,
                    FailureMessage = refund.FailureMessage,
                });
            }
        }

        events.AddRange(await NotificationsAsync(payment, cancellationToken));
        foreach (var body in paymentRefunds.Select(r => r.RefundId[RefundIds.Prefix.Length..]).Prepend(payment.Id[PaymentIds.Prefix.Length..]))
        {
            events.AddRange((await deliveries.ForSubjectAsync(payment.MerchantId, body, cancellationToken)).Select(PaymentTimelineEvent.Delivery));
        }

        var entryIds = paymentRefunds.Select(r => CompleteRefundActivity.RefundEntryId(r.RefundId))
            .Prepend(ChannelWorkProcessor.LatePaymentEntryId(payment.Id))
            .Prepend(CompletePaymentActivity.CaptureEntryId(payment.Id));
        foreach (var entry in await Task.WhenAll(entryIds.Select(id => ledger.ReadEntryAsync(id, cancellationToken))))
        {
            if (entry is not null)
            {
                events.Add(new PaymentTimelineEvent("ledger.entry", entry.PostedAt)
                {
                    Entry = entry.Id,
                    Kind = entry.Kind,
                    Lines = [.. entry.Lines.Select(l => new PaymentTimelineLedgerLine(l.Account, JsonNamingPolicy.SnakeCaseLower.ConvertName(l.Side.ToString()), l.Amount.MinorUnits, l.Amount.Currency.Code.ToLowerInvariant()))],
                });
            }
        }

        return [.. events.OrderBy(e => e.At.ToUnixTimeSeconds()).ThenBy(Rank).ThenBy(e => e.At)];
    }

    /// <summary>
    /// Where an event falls among those of the same second. Channels report the paid time to the whole second, and
    /// the capture is booked at that time, so a payment paid within a second of its creation would otherwise be
    /// paid before it was made; within a second, cause comes before effect.
    /// </summary>
    private static int Rank(PaymentTimelineEvent e) => e.Type switch
    {
        "payment.created" => 0,
        "routing.decided" => 1,
        "channel.attempt" => 2,
        "channel.notification" => 3,
        "payment.paid" => 4,
        "ledger.entry" when e.Kind != Postings.RefundKind => 5,
        "webhook.delivery" => 7,
        "refund.created" => 8,
        "ledger.entry" => 10,
        var t when t.StartsWith("refund.", StringComparison.Ordinal) => 9,
        _ => 6,
    };

    private static IEnumerable<PaymentTimelineEvent> FromPayment(PaymentEntity payment)
    {
        yield return new PaymentTimelineEvent("payment.created", payment.CreatedAt)
        {
            Amount = payment.Amount,
            Currency = payment.Currency.ToLowerInvariant(),
            Method = payment.Method,
            MerchantOrderId = payment.MerchantOrderId,
        };

        if (RoutingBody.Deserialize(payment.RoutingJson, payment.RouteAttemptsJson) is { } routing)
        {
            yield return new PaymentTimelineEvent("routing.decided", payment.CreatedAt)
            {
                Rule = routing.Rule,
                Objective = routing.Objective,
                Candidates = routing.Candidates,
            };

            foreach (var attempt in routing.Attempts ?? [])
            {
                yield return new PaymentTimelineEvent("channel.attempt", attempt.At)
                {
                    ChannelAccount = attempt.ChannelAccount,
                    Outcome = attempt.Outcome,
                    Reason = attempt.Reason,
                };
            }
        }

        if (payment.PaidAt is { } paidAt)
        {
            yield return new PaymentTimelineEvent("payment.paid", paidAt) { Channel = payment.Channel, ChannelTradeNo = payment.ChannelTradeNo };
        }

        if (payment.CompletedAt is { } completedAt && PaymentTransitions.IsTerminal(payment.StatusValue))
        {
            yield return new PaymentTimelineEvent("payment." + JsonNamingPolicy.SnakeCaseLower.ConvertName(payment.Status), completedAt)
            {
                Status = JsonNamingPolicy.SnakeCaseLower.ConvertName(payment.Status),
                FailureCode = payment.FailureCode,
                FailureMessage = payment.FailureMessage,
            };
        }
    }

    private async Task<IReadOnlyList<RefundEntity>> RefundsAsync(PaymentEntity payment, CancellationToken cancellationToken)
    {
        var all = new List<RefundEntity>();
        string? after = null;
        bool more;
        do
        {
            (var page, more) = await refunds.ListAsync(payment.MerchantId, payment.Id, RefundPage, after, cancellationToken);
            all.AddRange(page);
            after = page.Count > 0 ? page[^1].RefundId : null;
        }
        while (more && after is not null);

        return all;
    }

    /// <summary>The notifications are keyed by the channel's trade number, which a payment has once the channel told of it.</summary>
    private async Task<IReadOnlyList<PaymentTimelineEvent>> NotificationsAsync(PaymentEntity payment, CancellationToken cancellationToken)
    {
        if (payment.ChannelTradeNo is not { Length: > 0 } tradeNo || !ChannelRegistry.IsKnown(payment.Channel))
        {
            return [];
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {payment.Channel + "_" + tradeNo} and PaymentId eq {payment.Id}");
        var events = new List<PaymentTimelineEvent>();
        await foreach (var row in Notifications.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            events.Add(new PaymentTimelineEvent("channel.notification", row.GetDateTimeOffset("FirstSeenAt") ?? row.Timestamp ?? payment.CreatedAt)
            {
                Channel = payment.Channel,
                ChannelTradeNo = tradeNo,
                EventId = row.RowKey,
            });
        }

        return events;
    }
}

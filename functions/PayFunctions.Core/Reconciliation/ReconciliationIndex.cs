using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;
using PayFunctions.Domain.Reconciliation;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Reconciliation;

/// <summary>
/// The platform's ended payments and refunds by channel account and day, which reconciliation reads instead of the
/// payments (partitioned by merchant, so a day of one account would be a scan of every merchant). One row per
/// record, written when it ends, in the partition of the account and the day it was booked on (its payment or refund
/// time, else when it ended). Rewriting a row writes the same facts, so a retried completion changes nothing.
/// A payment still waiting has no row: a statement line for it is 长款 to the matcher, and resolving it asks the
/// channel and books the success (<see cref="ResolveDifferenceActivity"/>).
/// </summary>
public sealed class ReconciliationIndex(StorageClients clients, ChannelRegistry registry, IOptions<ReconciliationOptions> options)
{
    private const string PaymentKind = "payment";
    private const string RefundKind = "refund";

    private TableClient Table => clients.Tables.GetTableClient(TableNames.ReconciliationIndex);

    /// <summary>Records an ended payment as the statement of its account should show it.</summary>
    public Task RecordPaymentAsync(PaymentEntity payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var status = payment.StatusValue switch
        {
            PaymentStatus.Succeeded => PlatformPaymentStatus.Succeeded,
            PaymentStatus.Failed => PlatformPaymentStatus.Failed,
            PaymentStatus.Expired or PaymentStatus.Closed => PlatformPaymentStatus.Closed,
            _ => PlatformPaymentStatus.Pending,
        };
        var bookedAt = status == PlatformPaymentStatus.Succeeded ? payment.PaidAt ?? payment.CompletedAt : null;
        var at = bookedAt ?? payment.CompletedAt ?? payment.CreatedAt;
        var gross = payment.AmountValue;
        var row = new TableEntity(Partition(payment.Channel, payment.ChannelAccount, options.Value.DayOf(at)), payment.Id)
        {
            ["Kind"] = PaymentKind,
            ["MerchantId"] = payment.MerchantId,
            ["PaymentId"] = payment.Id,
            ["Amount"] = gross.MinorUnits,
            ["Currency"] = gross.Currency.Code,
            ["Status"] = status.ToString(),
            ["BookedAt"] = bookedAt,
            ["ExpectedFee"] = status == PlatformPaymentStatus.Succeeded ? registry.ExpectedFeeOf(payment.Channel, payment.ChannelAccount, gross)?.MinorUnits : null,
        };
        return Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Records an ended refund as the statement of its payment's account should show it.</summary>
    public Task RecordRefundAsync(RefundEntity refund, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var succeeded = refund.Status == RefundStatuses.Succeeded;
        var bookedAt = succeeded ? refund.SucceededAt ?? refund.CreatedAt : (DateTimeOffset?)null;
        var row = new TableEntity(Partition(refund.Channel, refund.ChannelAccount, options.Value.DayOf(bookedAt ?? refund.CreatedAt)), refund.RefundId)
        {
            ["Kind"] = RefundKind,
            ["MerchantId"] = refund.MerchantId,
            ["PaymentId"] = refund.PaymentId,
            ["Amount"] = refund.Amount,
            ["Currency"] = refund.Currency,
            ["Status"] = (refund.Status switch
            {
                RefundStatuses.Succeeded => PlatformRefundStatus.Succeeded,
                RefundStatuses.Failed => PlatformRefundStatus.Failed,
                _ => PlatformRefundStatus.Pending,
            }).ToString(),
            ["BookedAt"] = bookedAt,
        };
        return Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// The account's records of <paramref name="day"/> and the day on each side (what the matcher needs to tell a
    /// date-boundary shift from a missing record).
    /// </summary>
    public async Task<IndexedRecords> ReadAsync(ChannelAccountId account, DateOnly day, CancellationToken cancellationToken)
    {
        var payments = new List<PlatformPayment>();
        var refunds = new List<PlatformRefund>();
        var merchants = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var d = day.AddDays(-1); d <= day.AddDays(1); d = d.AddDays(1))
        {
            var partition = Partition(account.Channel, account.Account, d);
            await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
            {
                var currency = Currency.Parse(row.GetString("Currency"));
                var amount = new Money(row.GetInt64("Amount") ?? 0, currency);
                merchants[row.RowKey] = row.GetString("MerchantId");
                if (row.GetString("Kind") == RefundKind)
                {
                    refunds.Add(new PlatformRefund(
                        row.RowKey, row.GetString("PaymentId"), amount, Enum.Parse<PlatformRefundStatus>(row.GetString("Status")), row.GetDateTimeOffset("BookedAt")));
                }
                else
                {
                    payments.Add(new PlatformPayment(
                        row.RowKey,
                        amount,
                        row.GetInt64("ExpectedFee") is { } fee ? new Money(fee, currency) : null,
                        Enum.Parse<PlatformPaymentStatus>(row.GetString("Status")),
                        row.GetDateTimeOffset("BookedAt")));
                }
            }
        }

        return new IndexedRecords(payments, refunds, merchants);
    }

    private static string Partition(string channel, string account, DateOnly day) =>
        TableKeys.Escape(channel + "|" + account + "|" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
}

/// <summary>An account's indexed records, with the merchant of each (by payment or refund id) for resolving differences.</summary>
public sealed record IndexedRecords(IReadOnlyList<PlatformPayment> Payments, IReadOnlyList<PlatformRefund> Refunds, IReadOnlyDictionary<string, string> Merchants);

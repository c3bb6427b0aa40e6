using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Aml;

/// <summary>
/// The succeeded payments of each day, which monitoring reads instead of the payments (partitioned by merchant, so a day
/// would be a scan of every merchant). One row per payment, written by its completion as an upsert of the same facts, so a
/// retried completion changes nothing: one storage request per succeeded payment. A day is 16 partitions per mode,
/// <c>{live|test}|{yyyyMMdd}|{0-f}</c> by the payment id's hash, so a busy day's writes spread and a run reads 16 ranges.
/// </summary>
public sealed class AmlIndex(StorageClients clients, IOptions<AmlOptions> options)
{
    public const int Shards = 16;

    private TableClient Table => clients.Tables.GetTableClient(TableNames.AmlIndex);

    /// <summary>Records a succeeded payment; any other status writes nothing.</summary>
    public Task RecordPaymentAsync(PaymentEntity payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.StatusValue != PaymentStatus.Succeeded)
        {
            return Task.CompletedTask;
        }

        var at = payment.PaidAt ?? payment.CompletedAt ?? payment.CreatedAt;
        var settlement = payment.Fx?.Settlement ?? payment.AmountValue.Currency;
        var receivers = SplitRuleSerializer.DeserializeAllocations(payment.AllocationsJson)
            .Where(a => a.Role != SplitRole.PlatformFee && a.Amount > 0)
            .Select(a => new IndexedReceiver(a.Account, a.Amount, settlement.Code));
        var row = new TableEntity(Partition(!payment.TestMode, options.Value.DayOf(at), payment.Id), payment.Id)
        {
            ["MerchantId"] = payment.MerchantId,
            ["Payer"] = payment.PayerPseudonym,
            ["Amount"] = payment.Amount,
            ["Currency"] = payment.Currency,
            ["Method"] = payment.Method,
            ["At"] = at,
            ["CrossBorder"] = IsCrossBorder(payment.PayerRegion ?? payment.PayerCountry),
            ["Receivers"] = JsonSerializer.Serialize(receivers),
        };
        return Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The day's succeeded payments of one mode, in no particular order.</summary>
    public async Task<IReadOnlyList<IndexedPayment>> ReadAsync(DateOnly day, bool livemode, CancellationToken cancellationToken)
    {
        var rows = new List<IndexedPayment>();
        for (var shard = 0; shard < Shards; shard++)
        {
            var partition = Prefix(livemode, day) + shard.ToString("x", CultureInfo.InvariantCulture);
            await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
            {
                rows.Add(new IndexedPayment(
                    row.RowKey,
                    row.GetString("MerchantId"),
                    row.GetString("Payer"),
                    new Money(row.GetInt64("Amount") ?? 0, Currency.Parse(row.GetString("Currency"))),
                    row.GetString("Method"),
                    row.GetDateTimeOffset("At") ?? throw new FormatException($"AML index row {row.RowKey} has no time."),
                    row.GetBoolean("CrossBorder") ?? false,
                    JsonSerializer.Deserialize<IndexedReceiver[]>(row.GetString("Receivers") ?? "[]") ?? []));
            }
        }

        return rows;
    }

    /// <summary>A payer located outside the Chinese mainland (Hong Kong, Macao and Taiwan included) pays across the border; an unlocated one is taken as domestic.</summary>
    public static bool IsCrossBorder(string? region) =>
        region is { Length: >= 2 } && region != "unknown" && !region.StartsWith("CN", StringComparison.Ordinal);

    private static string Prefix(bool livemode, DateOnly day) =>
        (livemode ? "live|" : "test|") + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "|";

    private static string Partition(bool livemode, DateOnly day, string paymentId) =>
        Prefix(livemode, day) + (TableKeys.HashOf(paymentId)[0]);
}

/// <summary>A receiver's share as indexed, in the payment's settlement currency.</summary>
public sealed record IndexedReceiver(string Account, long Amount, string Currency);

/// <summary>A succeeded payment as indexed for monitoring.</summary>
public sealed record IndexedPayment(
    string Id, string MerchantId, string? Payer, Money Amount, string Method, DateTimeOffset At, bool CrossBorder, IReadOnlyList<IndexedReceiver> Receivers);

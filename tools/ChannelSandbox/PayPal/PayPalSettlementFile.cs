using System.Globalization;
using System.Text;

namespace ChannelSandbox.PayPal;

/// <summary>
/// The settlement report PayPal would put on its SFTP server for the account: RH, FH, one section (SH, CH, an SB per
/// capture (T0006, with PayPal's fee) and per refund (T1107), SF per currency, SC), RF. Amounts are hundredths of the
/// currency unit whatever the currency, varchar fields quoted, dates <c>yyyy/MM/dd HH:mm:ss +0000</c>.
/// </summary>
public static class PayPalSettlementFile
{
    private const string Account = "7KNGBPH2U58GQ";

    private static readonly string[] Columns =
    [
        "Transaction ID", "Invoice ID", "PayPal Reference ID", "PayPal Reference ID Type", "Transaction Event Code", "Transaction Initiation Date",
        "Transaction Completion Date", "Transaction  Debit or Credit", "Gross Transaction Amount", "Gross Transaction Currency", "Fee Debit or Credit",
        "Fee Amount", "Fee Currency", "Custom Field", "Consumer ID", "Payment Tracking ID", "Store ID", "Bank Reference ID", "Credit Transactional Fee",
        "Credit Promotional Fee", "Credit Term",
    ];

    public static string Write(IReadOnlyList<PayPalOrder> orders, DateTimeOffset now)
    {
        var rows = new List<(string Currency, bool Credit, long Gross, long Fee, string Line)>();
        foreach (var order in orders)
        {
            lock (order.Gate)
            {
                if (order.Capture is not { Status: not "PENDING" } capture)
                {
                    continue;
                }

                var scale = capture.Amount.Decimals == 0 ? 100 : 1;
                rows.Add((capture.Amount.CurrencyCode, true, capture.Amount.Minor * scale, capture.FeeMinor * scale, Body(
                    capture.Id, order.InvoiceId, order.Id, "ODR", "T0006", capture.CreatedAt, "CR", capture.Amount.Minor * scale, capture.Amount.CurrencyCode,
                    "DR", capture.FeeMinor * scale, order.CustomId)));
                foreach (var refund in order.Refunds)
                {
                    rows.Add((refund.Amount.CurrencyCode, false, refund.Amount.Minor * scale, 0, Body(
                        refund.Id, refund.InvoiceId ?? string.Empty, capture.Id, "TXN", "T1107", refund.CreatedAt, "DR", refund.Amount.Minor * scale,
                        refund.Amount.CurrencyCode, string.Empty, null, refund.CustomId ?? string.Empty)));
                }
            }
        }

        var day = now.UtcDateTime.Date;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"\"RH\",{Date(now)},\"A\",\"{Account}\",009"));
        text.AppendLine("\"FH\",01");
        text.AppendLine(Invariant($"\"SH\",{Date(day)},{Date(day.AddDays(1).AddSeconds(-1))},\"{Account}\",\"\""));
        text.AppendLine("\"CH\"," + string.Join(',', Columns.Select(Quote)));
        foreach (var row in rows)
        {
            text.AppendLine(row.Line);
        }

        foreach (var currency in rows.GroupBy(r => r.Currency))
        {
            var credits = currency.Where(r => r.Credit).Sum(r => r.Gross);
            var debits = currency.Where(r => !r.Credit).Sum(r => r.Gross);
            var fees = currency.Sum(r => r.Fee);
            text.AppendLine(Invariant($"\"SF\",\"{currency.Key}\",\"CR\",{credits},\"DR\",{debits},\"CR\",0,\"DR\",{fees}"));
        }

        text.AppendLine(Invariant($"\"SC\",{rows.Count}"));
        text.AppendLine(Invariant($"\"RF\",{rows.Count}"));
        return text.ToString();
    }

    private static string Body(
        string transaction, string invoice, string reference, string referenceType, string code, DateTimeOffset at, string direction, long gross, string currency,
        string feeDirection, long? fee, string custom) =>
        string.Join(',', new[]
        {
            Quote("SB"), Quote(transaction), Quote(invoice), Quote(reference), Quote(referenceType), Quote(code), Date(at), Date(at), Quote(direction),
            gross.ToString(CultureInfo.InvariantCulture), Quote(currency), Quote(feeDirection), fee?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            Quote(fee is null ? string.Empty : currency), Quote(custom), Quote("payer@sandbox.paypal.test"), Quote(string.Empty), Quote(string.Empty),
            Quote(string.Empty), string.Empty, string.Empty, string.Empty,
        });

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;

namespace PayFunctions.Domain.Reports;

/// <summary>
/// A report as CSV (RFC 4180), the JSON rows' fields in the same order. A field a spreadsheet would run as a formula
/// (starting with = + - @, or a tab or carriage return that some applications strip first) gets a leading
/// apostrophe, as OWASP advises; a field holding a comma, quote or line break is quoted.
/// </summary>
public static class ReportCsv
{
    /// <summary>The first line: the JSON row's field names.</summary>
    public const string Header = "key,currency,payments,succeeded,failed,success_rate,amount,refunds,refunded_amount,fees";

    /// <summary>The header and one line per row, each ended by CRLF.</summary>
    public static string Write(IEnumerable<ReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var row in rows)
        {
            var c = row.Counters;
            csv.Append(Field(row.Key)).Append(',').Append(Field(row.Currency.ToLowerInvariant())).Append(',')
                .Append(string.Join(',', new object[] { c.Payments, c.Succeeded, c.Failed, c.SuccessRate, c.Amount, c.Refunds, c.RefundedAmount, c.Fees }
                    .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))))
                .Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>One field, neutralised against formula injection and quoted when it must be.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}

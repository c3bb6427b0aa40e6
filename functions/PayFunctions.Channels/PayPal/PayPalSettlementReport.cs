using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using PayFunctions.Domain;

namespace PayFunctions.Channels.PayPal;

/// <summary>
/// PayPal's Settlement Report (the SFTP report <c>STL-yyyymmdd.sequence.version.CSV</c>): a report header (RH), file
/// header (FH), then per account section a section header (SH), the column header (CH), one body line (SB) per money
/// movement, the section footer (SF) and section count (SC), and at the end the report footer (RF; a report split
/// across files ends each file with a file footer, FF). Body lines are read by the CH line's column names; amounts are
/// unsigned hundredths of the currency unit whatever the currency ("100,00 yen and $100.00 USD are both 10000"), their
/// direction in the debit/credit columns.
/// </summary>
internal static class PayPalSettlementReport
{
    private static readonly string[] DateFormats = ["yyyy/MM/dd HH:mm:ss"];

    /// <exception cref="FormatException">The file is not a settlement report, or it is damaged or cut short.</exception>
    public static async IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(statement, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        Dictionary<string, int>? columns = null;
        var inSection = false;
        var sectionRows = 0;
        string? last = null;
        var first = true;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = PayPalCsvLine.Split(line);
            var type = fields[0];
            if (first && type != "RH")
            {
                throw new FormatException("A settlement report starts with its RH line.");
            }

            first = false;
            last = type;
            switch (type)
            {
                case "RH" or "FH" or "SF" or "RF" or "FF" or "RC":
                    break;
                case "SH":
                    inSection = true;
                    sectionRows = 0;
                    columns = null;
                    break;
                case "CH":
                    columns = ColumnsOf(fields);
                    break;
                case "SB" when inSection && columns is not null:
                    sectionRows++;
                    yield return Read(fields, columns);
                    break;
                case "SC":
                    if (!inSection || fields.Count < 2 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count != sectionRows)
                    {
                        throw new FormatException("A section's SC count does not match its SB lines.");
                    }

                    inSection = false;
                    break;
                default:
                    throw new FormatException($"Line type '{type}' is not one of the settlement report's.");
            }
        }

        if (last is not ("RF" or "FF") || inSection)
        {
            throw new FormatException("The settlement report is cut short: it does not end with its footer.");
        }
    }

    private static Dictionary<string, int> ColumnsOf(IReadOnlyList<string> header)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < header.Count; i++)
        {
            // The published samples write "Transaction  Debit or Credit" with two spaces: names are compared with single spaces.
            columns.TryAdd(string.Join(' ', header[i].Split(' ', StringSplitOptions.RemoveEmptyEntries)), i);
        }

        return columns;
    }

    private static ChannelStatementLine Read(IReadOnlyList<string> fields, Dictionary<string, int> columns)
    {
        string Field(string name) =>
            columns.TryGetValue(name, out var index) && index < fields.Count ? fields[index].Trim() : throw new FormatException($"An SB line has no '{name}'.");

        var code = Field("Transaction Event Code");
        var direction = Field("Transaction Debit or Credit");
        var currency = Field("Gross Transaction Currency");
        var gross = Amount(Field("Gross Transaction Amount"), currency);
        var feeText = Field("Fee Amount");
        var fee = feeText.Length == 0 ? Money.Zero(gross.Currency) : Amount(feeText, Field("Fee Currency") is { Length: > 0 } feeCurrency ? feeCurrency : currency);
        if (fee.Currency != gross.Currency)
        {
            throw new FormatException("An SB line's fee is in another currency than its amount.");
        }

        var type = TypeOf(code, direction);
        var invoice = NullIfEmpty(Field("Invoice ID"));
        var custom = NullIfEmpty(Field("Custom Field"));
        var completed = Field("Transaction Completion Date");
        return new ChannelStatementLine(
            type,
            Field("Transaction ID"),
            type == ChannelStatementLineType.Refund ? custom : invoice,
            type == ChannelStatementLineType.Refund ? invoice : null,
            gross,
            fee,
            Date(completed.Length > 0 ? completed : Field("Transaction Initiation Date")));
    }

    // T00xx payments received (a debit is money the account sent), T01xx fees, T04xx withdrawals to the bank, T1107 a
    // merchant's refund; reversals, chargebacks, holds and the rest are adjustments.
    private static ChannelStatementLineType TypeOf(string code, string direction) => code switch
    {
        _ when code.StartsWith("T00", StringComparison.Ordinal) => direction == "CR" ? ChannelStatementLineType.Payment : ChannelStatementLineType.Adjustment,
        _ when code.StartsWith("T01", StringComparison.Ordinal) => ChannelStatementLineType.Fee,
        _ when code.StartsWith("T04", StringComparison.Ordinal) => ChannelStatementLineType.Payout,
        "T1107" => ChannelStatementLineType.Refund,
        _ when code.Length == 5 && code[0] == 'T' && code[1..].All(char.IsAsciiDigit) => ChannelStatementLineType.Adjustment,
        _ => throw new FormatException($"'{code}' is not a transaction event code."),
    };

    private static Money Amount(string hundredths, string code)
    {
        if (!Currency.TryParse(code, out var currency))
        {
            throw new FormatException($"Currency '{code}' is not one the platform supports.");
        }

        if (hundredths.Length == 0 || !long.TryParse(hundredths, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException("An amount is not an unsigned number.");
        }

        return currency.MinorUnitDigits switch
        {
            2 => new Money(value, currency),
            < 2 when value % PayPalAmounts.Pow10(2 - currency.MinorUnitDigits) == 0 => new Money(value / PayPalAmounts.Pow10(2 - currency.MinorUnitDigits), currency),
            > 2 => new Money(checked(value * PayPalAmounts.Pow10(currency.MinorUnitDigits - 2)), currency),
            _ => throw new FormatException($"A {code} amount has a fraction the currency does not have."),
        };
    }

    private static DateTimeOffset Date(string text)
    {
        // "2016/05/06 11:47:34 -0700": the offset is written without a colon.
        var space = text.LastIndexOf(' ');
        if (space < 0 || !DateTime.TryParseExact(text[..space], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || !TryOffset(text[(space + 1)..], out var offset))
        {
            throw new FormatException($"'{text}' is not a report date.");
        }

        return new DateTimeOffset(local, offset);
    }

    private static bool TryOffset(string text, out TimeSpan offset)
    {
        offset = default;
        if (text.Length != 5 || text[0] is not ('+' or '-') || !int.TryParse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
        return true;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using PayFunctions.Domain;

namespace PayFunctions.Channels.AlipayPlus;

/// <summary>
/// Antom's settlement items report (<c>settlementItems_CONNECTWALLET_&lt;currency&gt;_&lt;batch&gt;_&lt;seq&gt;.csv</c> for Alipay+
/// wallets): UTF-8 CSV, a header line of field names, one line per settled transaction, and <c>&lt;END&gt;</c> as the last line.
/// Fields are found by name, so the optional ones may come and go. Amount values are in the currency's smallest unit, as in
/// the API.
/// </summary>
internal static class AlipayPlusSettlementItems
{
    private const string End = "<END>";

    public static async IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using var reader = new StreamReader(statement, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var header = await ReadLineAsync(reader, cancellationToken).ConfigureAwait(false) ?? throw new FormatException("The settlement items report is empty.");
        var columns = Columns(header);
        var ended = false;
        var number = 1;
        while (await ReadLineAsync(reader, cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (ended)
            {
                if (line.Length > 0)
                {
                    throw new FormatException($"Line {number} follows {End}.");
                }

                continue;
            }

            if (line.Trim() == End)
            {
                ended = true;
                continue;
            }

            if (line.Length > 0)
            {
                yield return columns.Read(Fields(line, number), number);
            }
        }

        if (!ended)
        {
            throw new FormatException($"The settlement items report does not end with {End}: it is truncated.");
        }
    }

    /// <summary>A line, or a <see cref="FormatException"/> for bytes that are not UTF-8 (the decoder's own exception says nothing of the file).</summary>
    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("The settlement items report is not UTF-8.", e);
        }
    }

    private static ColumnMap Columns(string header)
    {
        var names = Fields(header.TrimStart('\uFEFF'), 1);
        if (names.Select(name => name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
        {
            throw new FormatException("The settlement items report names a column twice.");
        }

        var index = names.Select((name, i) => (name.Trim(), i)).ToDictionary(p => p.Item1, p => p.i, StringComparer.OrdinalIgnoreCase);
        int Required(string name) => index.TryGetValue(name, out var i) ? i : throw new FormatException($"The settlement items report has no {name} column.");
        int? Optional(string name) => index.TryGetValue(name, out var i) ? i : null;
        return new ColumnMap(
            Required("transactionId"),
            Required("transactionRequestId"),
            Required("transactionType"),
            Required("transactionAmountValue"),
            Required("transactionCurrency"),
            Optional("transactionTime") ?? Required("paymentTime"),
            Optional("feeAmountValue"),
            Optional("feeCurrency"),
            names.Count);
    }

    // CSV as RFC 4180 writes it: commas, fields optionally quoted with doubled quotes inside.
    private static List<string> Fields(string line, int number)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"Line {number} has an unterminated quote.");
        }

        fields.Add(field.ToString());
        return fields;
    }

    private sealed record ColumnMap(
        int TransactionId, int RequestId, int Type, int Amount, int Currency, int Time, int? Fee, int? FeeCurrency, int Count)
    {
        public ChannelStatementLine Read(List<string> fields, int number)
        {
            if (fields.Count != Count)
            {
                throw new FormatException($"Line {number} has {fields.Count} fields, the header {Count}.");
            }

            string At(int i) => fields[i].Trim();
            var currency = Domain.Currency.TryParse(At(Currency), out var parsed) ? parsed : throw new FormatException($"Line {number}: unknown currency '{At(Currency)}'.");
            var amount = new Money(Minor(At(Amount), number), currency);
            var fee = Fee is { } feeAt && At(feeAt).Length > 0 && (FeeCurrency is not { } feeCurrencyAt || string.Equals(At(feeCurrencyAt), currency.Code, StringComparison.OrdinalIgnoreCase))
                ? new Money(Minor(At(feeAt), number), currency)
                : new Money(0, currency);
            var bookedAt = DateTimeOffset.TryParse(At(Time), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? time
                : throw new FormatException($"Line {number}: unreadable time '{At(Time)}'.");
            var requestId = At(RequestId);

            // A refund line names the refund's request id; a cancel (a payment given back whole) and a payment name the payment's.
            return At(Type).ToUpperInvariant() switch
            {
                "PAYMENT" or "CAPTURE" => new ChannelStatementLine(ChannelStatementLineType.Payment, At(TransactionId), requestId, null, amount, fee, bookedAt),
                "REFUND" => new ChannelStatementLine(ChannelStatementLineType.Refund, At(TransactionId), null, requestId, amount, fee, bookedAt),
                "CANCEL" => new ChannelStatementLine(ChannelStatementLineType.Refund, At(TransactionId), requestId, null, amount, fee, bookedAt),
                _ => new ChannelStatementLine(ChannelStatementLineType.Adjustment, At(TransactionId), null, null, amount, fee, bookedAt),
            };
        }

        // Amounts are signed in some reports (refunds negative); the line's type carries the direction.
        private static long Minor(string value, int number)
        {
            var digits = value.StartsWith('-') ? value[1..] : value;
            return digits.Length is > 0 and <= 16 && digits.All(char.IsAsciiDigit)
                ? long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)
                : throw new FormatException($"Line {number}: unreadable amount '{value}'.");
        }
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using PayFunctions.Domain;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// WeChat Pay's daily trade bill (交易账单, bill_type ALL) as "下载账单" serves it: UTF-8, a header line of column names, one
/// line per payment or refund whose every field starts with a backtick (so a spreadsheet keeps long ids as text), then the
/// summary header (总交易单数,...) and one summary line, also backtick-prefixed. Columns are found by name, as WeChat Pay asks
/// ("the order of the columns is not fixed"). Amounts are yuan with two decimals; 手续费 has five, but WeChat Pay charges whole
/// fen (each order's fee is rounded), so a fee with a fraction of a fen is refused rather than rounded here. The summary is
/// checked against the lines read: a bill cut short or edited after it was written is refused.
/// </summary>
internal static class WeChatPayTradeBill
{
    private const char Mark = '`';
    private const int MaxIdLength = 64;
    private const int MaxAmountDigits = 15;

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private static readonly string[] SummaryColumns = ["总交易单数", "应结订单总金额", "退款总金额", "充值券退款总金额", "手续费总金额", "订单总金额", "申请退款总金额"];

    /// <exception cref="FormatException">The file is not a trade bill, or it is damaged or cut short.</exception>
    public static async IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using var reader = new StreamReader(statement, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var header = await ReadLineAsync(reader, cancellationToken).ConfigureAwait(false) ?? throw new FormatException("The trade bill is empty.");
        var columns = Columns.Of(header.TrimStart('\uFEFF'));
        var totals = new Totals();
        var inSummary = false;
        string[]? summary = null;
        var number = 1;
        while (await ReadLineAsync(reader, cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            if (summary is not null)
            {
                throw new FormatException($"Line {number} follows the summary line.");
            }

            if (inSummary)
            {
                summary = Fields(line, number, SummaryColumns.Length);
            }
            else if (line[0] == Mark)
            {
                yield return columns.Read(Fields(line, number, columns.Count), number, totals);
            }
            else if (line.Split(',').Select(name => name.Trim()).SequenceEqual(SummaryColumns))
            {
                inSummary = true;
            }
            else
            {
                throw new FormatException($"Line {number} is neither a bill line nor the summary header.");
            }
        }

        totals.Check(summary ?? throw new FormatException("The trade bill has no summary line: it is cut short."));
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
            throw new FormatException("The trade bill is not UTF-8.", e);
        }
    }

    // Every field starts with the mark, so fields are split at ",`": a comma inside a product name or attach stays in its field.
    private static string[] Fields(string line, int number, int count)
    {
        if (line[0] != Mark)
        {
            throw new FormatException($"Line {number}: its fields do not start with '{Mark}'.");
        }

        var fields = line[1..].Split("," + Mark);
        return fields.Length == count ? fields : throw new FormatException($"Line {number} has {fields.Length} fields, its header {count}.");
    }

    /// <summary>Yuan with exactly two decimals (optionally negative), as fen.</summary>
    private static long Fen(string text, string where) => Scaled(text, 2, 2, where).Value;

    /// <summary>
    /// Yuan with two to five decimals, in hundred-thousandths of a yuan (the fee column's precision), so that fees add up
    /// exactly to their total.
    /// </summary>
    private static long FeeUnits(string text, string where)
    {
        var (value, decimals) = Scaled(text, 2, 5, where);
        return value * Pow10(5 - decimals);
    }

    private static (long Value, int Decimals) Scaled(string text, int minDecimals, int maxDecimals, string where)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        var point = digits.IndexOf('.');
        var decimals = point < 0 ? -1 : digits.Length - point - 1;
        if (point < 1 || decimals < minDecimals || decimals > maxDecimals || digits.Length > MaxAmountDigits + 1
            || !long.TryParse(digits[..point], NumberStyles.None, CultureInfo.InvariantCulture, out var whole)
            || !long.TryParse(digits[(point + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var fraction))
        {
            throw new FormatException($"{where}: '{text}' is not an amount in yuan.");
        }

        var value = (whole * Pow10(decimals)) + fraction;
        return (text.StartsWith('-') ? -value : value, decimals);
    }

    private static long Pow10(int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    /// <summary>The columns this reader needs, by position in the header.</summary>
    private sealed record Columns(
        int Count, int Time, int TransactionId, int OutTradeNo, int TradeState, int Currency, int Settlement, int RefundId, int OutRefundNo,
        int Refund, int RechargeRefund, int RefundStatus, int Fee, int Total, int RequestedRefund)
    {
        public static Columns Of(string header)
        {
            var names = header.Split(',').Select(name => name.Trim()).ToList();
            if (names[0].StartsWith(Mark) || names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            {
                throw new FormatException("The trade bill does not start with its header line of distinct column names.");
            }

            int At(string name) => names.IndexOf(name) is >= 0 and var i ? i : throw new FormatException($"The trade bill has no {name} column.");
            return new Columns(
                names.Count, At("交易时间"), At("微信订单号"), At("商户订单号"), At("交易状态"), At("货币种类"), At("应结订单金额"), At("微信退款单号"),
                At("商户退款单号"), At("退款金额"), At("充值券退款金额"), At("退款状态"), At("手续费"), At("订单金额"), At("申请退款金额"));
        }

        public ChannelStatementLine Read(string[] fields, int number, Totals totals)
        {
            var currency = Domain.Currency.TryParse(fields[Currency], out var parsed) && parsed.MinorUnitDigits == 2
                ? parsed
                : throw new FormatException($"Line {number}: '{fields[Currency]}' is not a currency of yuan and fen.");
            var where = $"Line {number}";
            var feeUnits = FeeUnits(fields[Fee], where);
            if (feeUnits % 1000 != 0)
            {
                throw new FormatException($"Line {number}: the fee '{fields[Fee]}' has a fraction of a fen.");
            }

            var settlement = Fen(fields[Settlement], where);
            var refund = Fen(fields[Refund], where);
            var rechargeRefund = Fen(fields[RechargeRefund], where);
            var total = Fen(fields[Total], where);
            var requestedRefund = Fen(fields[RequestedRefund], where);
            totals.Add(settlement, refund, rechargeRefund, feeUnits, total, requestedRefund);

            var fee = new Money(feeUnits / 1000, currency);
            // Beijing time written without its offset; the first hours of year 1 have no UTC instant to stand for.
            var bookedAt = DateTime.TryParseExact(fields[Time], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                && local >= DateTime.MinValue + ChinaStandardTime
                    ? new DateTimeOffset(local, ChinaStandardTime)
                    : throw new FormatException($"Line {number}: '{fields[Time]}' is not a time of the bill.");
            var outTradeNo = Id(fields[OutTradeNo], "商户订单号", number);

            // A refund line carries the refund's own amounts and ids, and the fee given back as a negative fee; a refund that did
            // not go through (ABNORMAL, CLOSED), and a payment revoked after it succeeded, moved no money the ordinary way.
            return fields[TradeState] switch
            {
                "SUCCESS" => new ChannelStatementLine(
                    ChannelStatementLineType.Payment, Id(fields[TransactionId], "微信订单号", number), outTradeNo, null, new Money(total, currency), fee, bookedAt),
                "REFUND" => new ChannelStatementLine(
                    fields[RefundStatus] is "SUCCESS" or "PROCESSING" ? ChannelStatementLineType.Refund : ChannelStatementLineType.Adjustment,
                    Id(fields[RefundId], "微信退款单号", number),
                    outTradeNo,
                    Id(fields[OutRefundNo], "商户退款单号", number),
                    new Money(requestedRefund, currency),
                    fee,
                    bookedAt),
                "REVOKED" => new ChannelStatementLine(
                    ChannelStatementLineType.Adjustment, Id(fields[TransactionId], "微信订单号", number), outTradeNo, null, new Money(total, currency), fee, bookedAt),
                _ => throw new FormatException($"Line {number}: '{fields[TradeState]}' is not a trade state of the bill."),
            };
        }

        // Ids become reconciliation keys: WeChat Pay's and the merchant's numbers are short runs of letters, digits and _-|*@.
        private static string Id(string value, string column, int number) =>
            value.Length is > 0 and <= MaxIdLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '|' or '*' or '@' or '.')
                ? value
                : throw new FormatException($"Line {number}: {column} '{value}' is not an id.");
    }

    /// <summary>What the lines add up to, checked against the summary line.</summary>
    private sealed class Totals
    {
        private const string Where = "The summary line";

        private long _count;
        private long _settlement;
        private long _refund;
        private long _rechargeRefund;
        private long _feeUnits;
        private long _total;
        private long _requestedRefund;

        public void Add(long settlement, long refund, long rechargeRefund, long feeUnits, long total, long requestedRefund)
        {
            try
            {
                checked
                {
                    _count++;
                    _settlement += settlement;
                    _refund += refund;
                    _rechargeRefund += rechargeRefund;
                    _feeUnits += feeUnits;
                    _total += total;
                    _requestedRefund += requestedRefund;
                }
            }
            catch (OverflowException e)
            {
                throw new FormatException("The trade bill's amounts add up beyond any real day.", e);
            }
        }

        public void Check(string[] summary)
        {
            var count = long.TryParse(summary[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new FormatException($"The summary's 总交易单数 '{summary[0]}' is not a count.");
            (string Name, long Stated, long Read)[] checks =
            [
                (SummaryColumns[0], count, _count),
                (SummaryColumns[1], Fen(summary[1], Where), _settlement),
                (SummaryColumns[2], Fen(summary[2], Where), _refund),
                (SummaryColumns[3], Fen(summary[3], Where), _rechargeRefund),
                (SummaryColumns[4], FeeUnits(summary[4], Where), _feeUnits),
                (SummaryColumns[5], Fen(summary[5], Where), _total),
                (SummaryColumns[6], Fen(summary[6], Where), _requestedRefund),
            ];
            foreach (var (name, stated, read) in checks)
            {
                if (stated != read)
                {
                    throw new FormatException($"The summary's {name} does not match the lines read: the bill is damaged or cut short.");
                }
            }
        }
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Alipay;

/// <summary>
/// The detail file of Alipay's trade bill (<c>{pid}_{yyyyMMdd}_业务明细.csv</c> in the zip that bill_download_url serves): GBK,
/// four <c>#</c> header lines (the title, 账号, 起始日期/终止日期, the 业务明细列表 rule), the line of column names, one line per
/// payment (业务类型 交易) or refund (退款) whose fields Alipay pads with tabs, then the 业务明细列表结束 rule, 交易合计 and
/// 退款合计 (count, 商家实收 and 商家优惠 of each kind) and 导出时间. Columns are found by name; the totals are checked against
/// the lines read, so a file cut short or edited after it was written is refused.
/// <para>
/// A refund line repeats the payment's 支付宝交易号 (Alipay gives a refund no id of its own) with its amounts negative, and
/// carries the merchant's out_request_no in 退款批次号/请求号. 服务费 is taken as Alipay writes it: what it charged on a payment,
/// negative on a refund for the fee it gives back, which is the sign <see cref="ChannelStatementLine.Fee"/> has.
/// </para>
/// </summary>
internal static partial class AlipayTradeBill
{
    private const int MaxIdLength = 64;
    private const int MaxAmountDigits = 15;
    private const string Payment = "交易";
    private const string Refund = "退款";

    /// <summary>GBK, which Alipay writes its bill files (and the names of the zip's entries) in; invalid bytes throw.</summary>
    internal static readonly Encoding Gbk = CreateGbk();

    /// <exception cref="FormatException">The file is not a detail file of Alipay's trade bill, or it is damaged or cut short.</exception>
    public static async IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using var reader = new StreamReader(statement, Gbk, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var number = 0;
        async Task<string> NextAsync(string expected)
        {
            number++;
            return await ReadLineAsync(reader, cancellationToken).ConfigureAwait(false)
                ?? throw new FormatException($"The bill ends before its {expected}: it is cut short.");
        }

        if (await NextAsync("title").ConfigureAwait(false) != "#支付宝业务明细查询")
        {
            throw new FormatException("The file does not start with the title of Alipay's 业务明细.");
        }

        Expect(await NextAsync("account line").ConfigureAwait(false), "#账号：[", number);
        Expect(await NextAsync("dates line").ConfigureAwait(false), "#起始日期：[", number);
        if (Rule(await NextAsync("list rule").ConfigureAwait(false)) != "业务明细列表")
        {
            throw new FormatException($"Line {number} is not the 业务明细列表 rule.");
        }

        var columns = Columns.Of(await NextAsync("column names").ConfigureAwait(false));
        var payments = new Totals();
        var refunds = new Totals();
        while (true)
        {
            var line = await NextAsync("end rule").ConfigureAwait(false);
            if (line.StartsWith('#'))
            {
                if (Rule(line) != "业务明细列表结束")
                {
                    throw new FormatException($"Line {number} is neither a bill line nor the 业务明细列表结束 rule.");
                }

                break;
            }

            yield return columns.Read(line, number, payments, refunds);
        }

        payments.Check(TradeTotal().Match(await NextAsync("交易合计").ConfigureAwait(false)), "交易合计");
        refunds.Check(RefundTotal().Match(await NextAsync("退款合计").ConfigureAwait(false)), "退款合计");
        Expect(await NextAsync("导出时间").ConfigureAwait(false), "#导出时间：[", number);
        while (await ReadLineAsync(reader, cancellationToken).ConfigureAwait(false) is { } trailing)
        {
            if (trailing.Length > 0)
            {
                throw new FormatException("A line follows the bill's 导出时间.");
            }
        }
    }

    private static Encoding CreateGbk()
    {
        // GBK is not built into .NET; the code-pages provider (part of the shared framework) supplies it.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>A line, or a <see cref="FormatException"/> for bytes that are not GBK (the decoder's own exception says nothing of the file).</summary>
    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("The bill is not GBK.", e);
        }
    }

    private static void Expect(string line, string start, int number)
    {
        if (!line.StartsWith(start, StringComparison.Ordinal) || !line.EndsWith(']'))
        {
            throw new FormatException($"Line {number} is not the bill's {start.Trim('#', '：', '[')} line.");
        }
    }

    // The rules are a name between runs of dashes, whose length is layout, not meaning.
    private static string Rule(string line) => line.StartsWith("#-", StringComparison.Ordinal) ? line.Trim('#', '-') : string.Empty;

    /// <summary>Yuan with exactly two decimals (optionally negative), as fen.</summary>
    private static long Fen(string text, string where)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        var point = digits.IndexOf('.');
        if (point < 1 || digits.Length - point - 1 != 2 || digits.Length > MaxAmountDigits + 1
            || !long.TryParse(digits[..point], NumberStyles.None, CultureInfo.InvariantCulture, out var whole)
            || !long.TryParse(digits[(point + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var fraction))
        {
            throw new FormatException($"{where}: '{text}' is not an amount in yuan.");
        }

        var value = (whole * 100) + fraction;
        return text.StartsWith('-') ? -value : value;
    }

    [GeneratedRegex(@"^#交易合计：(?<count>[0-9]{1,18})笔，商家实收共(?<received>-?[0-9]+\.[0-9]{2})元，商家优惠共(?<discount>-?[0-9]+\.[0-9]{2})元$", RegexOptions.CultureInvariant)]
    private static partial Regex TradeTotal();

    [GeneratedRegex(@"^#退款合计：(?<count>[0-9]{1,18})笔，商家实收退款共(?<received>-?[0-9]+\.[0-9]{2})元，商家优惠退款共(?<discount>-?[0-9]+\.[0-9]{2})元$", RegexOptions.CultureInvariant)]
    private static partial Regex RefundTotal();

    /// <summary>The columns this reader needs, by position in the line of column names.</summary>
    private sealed record Columns(
        int Count, int TradeNo, int OutTradeNo, int Kind, int CompletedAt, int Amount, int Received, int MerchantDiscount, int OutRequestNo, int Fee)
    {
        public static Columns Of(string header)
        {
            var names = header.Split(',').Select(name => name.Trim()).ToList();
            if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            {
                throw new FormatException("The bill's line of column names names a column twice.");
            }

            int At(string name) => names.IndexOf(name) is >= 0 and var i ? i : throw new FormatException($"The bill has no {name} column.");
            return new Columns(
                names.Count, At("支付宝交易号"), At("商户订单号"), At("业务类型"), At("完成时间"), At("订单金额（元）"), At("商家实收（元）"),
                At("商家优惠（元）"), At("退款批次号/请求号"), At("服务费（元）"));
        }

        public ChannelStatementLine Read(string line, int number, Totals payments, Totals refunds)
        {
            var fields = line.Split(',');
            if (fields.Length != Count)
            {
                throw new FormatException($"Line {number} has {fields.Length} fields, the line of column names {Count}.");
            }

            // Alipay pads fields with tabs (so a spreadsheet keeps long numbers as text) and sometimes spaces.
            string Field(int at) => fields[at].Trim();
            var where = $"Line {number}";
            var amount = Fen(Field(Amount), where);
            var received = Fen(Field(Received), where);
            var discount = Fen(Field(MerchantDiscount), where);
            var fee = AlipayFields.Cny(Fen(Field(Fee), where));
            var bookedAt = DateTime.TryParseExact(Field(CompletedAt), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                && local >= DateTime.MinValue + AlipayFields.ChinaStandardTime
                    ? new DateTimeOffset(local, AlipayFields.ChinaStandardTime)
                    : throw new FormatException($"Line {number}: '{Field(CompletedAt)}' is not a time of the bill.");
            var tradeNo = Id(Field(TradeNo), "支付宝交易号", number);
            var outTradeNo = Id(Field(OutTradeNo), "商户订单号", number);
            switch (Field(Kind))
            {
                case Payment when amount > 0:
                    payments.Add(received, discount);
                    return new ChannelStatementLine(ChannelStatementLineType.Payment, tradeNo, outTradeNo, null, AlipayFields.Cny(amount), fee, bookedAt);
                case Refund when amount < 0:
                    refunds.Add(received, discount);
                    return new ChannelStatementLine(
                        ChannelStatementLineType.Refund, tradeNo, outTradeNo, Id(Field(OutRequestNo), "退款批次号/请求号", number), AlipayFields.Cny(-amount), fee, bookedAt);
                case Payment or Refund:
                    throw new FormatException($"Line {number}: a {Field(Kind)} line's 订单金额 has the wrong sign.");
                default:
                    throw new FormatException($"Line {number}: '{Field(Kind)}' is not a 业务类型 of the trade bill.");
            }
        }

        // Ids become reconciliation keys: Alipay's trade numbers and the merchant's are short runs of letters, digits and _-|*@.
        private static string Id(string value, string column, int number) =>
            value.Length is > 0 and <= MaxIdLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '|' or '*' or '@' or '.')
                ? value
                : throw new FormatException($"Line {number}: {column} '{value}' is not an id.");
    }

    /// <summary>What the lines of one 业务类型 add up to, checked against its 合计 line.</summary>
    private sealed class Totals
    {
        private long _count;
        private long _received;
        private long _discount;

        public void Add(long received, long discount)
        {
            try
            {
                checked
                {
                    _count++;
                    _received += received;
                    _discount += discount;
                }
            }
            catch (OverflowException e)
            {
                throw new FormatException("The bill's amounts add up beyond any real day.", e);
            }
        }

        public void Check(Match total, string name)
        {
            if (!total.Success)
            {
                throw new FormatException($"The bill's {name} line is missing or damaged: the bill is cut short.");
            }

            var count = long.Parse(total.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            if (count != _count || Fen(total.Groups["received"].Value, name) != _received || Fen(total.Groups["discount"].Value, name) != _discount)
            {
                throw new FormatException($"The bill's {name} does not match the lines read: the bill is damaged or cut short.");
            }
        }
    }
}

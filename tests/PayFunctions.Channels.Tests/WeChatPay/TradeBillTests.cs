using System.Text;
using PayFunctions.Channels.WeChatPay;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.WeChatPay;

public sealed class TradeBillTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // An ALL trade bill as "下载账单" serves it: the header, one payment and its partial refund (every field after a
    // backtick, 手续费 with five decimals, the refund's fee given back as a negative one), the summary header and line.
    private const string Bill = """
        交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注
        `2026-03-01 10:01:00,`wx8888888888888888,`1900000109,`0,`,`4200000925202603014997714292,`S20260301100100001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`NATIVE,`SUCCESS,`OTHERS,`CNY,`60.00,`0.00,`0,`0,`0.00,`0.00,`,`,`Image形象店-深圳腾大-QQ公仔,`size=L,color=red,`0.36000,`0.60%,`60.00,`0.00,`
        `2026-03-01 16:47:58,`wx8888888888888888,`1900000109,`0,`,`4200000925202603014997714292,`S20260301100100001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`NATIVE,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`50300000012026030100000000001,`R20260301000001,`50.00,`0.00,`ORIGINAL,`SUCCESS,`Image形象店-深圳腾大-QQ公仔,`size=L,color=red,`-0.30000,`0.60%,`0.00,`50.00,`
        总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额
        `2,`60.00,`50.00,`0.00,`0.06000,`60.00,`50.00

        """;

    [Fact]
    public async Task Reads_the_payment_and_the_refund_with_their_own_ids_amounts_and_fees_in_Beijing_time()
    {
        var lines = await ReadAsync(Bill);

        Assert.Equal(
            [
                new ChannelStatementLine(
                    ChannelStatementLineType.Payment, "4200000925202603014997714292", "S20260301100100001", null, Cny(6000), Cny(36),
                    new DateTimeOffset(2026, 3, 1, 10, 1, 0, Beijing)),
                new ChannelStatementLine(
                    ChannelStatementLineType.Refund, "50300000012026030100000000001", "S20260301100100001", "R20260301000001", Cny(5000), Cny(-30),
                    new DateTimeOffset(2026, 3, 1, 16, 47, 58, Beijing)),
            ],
            lines);
    }

    [Fact]
    public async Task Reads_columns_by_their_names_and_accepts_a_byte_order_mark()
    {
        var reordered = Bill
            .Replace("交易时间,公众账号ID,", "公众账号ID,交易时间,", StringComparison.Ordinal)
            .Replace("`2026-03-01 10:01:00,`wx8888888888888888,", "`wx8888888888888888,`2026-03-01 10:01:00,", StringComparison.Ordinal)
            .Replace("`2026-03-01 16:47:58,`wx8888888888888888,", "`wx8888888888888888,`2026-03-01 16:47:58,", StringComparison.Ordinal);

        var lines = await ReadAsync("\uFEFF" + reordered);

        Assert.Equal(await ReadAsync(Bill), lines);
    }

    [Theory]
    [InlineData("`NATIVE,`SUCCESS,", "`NATIVE,`REVOKED,", ChannelStatementLineType.Adjustment, ChannelStatementLineType.Refund)]
    [InlineData("`ORIGINAL,`SUCCESS,", "`ORIGINAL,`ABNORMAL,", ChannelStatementLineType.Payment, ChannelStatementLineType.Adjustment)]
    [InlineData("`ORIGINAL,`SUCCESS,", "`ORIGINAL,`PROCESSING,", ChannelStatementLineType.Payment, ChannelStatementLineType.Refund)]
    public async Task A_revoked_payment_or_a_refund_that_did_not_go_through_is_an_adjustment(
        string state, string changed, ChannelStatementLineType payment, ChannelStatementLineType refund)
    {
        var lines = await ReadAsync(ReplaceFirst(Bill, state, changed));

        Assert.Equal([payment, refund], lines.Select(line => line.Type));
    }

    [Theory]
    [InlineData("交易时间,公众账号ID,", "")]
    [InlineData(",`0.60%,`60.00,", ",`60.00,")]
    [InlineData("`60.00,`0.00,`0,", "`60.0,`0.00,`0,")]
    [InlineData("`60.00,`0.00,`0,", "`6O.00,`0.00,`0,")]
    [InlineData("`2026-03-01 10:01:00,", "`2026-03-01 25:01:00,")]
    [InlineData("`2026-03-01 10:01:00,", "`2026/03/01 10:01:00,")]
    [InlineData("`2026-03-01 10:01:00,", "`0001-01-01 07:59:59,")]
    [InlineData("`0.36000,", "`0.36500,")]
    [InlineData("`CNY,", "`JPY,")]
    [InlineData("`NATIVE,`SUCCESS,", "`NATIVE,`CLOSED,")]
    [InlineData("`S20260301100100001,", "`S2026 0301,")]
    [InlineData("`4200000925202603014997714292,", "`,")]
    [InlineData("`2026-03-01 10:01:00,", "2026-03-01 10:01:00,")]
    [InlineData("`2,`60.00,", "`3,`60.00,")]
    [InlineData("`2,`60.00,", "`2,`61.00,")]
    [InlineData("`0.06000,", "`0.07000,")]
    [InlineData("`0.00,`0.06000,`60.00,`50.00", "`0.00,`0.06000,`60.00,`49.99")]
    [InlineData("`0.00,`0.06000,`60.00,`50.00", "`0.00,`0.06000,`60.00")]
    [InlineData("总交易单数,", "总交易数,")]
    public async Task A_damaged_bill_is_refused(string part, string damage) =>
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(ReplaceFirst(Bill, part, damage)));

    [Theory]
    [InlineData("总交易单数")]
    [InlineData("`2,`60.00")]
    [InlineData("`2026-03-01 16:47:58")]
    public async Task A_bill_cut_short_of_its_summary_is_refused(string cutAt) =>
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(Bill[..Bill.IndexOf(cutAt, StringComparison.Ordinal)]));

    [Fact]
    public async Task A_line_after_the_summary_is_refused() =>
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(Bill + "`2,`60.00,`50.00,`0.00,`0.06000,`60.00,`50.00\n"));

    [Fact]
    public async Task An_empty_file_or_one_that_is_not_UTF8_is_refused()
    {
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(string.Empty));
        await Assert.ThrowsAsync<FormatException>(() => ReadBytesAsync([.. Encoding.UTF8.GetBytes(Bill[..200]), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(Bill[200..])]));
    }

    [Fact]
    public void The_module_declares_statements()
    {
        Assert.True(new WeChatPayModule().Capabilities.Supports(ChannelOperations.Statements));
    }

    private static Money Cny(long fen) => new(fen, Currency.Cny);

    private static string ReplaceFirst(string text, string part, string replacement)
    {
        var at = text.IndexOf(part, StringComparison.Ordinal);
        Assert.True(at >= 0, part);
        return text[..at] + replacement + text[(at + part.Length)..];
    }

    private static Task<List<ChannelStatementLine>> ReadAsync(string bill) => ReadBytesAsync(Encoding.UTF8.GetBytes(bill));

    private static async Task<List<ChannelStatementLine>> ReadBytesAsync(byte[] bill)
    {
        using var stream = new MemoryStream(bill);
        var lines = new List<ChannelStatementLine>();
        await foreach (var line in new WeChatPayModule().ReadAsync(stream, CancellationToken.None))
        {
            lines.Add(line);
        }

        return lines;
    }
}

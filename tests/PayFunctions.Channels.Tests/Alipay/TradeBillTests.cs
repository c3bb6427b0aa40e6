using System.Text;
using PayFunctions.Channels.Alipay;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.Alipay;

public sealed class TradeBillTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // The 业务明细 file as Alipay's zip holds it (GBK): the four header lines, the column names, two payments (the second with a
    // merchant discount) and a partial refund of the first (its amounts negative, the fee given back), fields padded with tabs
    // (⇥ below), then the end rule, both totals and the export time.
    private static readonly string Bill = """
        #支付宝业务明细查询
        #账号：[20880211096256330156]
        #起始日期：[2026年03月01日 00:00:00]   终止日期：[2026年03月02日 00:00:00]
        #-----------------------------------------业务明细列表----------------------------------------
        支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注
        2026030122001458860515315453⇥,S20260301100100001⇥,交易⇥,QQ公仔,2026-03-01 10:00:51,2026-03-01 10:01:00,⇥,⇥,⇥,⇥,*津水(602***@qq.com)⇥,60.00,60.00,0.00,0.00,0.00,0.00,0.00,,0.00⇥,0.00,⇥,0.36,0.00,
        2026030122001458860515315454⇥,S20260301110000002⇥,交易⇥,QQ公仔,2026-03-01 11:00:00,2026-03-01 11:00:09,⇥,⇥,⇥,⇥,*津水(602***@qq.com)⇥,10.00,9.00,0.00,0.00,0.00,1.00,0.00,,0.00⇥,0.00,⇥,0.06,0.00,
        2026030122001458860515315453⇥,S20260301100100001⇥,退款⇥,QQ公仔,2026-03-01 10:00:51,2026-03-01 16:47:58,⇥,⇥,⇥,⇥,*津水(602***@qq.com)⇥,-50.00,-50.00,0.00,0.00,0.00,0.00,0.00,,0.00⇥,0.00,R20260301000001⇥,-0.30,0.00,
        #-----------------------------------------业务明细列表结束------------------------------------
        #交易合计：2笔，商家实收共69.00元，商家优惠共1.00元
        #退款合计：1笔，商家实收退款共-50.00元，商家优惠退款共0.00元
        #导出时间：[2026年03月02日 05:46:49]

        """.Replace('⇥', '\t');

    [Fact]
    public async Task Reads_payments_and_the_refund_with_the_merchants_numbers_amounts_and_fees_in_Beijing_time()
    {
        var lines = await ReadAsync(Bill);

        Assert.Equal(
            [
                new ChannelStatementLine(
                    ChannelStatementLineType.Payment, "2026030122001458860515315453", "S20260301100100001", null, Cny(6000), Cny(36),
                    new DateTimeOffset(2026, 3, 1, 10, 1, 0, Beijing)),
                new ChannelStatementLine(
                    ChannelStatementLineType.Payment, "2026030122001458860515315454", "S20260301110000002", null, Cny(1000), Cny(6),
                    new DateTimeOffset(2026, 3, 1, 11, 0, 9, Beijing)),
                new ChannelStatementLine(
                    ChannelStatementLineType.Refund, "2026030122001458860515315453", "S20260301100100001", "R20260301000001", Cny(5000), Cny(-30),
                    new DateTimeOffset(2026, 3, 1, 16, 47, 58, Beijing)),
            ],
            lines);
    }

    [Fact]
    public async Task Reads_columns_by_their_names_and_windows_line_ends()
    {
        var reordered = Bill
            .Replace("支付宝交易号,商户订单号,", "商户订单号,支付宝交易号,", StringComparison.Ordinal)
            .Replace("2026030122001458860515315453\t,S20260301100100001\t,", "S20260301100100001\t,2026030122001458860515315453\t,", StringComparison.Ordinal)
            .Replace("2026030122001458860515315454\t,S20260301110000002\t,", "S20260301110000002\t,2026030122001458860515315454\t,", StringComparison.Ordinal)
            .Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.Equal(await ReadAsync(Bill), await ReadAsync(reordered));
    }

    [Theory]
    [InlineData("#支付宝业务明细查询", "#支付宝账务明细查询")]
    [InlineData("#账号：[", "#账户：[")]
    [InlineData("#起始日期：[", "起始日期：[")]
    [InlineData("---业务明细列表---", "---业务明细---")]
    [InlineData("支付宝交易号,", "")]
    [InlineData("完成时间,", "完成时间,完成时间,")]
    [InlineData(",60.00,60.00,", ",60.0,60.00,")]
    [InlineData(",60.00,60.00,", ",6O.00,60.00,")]
    [InlineData(",60.00,60.00,", ",-60.00,60.00,")]
    [InlineData(",-50.00,-50.00,", ",50.00,-50.00,")]
    [InlineData("2026-03-01 10:01:00", "2026-03-01 25:01:00")]
    [InlineData("2026-03-01 10:01:00", "2026/03/01 10:01:00")]
    [InlineData("2026-03-01 10:01:00", "0001-01-01 07:59:59")]
    [InlineData("交易\t,QQ公仔,", "转账\t,QQ公仔,")]
    [InlineData("S20260301100100001\t,交易", "S2026 0301\t,交易")]
    [InlineData("2026030122001458860515315453\t,S20260301100100001\t,交易", "\t,S20260301100100001\t,交易")]
    [InlineData("R20260301000001\t,", "\t,")]
    [InlineData(",0.36,", ",0.365,")]
    [InlineData("QQ公仔,2026-03-01 11:00:00", "QQ,公仔,2026-03-01 11:00:00")]
    [InlineData("#交易合计：2笔", "#交易合计：3笔")]
    [InlineData("商家实收共69.00元", "商家实收共69.01元")]
    [InlineData("商家优惠共1.00元", "商家优惠共0.00元")]
    [InlineData("#退款合计：1笔", "#退款合计：0笔")]
    [InlineData("商家实收退款共-50.00元", "商家实收退款共-49.99元")]
    [InlineData("#导出时间：[", "#导出：[")]
    [InlineData("---业务明细列表结束---", "---业务明细列表完---")]
    public async Task A_damaged_bill_is_refused(string part, string damage) =>
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(ReplaceFirst(Bill, part, damage)));

    [Theory]
    [InlineData("#导出时间")]
    [InlineData("#退款合计")]
    [InlineData("#---------------------------------------")]
    [InlineData("2026030122001458860515315453\t,S20260301100100001\t,退款")]
    [InlineData("支付宝交易号")]
    [InlineData("#账号")]
    public async Task A_bill_cut_short_is_refused(string cutAt) =>
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(Bill[..Bill.LastIndexOf(cutAt, StringComparison.Ordinal)]));

    [Fact]
    public async Task A_line_after_the_export_time_is_refused() =>
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(Bill + "#导出时间：[2026年03月02日 05:46:49]\n"));

    [Fact]
    public async Task An_empty_file_or_one_that_is_not_GBK_is_refused()
    {
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(string.Empty));
        var gbk = Gbk(Bill);
        await Assert.ThrowsAsync<FormatException>(() => ReadBytesAsync([.. gbk[..300], 0x81, 0x20, .. gbk[300..]]));
    }

    [Fact]
    public async Task A_bill_written_in_UTF8_is_refused() =>
        await Assert.ThrowsAsync<FormatException>(() => ReadBytesAsync(Encoding.UTF8.GetBytes(Bill)));

    [Fact]
    public void The_module_declares_statements()
    {
        Assert.True(new AlipayModule().Capabilities.Supports(ChannelOperations.Statements));
    }

    private static Money Cny(long fen) => new(fen, Currency.Cny);

    private static byte[] Gbk(string text) => AlipayTradeBill.Gbk.GetBytes(text);

    private static string ReplaceFirst(string text, string part, string replacement)
    {
        var at = text.IndexOf(part, StringComparison.Ordinal);
        Assert.True(at >= 0, part);
        return text[..at] + replacement + text[(at + part.Length)..];
    }

    private static Task<List<ChannelStatementLine>> ReadAsync(string bill) => ReadBytesAsync(Gbk(bill));

    private static async Task<List<ChannelStatementLine>> ReadBytesAsync(byte[] bill)
    {
        using var stream = new MemoryStream(bill);
        var lines = new List<ChannelStatementLine>();
        await foreach (var line in new AlipayModule().ReadAsync(stream, CancellationToken.None))
        {
            lines.Add(line);
        }

        return lines;
    }
}

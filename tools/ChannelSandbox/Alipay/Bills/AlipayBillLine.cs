using System.Globalization;

namespace ChannelSandbox.Alipay.Bills;

/// <summary>
/// One line of the trade bill's 业务明细: a payment (业务类型 交易) or a refund (退款, its amounts negative, the payment's 支付宝交易号
/// and the refund's out_request_no). Amounts are fen; <see cref="Fee"/> is 服务费, negative on a refund for the fee given back.
/// </summary>
public sealed record AlipayBillLine(
    string TradeNo, string OutTradeNo, string Subject, DateTimeOffset CreatedAt, DateTimeOffset CompletedAt, long Amount, long Fee, string? OutRequestNo)
{
    /// <summary>The published columns of the 业务明细, in order.</summary>
    public const string Header = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,"
        + "支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    public bool IsRefund => OutRequestNo is not null;

    /// <summary>The platform's number the line is found by: the refund's out_request_no, or the order's out_trade_no.</summary>
    public string Key => OutRequestNo ?? OutTradeNo;

    /// <summary>The sandbox's rate, 0.6 %, rounded to the fen, half up.</summary>
    public static long FeeOf(long amount) => ((amount * 6) + 500) / 1000;

    /// <summary>The line as Alipay writes it: ids and names padded with a tab so a spreadsheet keeps them as text.</summary>
    public string Render() => string.Join(',',
    [
        TradeNo + "\t", OutTradeNo + "\t", (IsRefund ? "退款" : "交易") + "\t", Text(Subject), Time(CreatedAt), Time(CompletedAt), "\t", "\t", "\t", "\t",
        "sandbox_buyer\t", Yuan(Amount), Yuan(Amount), Yuan(0), Yuan(0), Yuan(0), Yuan(0), Yuan(0), string.Empty, Yuan(0) + "\t", Yuan(0),
        (OutRequestNo ?? string.Empty) + "\t", Yuan(Fee), Yuan(0), string.Empty,
    ]);

    public static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset instant) =>
        instant.ToOffset(AlipayCrypto.Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    // The subject is free text: a comma or line break would start a field or a line of its own.
    private static string Text(string value) => new([.. value.Select(c => c is ',' or '\r' or '\n' ? ' ' : c)]);
}

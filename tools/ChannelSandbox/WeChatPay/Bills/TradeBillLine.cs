using System.Globalization;

namespace ChannelSandbox.WeChatPay.Bills;

/// <summary>
/// One line of the ALL trade bill: a payment (交易状态 SUCCESS, or REVOKED once reversed) or a refund (REFUND). Amounts are
/// in fen; <see cref="Fee"/> is negative on a refund line, the fee WeChat Pay gives back.
/// </summary>
public sealed record TradeBillLine(
    DateTimeOffset BookedAt,
    string AppId,
    string MchId,
    string? SubMchId,
    string TransactionId,
    string OutTradeNo,
    string OpenId,
    string TradeType,
    string TradeState,
    long Settlement,
    string? RefundId,
    string? OutRefundNo,
    long Refund,
    string? RefundStatus,
    string Description,
    string? Attach,
    long Fee,
    long Total,
    long RequestedRefund)
{
    /// <summary>The header line, in the published order of the ALL bill's columns.</summary>
    public const string Header = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,"
        + "微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    public const string SummaryHeader = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";

    /// <summary>The sandbox's rate for every method, as the bill writes it.</summary>
    public const string Rate = "0.60%";

    public bool IsRefund => RefundId is not null;

    /// <summary>The platform's number the line is found by: the refund's for a refund line, the order's for a payment line.</summary>
    public string Key => OutRefundNo ?? OutTradeNo;

    /// <summary>What WeChat Pay charges at <see cref="Rate"/>, rounded to the fen, half up.</summary>
    public static long FeeOf(long amount) => ((amount * 6) + 500) / 1000;

    /// <summary>The line's fields, each with the backtick WeChat Pay puts before every field of a bill line.</summary>
    public string Render() => Marked(
    [
        ChinaTime.BillFormat(BookedAt), AppId, MchId, SubMchId ?? "0", string.Empty, TransactionId, OutTradeNo, OpenId, TradeType, TradeState, "OTHERS", "CNY",
        Yuan(Settlement), Yuan(0), RefundId ?? "0", OutRefundNo ?? "0", Yuan(Refund), Yuan(0), IsRefund ? "ORIGINAL" : string.Empty, RefundStatus ?? string.Empty,
        Text(Description), Text(Attach), FeeYuan(Fee), Rate, Yuan(Total), Yuan(RequestedRefund), string.Empty,
    ]);

    public static string RenderSummary(IReadOnlyList<TradeBillLine> lines) => Marked(
    [
        lines.Count.ToString(CultureInfo.InvariantCulture),
        Yuan(lines.Sum(line => line.Settlement)),
        Yuan(lines.Sum(line => line.Refund)),
        Yuan(0),
        FeeYuan(lines.Sum(line => line.Fee)),
        Yuan(lines.Sum(line => line.Total)),
        Yuan(lines.Sum(line => line.RequestedRefund)),
    ]);

    private static string Marked(IEnumerable<string> fields) => string.Join(',', fields.Select(field => "`" + field));

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    // The fee columns carry five decimals in WeChat Pay's bills.
    private static string FeeYuan(long fen) => (fen / 100m).ToString("0.00000", CultureInfo.InvariantCulture);

    // Free text (the order's description and attach) must not break the line or start a field of its own.
    private static string Text(string? value) =>
        value is null ? string.Empty : new string([.. value.Select(c => c is '\r' or '\n' or '`' ? ' ' : c)]);
}

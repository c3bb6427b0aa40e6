using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChannelSandbox.WeChatPay.Refunds;

/// <summary>
/// The parameters of <c>POST /v3/refund/domestic/refunds</c> that define a refund; a service provider names the
/// sub-merchant whose order it refunds in <c>sub_mchid</c>.
/// </summary>
public sealed partial record RefundRequest(string OutTradeNo, string OutRefundNo, string? Reason, string? NotifyUrl, long Amount, long Total, string Currency)
{
    public string? SubMchId { get; init; }

    public static (RefundRequest? Request, WeChatPayError? Error) Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, WeChatPayError.Param("请求体必须是 JSON 对象"));
        }

        var outTradeNo = Text(body, "out_trade_no");
        var outRefundNo = Text(body, "out_refund_no");
        var reason = Text(body, "reason");
        var notifyUrl = Text(body, "notify_url");
        if (string.IsNullOrEmpty(outTradeNo))
        {
            // Refunding by transaction_id alone is documented too; this sandbox only knows orders by out_trade_no.
            return (null, WeChatPayError.Param("缺少必填参数 out_trade_no"));
        }

        if (string.IsNullOrEmpty(outRefundNo) || !OutRefundNoPattern().IsMatch(outRefundNo))
        {
            return (null, WeChatPayError.Param("out_refund_no 须为 1 到 64 位数字、大小写字母或 _-|*@"));
        }

        if (reason is { Length: > 80 })
        {
            return (null, WeChatPayError.Param("reason 长度不能超过 80 个字符"));
        }

        if (notifyUrl is not null && !PrepayRequest.IsNotifyUrl(notifyUrl))
        {
            return (null, WeChatPayError.Param("notify_url 须为不带查询参数的绝对 URL"));
        }

        if (!body.TryGetProperty("amount", out var amount) || amount.ValueKind != JsonValueKind.Object
            || !Fen(amount, "refund", out var refund) || !Fen(amount, "total", out var total))
        {
            return (null, WeChatPayError.Param("amount.refund 与 amount.total 须为整数（单位：分）"));
        }

        if (refund < 1 || refund > total)
        {
            return (null, WeChatPayError.Param("amount.refund 须大于 0 且不大于 amount.total"));
        }

        var currency = Text(amount, "currency");
        return currency != "CNY"
            ? (null, WeChatPayError.Param("amount.currency 须为 CNY"))
            : (new RefundRequest(outTradeNo, outRefundNo, reason, notifyUrl, refund, total, currency) { SubMchId = Text(body, "sub_mchid") }, null);
    }

    private static bool Fen(JsonElement element, string name, out long fen)
    {
        fen = 0;
        return element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out fen);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"^[0-9A-Za-z_\-|*@]{1,64}$")]
    private static partial Regex OutRefundNoPattern();
}

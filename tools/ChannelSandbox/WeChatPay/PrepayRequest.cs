using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChannelSandbox.WeChatPay;

/// <summary>
/// The parameters of a Native prepay that define the order. Two requests for one out_trade_no are
/// the same order exactly when these are equal (record equality).
/// </summary>
public sealed partial record PrepayRequest(
    string AppId,
    string MchId,
    string Description,
    string OutTradeNo,
    DateTimeOffset? TimeExpire,
    string? Attach,
    string NotifyUrl,
    long Total,
    string Currency)
{
    public static (PrepayRequest? Request, WeChatPayError? Error) Parse(JsonElement body, WeChatPayIdentity identity, DateTimeOffset now)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, WeChatPayError.Param("请求体必须是 JSON 对象"));
        }

        var appId = Text(body, "appid");
        var mchId = Text(body, "mchid");
        var description = Text(body, "description");
        var outTradeNo = Text(body, "out_trade_no");
        var notifyUrl = Text(body, "notify_url");
        var attach = Text(body, "attach");
        var timeExpireText = Text(body, "time_expire");
        var amount = body.TryGetProperty("amount", out var amountElement) && amountElement.ValueKind == JsonValueKind.Object
            ? amountElement
            : (JsonElement?)null;

        var missing = new[] { ("appid", appId), ("mchid", mchId), ("description", description), ("out_trade_no", outTradeNo), ("notify_url", notifyUrl) }
            .Where(field => string.IsNullOrEmpty(field.Item2))
            .Select(field => field.Item1)
            .FirstOrDefault();
        if (missing is not null)
        {
            return (null, WeChatPayError.Param($"缺少必填参数 {missing}"));
        }

        if (amount is null)
        {
            return (null, WeChatPayError.Param("缺少必填参数 amount"));
        }

        if (appId != identity.AppId || mchId != identity.MchId)
        {
            return (null, new WeChatPayError(StatusCodes.Status400BadRequest, "APPID_MCHID_NOT_MATCH", "AppID和mch_id不匹配"));
        }

        if (description!.Length > 127)
        {
            return (null, WeChatPayError.Param("description 长度不能超过 127 个字符"));
        }

        if (!OutTradeNoPattern().IsMatch(outTradeNo!))
        {
            return (null, WeChatPayError.Param("out_trade_no 须为 6 到 32 位数字、大小写字母或 _-|*"));
        }

        if (attach is { Length: > 128 })
        {
            return (null, WeChatPayError.Param("attach 长度不能超过 128 个字符"));
        }

        if (notifyUrl!.Length > 255
            || !Uri.TryCreate(notifyUrl, UriKind.Absolute, out var notifyUri)
            || (notifyUri.Scheme != Uri.UriSchemeHttps && notifyUri.Scheme != Uri.UriSchemeHttp)
            || notifyUri.Query.Length > 0)
        {
            return (null, WeChatPayError.Param("notify_url 须为不带查询参数的绝对 URL"));
        }

        DateTimeOffset? timeExpire = null;
        if (timeExpireText is not null)
        {
            if (!Rfc3339Pattern().IsMatch(timeExpireText)
                || !DateTimeOffset.TryParse(timeExpireText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, WeChatPayError.Param("time_expire 须为 RFC 3339 格式，如 2018-06-08T10:34:56+08:00"));
            }

            if (parsed <= now)
            {
                return (null, WeChatPayError.Param("time_expire 已过期"));
            }

            timeExpire = parsed;
        }

        if (!amount.Value.TryGetProperty("total", out var total) || total.ValueKind != JsonValueKind.Number || !total.TryGetInt64(out var totalFen))
        {
            return (null, WeChatPayError.Param("amount.total 须为整数（单位：分）"));
        }

        if (totalFen < 1)
        {
            return (null, WeChatPayError.Param("amount.total 须大于等于 1"));
        }

        var currency = Text(amount.Value, "currency") ?? "CNY";
        if (currency != "CNY")
        {
            return (null, WeChatPayError.Param("amount.currency 仅支持 CNY"));
        }

        return (new PrepayRequest(appId!, mchId!, description, outTradeNo!, timeExpire, attach, notifyUrl, totalFen, currency), null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"^[0-9A-Za-z_\-|*]{6,32}$")]
    private static partial Regex OutTradeNoPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?([+-]\d{2}:\d{2}|Z)$")]
    private static partial Regex Rfc3339Pattern();
}

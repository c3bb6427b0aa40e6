using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChannelSandbox.WeChatPay;

/// <summary>
/// The parameters of a prepay (Native, JSAPI, App, H5) or payment-code order that define the order. Two requests
/// for one out_trade_no are the same order exactly when these are equal (record equality). A service provider's order
/// (partner API) names its sub-merchant: <see cref="AppId"/> and <see cref="MchId"/> are then sp_appid and sp_mchid.
/// </summary>
public sealed partial record PrepayRequest(
    TradeType TradeType,
    string AppId,
    string MchId,
    string Description,
    string OutTradeNo,
    DateTimeOffset? TimeExpire,
    string? Attach,
    string? NotifyUrl,
    long Total,
    string Currency,
    string? OpenId = null,
    string? PayerClientIp = null,
    string? AuthCode = null,
    string? SubMchId = null,
    string? SubAppId = null,
    bool SubOpenId = false)
{
    public static (PrepayRequest? Request, WeChatPayError? Error) Parse(
        TradeType tradeType, JsonElement body, WeChatPayIdentity identity, DateTimeOffset now, bool partner = false)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, WeChatPayError.Param("请求体必须是 JSON 对象"));
        }

        var (appIdField, mchIdField) = partner ? ("sp_appid", "sp_mchid") : ("appid", "mchid");
        var appId = Text(body, appIdField);
        var mchId = Text(body, mchIdField);
        var subMchId = partner ? Text(body, "sub_mchid") : "-";
        var description = Text(body, "description");
        var outTradeNo = Text(body, "out_trade_no");
        var notifyUrl = Text(body, "notify_url");
        var attach = Text(body, "attach");
        var timeExpireText = Text(body, "time_expire");
        var amount = body.TryGetProperty("amount", out var amountElement) && amountElement.ValueKind == JsonValueKind.Object
            ? amountElement
            : (JsonElement?)null;

        // A payment-code order is answered at once and never notified, so it takes no notify_url.
        var missing = new[] { (appIdField, appId), (mchIdField, mchId), ("sub_mchid", subMchId), ("description", description), ("out_trade_no", outTradeNo), ("notify_url", tradeType == TradeType.MICROPAY ? "-" : notifyUrl) }
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

        if (!AppIdsFor(tradeType, identity).Contains(appId) || mchId != identity.MchId)
        {
            return (null, new WeChatPayError(StatusCodes.Status400BadRequest, "APPID_MCHID_NOT_MATCH", "AppID和mch_id不匹配"));
        }

        if (partner && !identity.SubMerchants().Contains(subMchId))
        {
            return (null, WeChatPayError.Param("sub_mchid 与 sp_mchid 不存在受理关系"));
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

        if (notifyUrl is not null && !IsNotifyUrl(notifyUrl))
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

        var subAppId = partner ? Text(body, "sub_appid") : null;
        var (scenario, scenarioError) = ScenarioFields(tradeType, body, partner, subAppId);
        if (scenarioError is not null)
        {
            return (null, scenarioError);
        }

        return (scenario! with
        {
            AppId = appId!,
            MchId = mchId!,
            Description = description,
            OutTradeNo = outTradeNo!,
            TimeExpire = timeExpire,
            Attach = attach,
            NotifyUrl = notifyUrl,
            Total = totalFen,
            Currency = currency,
            SubMchId = partner ? subMchId : null,
            SubAppId = subAppId,
        }, null);
    }

    public static bool IsNotifyUrl(string url) =>
        url.Length <= 255
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Query.Length == 0;

    private static string[] AppIdsFor(TradeType tradeType, WeChatPayIdentity identity) => tradeType switch
    {
        TradeType.JSAPI => [identity.AppId, identity.MiniProgramAppId],
        TradeType.APP => [identity.MobileAppId],
        _ => [identity.AppId],
    };

    /// <summary>The fields one scenario requires on top of the common ones: payer, scene.</summary>
    private static (PrepayRequest? Partial, WeChatPayError? Error) ScenarioFields(TradeType tradeType, JsonElement body, bool partner, string? subAppId)
    {
        var blank = new PrepayRequest(tradeType, "", "", "", "", null, null, null, 0, "");
        var payer = Child(body, "payer");
        var scene = Child(body, "scene_info");
        switch (tradeType)
        {
            case TradeType.JSAPI when partner:
                return PartnerPayer(blank, payer, subAppId);
            case TradeType.JSAPI:
                var openId = payer is { } p ? Text(p, "openid") : null;
                return string.IsNullOrEmpty(openId)
                    ? (null, WeChatPayError.Param("缺少必填参数 payer.openid"))
                    : (blank with { OpenId = openId }, null);
            case TradeType.MWEB:
                var clientIp = scene is { } s ? Text(s, "payer_client_ip") : null;
                var h5Type = scene is { } s2 && Child(s2, "h5_info") is { } h5 ? Text(h5, "type") : null;
                if (string.IsNullOrEmpty(clientIp) || !System.Net.IPAddress.TryParse(clientIp, out _))
                {
                    return (null, WeChatPayError.Param("scene_info.payer_client_ip 须为用户的 IPv4 或 IPv6 地址"));
                }

                return h5Type is "Wap" or "iOS" or "Android"
                    ? (blank with { PayerClientIp = clientIp }, null)
                    : (null, WeChatPayError.Param("scene_info.h5_info.type 须为 Wap、iOS 或 Android"));
            case TradeType.MICROPAY:
                var authCode = payer is { } p2 ? Text(p2, "auth_code") : null;
                if (string.IsNullOrEmpty(authCode))
                {
                    return (null, WeChatPayError.Param("缺少必填参数 payer.auth_code"));
                }

                if (scene is not { } codeScene || Child(codeScene, "store_info") is null)
                {
                    return (null, WeChatPayError.Param("缺少必填参数 scene_info.store_info"));
                }

                // 18 digits starting 10 to 15 is what a WeChat payment code looks like.
                return AuthCodePattern().IsMatch(authCode)
                    ? (blank with { AuthCode = authCode }, null)
                    : (null, new WeChatPayError(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "101 每个二维码仅限使用一次，请刷新再试"));
            default:
                return (blank, null);
        }
    }

    /// <summary>A service provider's JSAPI payer: <c>sp_openid</c> under sp_appid, or <c>sub_openid</c>, which needs sub_appid.</summary>
    private static (PrepayRequest? Partial, WeChatPayError? Error) PartnerPayer(PrepayRequest blank, JsonElement? payer, string? subAppId)
    {
        var spOpenId = payer is { } p ? Text(p, "sp_openid") : null;
        var subOpenId = payer is { } q ? Text(q, "sub_openid") : null;
        if (!string.IsNullOrEmpty(subOpenId))
        {
            return string.IsNullOrEmpty(subAppId)
                ? (null, WeChatPayError.Param("传入 sub_openid 时 sub_appid 必填"))
                : (blank with { OpenId = subOpenId, SubOpenId = true }, null);
        }

        return string.IsNullOrEmpty(spOpenId)
            ? (null, WeChatPayError.Param("缺少必填参数 payer.sp_openid 或 payer.sub_openid"))
            : (blank with { OpenId = spOpenId }, null);
    }

    private static JsonElement? Child(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"^1[0-5]\d{16}$")]
    private static partial Regex AuthCodePattern();

    [GeneratedRegex(@"^[0-9A-Za-z_\-|*]{6,32}$")]
    private static partial Regex OutTradeNoPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?([+-]\d{2}:\d{2}|Z)$")]
    private static partial Regex Rfc3339Pattern();
}

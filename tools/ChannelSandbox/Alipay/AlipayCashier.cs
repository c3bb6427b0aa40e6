using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.Alipay;

/// <summary>
/// Alipay's cashier for PC-website (<c>alipay.trade.page.pay</c>) and mobile-website (<c>alipay.trade.wap.pay</c>)
/// payments: the payer's browser arrives at the gateway with the signed order, sees a minimal page and pays; the
/// trade is paid and notified, and the browser is sent to <c>return_url</c> with Alipay-signed parameters.
/// </summary>
public static class AlipayCashier
{
    public static void MapAlipayCashier(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sandbox/alipay/cashier/{out_trade_no}/pay", PayAsync);
    }

    public static async Task OpenAsync(HttpContext context, string method, IReadOnlyDictionary<string, string> parameters, DateTimeOffset now)
    {
        TradeTerms? terms = null;
        string? invalid;
        try
        {
            using var biz = JsonDocument.Parse(parameters.GetValueOrDefault("biz_content") ?? "null");
            var product = method == "alipay.trade.page.pay" ? "FAST_INSTANT_TRADE_PAY" : "QUICK_WAP_WAY";
            invalid = biz.RootElement.ValueKind != JsonValueKind.Object
                ? "biz_content 不是 JSON 对象"
                : AlipayTradeMethods.ReadTerms(biz.RootElement, parameters, product, now, out terms);
        }
        catch (JsonException)
        {
            invalid = "biz_content 不是 JSON 对象";
        }

        if (invalid is null && !Uri.TryCreate(parameters.GetValueOrDefault("return_url"), UriKind.Absolute, out _))
        {
            invalid = "return_url 须为绝对地址";
        }

        if (invalid is not null)
        {
            await WriteErrorPageAsync(context, AlipayGateway.BusinessFailed("ACQ.INVALID_PARAMETER", "参数无效: " + invalid));
            return;
        }

        var trade = context.RequestServices.GetRequiredService<AlipayTradeStore>().GetOrAdd(terms!, now, out _);
        if (trade.Terms != terms)
        {
            await WriteErrorPageAsync(context, AlipayGateway.BusinessFailed("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改"));
            return;
        }

        trade.Touch(now);
        var state = trade.Status switch
        {
            "TRADE_SUCCESS" => "<p id=\"state\">已支付 (already paid)</p>",
            "TRADE_CLOSED" => "<p id=\"state\">交易已关闭 (closed)</p>",
            _ => $"<form method=\"post\" action=\"/sandbox/alipay/cashier/{Uri.EscapeDataString(trade.Terms.OutTradeNo)}/pay\"><button id=\"pay\" type=\"submit\">确认付款 Pay</button></form>",
        };
        var html = $"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>支付宝 收银台 (sandbox)</title></head>
            <body>
            <h1>支付宝 Alipay sandbox cashier</h1>
            <p>{(method == "alipay.trade.page.pay" ? "电脑网站支付" : "手机网站支付")}</p>
            <p>商品 <span id="subject">{WebUtility.HtmlEncode(trade.Terms.Subject)}</span></p>
            <p>金额 ¥<span id="amount">{AlipayCrypto.Yuan(trade.Terms.TotalFen)}</span></p>
            <p>订单号 <span id="out_trade_no">{WebUtility.HtmlEncode(trade.Terms.OutTradeNo)}</span></p>
            {state}
            </body></html>
            """;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    public static async Task WriteErrorPageAsync(HttpContext context, Dictionary<string, object?> error)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!doctype html><html><head><meta charset=\"utf-8\"><title>支付宝 错误</title></head><body><h1>错误代码 <span id=\"sub_code\">{WebUtility.HtmlEncode(error["sub_code"]?.ToString())}</span></h1><p id=\"code\">{error["code"]}</p><p>{WebUtility.HtmlEncode(error["sub_msg"]?.ToString())}</p></body></html>",
            context.RequestAborted);
    }

    private static IResult PayAsync(
        string out_trade_no,
        AlipayTradeStore trades,
        AlipayNotificationFactory factory,
        AlipayNotificationQueue queue,
        AlipayKeys keys,
        IOptions<AlipaySandboxOptions> options,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (trades.Find(out_trade_no) is not { } trade || trade.Terms.ReturnUrl is null)
        {
            return Results.NotFound();
        }

        var outcome = trade.Pay(now, factory.Create);
        if (outcome == TradeOutcome.Closed)
        {
            return Results.Content("<!doctype html><p>交易已关闭 (closed)</p>", "text/html; charset=utf-8", statusCode: StatusCodes.Status409Conflict);
        }

        if (outcome == TradeOutcome.Done)
        {
            AlipayTradeMethods.Notify(trade, queue, now, "payment");
        }

        return Results.Redirect(ReturnUrl(trade, keys, options.Value, now));
    }

    /// <summary>The synchronous return: the trade's parameters, signed like a notification (without sign and sign_type).</summary>
    public static string ReturnUrl(AlipayTrade trade, AlipayKeys keys, AlipaySandboxOptions options, DateTimeOffset now)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["charset"] = "utf-8",
            ["out_trade_no"] = trade.Terms.OutTradeNo,
            ["method"] = trade.Terms.Product == "FAST_INSTANT_TRADE_PAY" ? "alipay.trade.page.pay.return" : "alipay.trade.wap.pay.return",
            ["total_amount"] = AlipayCrypto.Yuan(trade.Terms.TotalFen),
            ["trade_no"] = trade.TradeNo!,
            ["auth_app_id"] = options.AppId,
            ["version"] = "1.0",
            ["app_id"] = options.AppId,
            ["sign_type"] = "RSA2",
            ["seller_id"] = options.SellerId,
            ["timestamp"] = AlipayCrypto.Time(now),
        };
        parameters["sign"] = AlipayCrypto.Sign(keys.AlipayPrivateKey, AlipayCrypto.SigningString(parameters, withoutSignType: true));
        var returnUrl = trade.Terms.ReturnUrl!;
        return returnUrl + (returnUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + AlipayCrypto.FormEncode(parameters);
    }
}

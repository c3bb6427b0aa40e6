using System.Globalization;
using System.Net;
using System.Text;

namespace ChannelSandbox.UnionPay;

/// <summary>
/// The online gateway (网关支付, 01/01, bizType 000201): the payer's browser POSTs the merchant's signed form to
/// <c>frontTransReq.do</c> and gets UnionPay's payment page; paying there queues the back notification and sends
/// the browser back to <c>frontUrl</c> with the signed result, POSTed by an auto-submitting form as UnionPay does.
/// </summary>
public static class UnionPayFrontApi
{
    public static void MapUnionPayFront(this IEndpointRouteBuilder app)
    {
        app.MapPost("/gateway/api/frontTransReq.do", OpenAsync);
        app.MapPost("/sandbox/unionpay/front/{order}/pay", PayAsync);
    }

    private static async Task<IResult> OpenAsync(HttpRequest http, UnionPayGateway gateway, UnionPayStore store, TimeProvider time)
    {
        var fields = await UnionPayMessages.ReadFormAsync(http);
        if (fields is null)
        {
            return Page("报文格式错误", "<p>10 报文格式错误</p>");
        }

        if (gateway.Check(fields, query: false) is { } refused)
        {
            return Page("交易失败", $"<p>{Html(refused.Code)} {Html(refused.Message)}</p>");
        }

        if (fields["txnType"] != "01" || fields["txnSubType"] != "01" || fields["bizType"] != "000201"
            || !Uri.TryCreate(fields.GetValueOrDefault("frontUrl"), UriKind.Absolute, out _))
        {
            return Page("交易失败", "<p>10 报文格式错误：txnType/txnSubType/bizType/frontUrl</p>");
        }

        var now = time.GetUtcNow();
        var transaction = UnionPayTransaction.AwaitingPayment(fields, UnionPayStore.NewQueryId(now), qrCode: null, now);
        if (!store.TryAdd(transaction))
        {
            return Page("交易失败", "<p>12 重复交易</p>");
        }

        var amount = (transaction.Amount / 100m).ToString("F2", CultureInfo.InvariantCulture);
        var action = $"/sandbox/unionpay/front/{Uri.EscapeDataString(transaction.OrderId)}/pay";
        return Page(
            "银联在线支付",
            $"""
            <p>商户 {Html(fields["merId"])} · 订单 {Html(transaction.OrderId)} · ¥{amount}</p>
            <form method="post" action="{action}"><input type="hidden" name="result" value="success"><button type="submit">支付</button></form>
            <form method="post" action="{action}"><input type="hidden" name="result" value="insufficient_balance"><button type="submit">余额不足</button></form>
            """);
    }

    private static async Task<IResult> PayAsync(string order, HttpRequest http, UnionPayStore store, UnionPayNotifier notifier, TimeProvider time)
    {
        var form = http.HasFormContentType ? await http.ReadFormAsync(http.HttpContext.RequestAborted) : null;
        var success = form?["result"].ToString() != UnionPayFaults.InsufficientBalance;
        if (store.Find(order) is not { } transaction || !transaction.Request.TryGetValue("frontUrl", out var frontUrl))
        {
            return Page("交易失败", "<p>34 查无此交易</p>");
        }

        var now = time.GetUtcNow();
        lock (transaction.Gate)
        {
            if (transaction.State != TransactionState.AwaitingPayer || transaction.IsExpired(now))
            {
                return Page("交易失败", "<p>订单已支付或已超时</p>");
            }

            if (success)
            {
                transaction.Succeed(now);
            }
            else
            {
                transaction.Fail("64", "卡上的余额不足", now);
            }
        }

        if (success)
        {
            notifier.Notify(transaction, TimeSpan.Zero);
        }

        // The front notification carries the same signed fields as the back one.
        var inputs = new StringBuilder();
        foreach (var (key, value) in notifier.Fields(transaction))
        {
            inputs.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{Html(key)}\" value=\"{Html(value)}\">");
        }

        return Page(
            success ? "支付成功" : "支付失败",
            $"""
            <form id="back" method="post" action="{Html(frontUrl)}">{inputs}<button type="submit">返回商户</button></form>
            <script>document.getElementById("back").submit();</script>
            """);
    }

    private static string Html(string value) => WebUtility.HtmlEncode(value);

    private static IResult Page(string title, string body) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>{Html(title)}</title></head>
        <body><h1>{Html(title)}</h1>{body}</body></html>
        """,
        "text/html; charset=utf-8");
}

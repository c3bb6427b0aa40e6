using System.Text.Json;
using ChannelSandbox.WeChatPay.Notifications;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.WeChatPay;

/// <summary>
/// The API v3 payment endpoints: prepay (Native, JSAPI, App, H5), payment code, query by out_trade_no, close and reverse;
/// and a service provider's (partner API) prepay, query and close for its sub-merchants, on the same orders.
/// </summary>
public static class TransactionsApi
{
    public static void MapWeChatPayTransactions(this IEndpointRouteBuilder app)
    {
        var transactions = app.MapGroup("/v3/pay/transactions");
        transactions.MapPost("/native", (HttpRequest request, OrderStore orders, IOptions<WeChatPayIdentity> identity, TimeProvider time) =>
            PrepayAsync(TradeType.NATIVE, request, orders, identity.Value, time));
        transactions.MapPost("/jsapi", (HttpRequest request, OrderStore orders, IOptions<WeChatPayIdentity> identity, TimeProvider time) =>
            PrepayAsync(TradeType.JSAPI, request, orders, identity.Value, time));
        transactions.MapPost("/app", (HttpRequest request, OrderStore orders, IOptions<WeChatPayIdentity> identity, TimeProvider time) =>
            PrepayAsync(TradeType.APP, request, orders, identity.Value, time));
        transactions.MapPost("/h5", (HttpRequest request, OrderStore orders, IOptions<WeChatPayIdentity> identity, TimeProvider time) =>
            PrepayAsync(TradeType.MWEB, request, orders, identity.Value, time));
        transactions.MapPost("/codepay", CodePayAsync);
        transactions.MapGet("/out-trade-no/{out_trade_no}", Query);
        transactions.MapPost("/out-trade-no/{out_trade_no}/close", CloseAsync);
        transactions.MapPost("/out-trade-no/{out_trade_no}/reverse", ReverseAsync);

        var partner = app.MapGroup("/v3/pay/partner/transactions");
        foreach (var (path, tradeType) in new[] { ("/native", TradeType.NATIVE), ("/jsapi", TradeType.JSAPI), ("/app", TradeType.APP), ("/h5", TradeType.MWEB) })
        {
            partner.MapPost(path, (HttpRequest request, OrderStore orders, IOptions<WeChatPayIdentity> identity, TimeProvider time) =>
                PrepayAsync(tradeType, request, orders, identity.Value, time, partner: true));
        }

        partner.MapGet("/out-trade-no/{out_trade_no}", PartnerQuery);
        partner.MapPost("/out-trade-no/{out_trade_no}/close", PartnerCloseAsync);
    }

    private static async Task<IResult> PrepayAsync(
        TradeType tradeType, HttpRequest request, OrderStore orders, WeChatPayIdentity identity, TimeProvider time, bool partner = false)
    {
        var now = time.GetUtcNow();
        var (body, error) = await ReadJsonAsync(request);
        if (error is not null)
        {
            return error.ToResult();
        }

        using (body)
        {
            var (prepay, invalid) = PrepayRequest.Parse(tradeType, body!.RootElement, identity, now, partner);
            if (invalid is not null)
            {
                return invalid.ToResult();
            }

            var order = orders.GetOrAdd(prepay!, now);
            if (order.Request != prepay)
            {
                return WeChatPayError.OutTradeNoUsed().ToResult();
            }

            return order.State(now) switch
            {
                TradeState.SUCCESS or TradeState.REFUND => WeChatPayError.OrderPaid().ToResult(),
                TradeState.CLOSED => WeChatPayError.OrderClosed().ToResult(),
                _ => Results.Json(order.Answer, SandboxJson.Options),
            };
        }
    }

    /// <summary>
    /// A payment code is charged at once: the answer is the transaction (SUCCESS, or USERPAYING while the payer
    /// confirms), or an error after which only a query tells what happened.
    /// </summary>
    private static async Task<IResult> CodePayAsync(
        HttpRequest request, OrderStore orders, CodePayFaults faults, NotificationFactory notifications, IOptions<WeChatPayIdentity> identity, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var (body, error) = await ReadJsonAsync(request);
        if (error is not null)
        {
            return error.ToResult();
        }

        using (body)
        {
            var (prepay, invalid) = PrepayRequest.Parse(TradeType.MICROPAY, body!.RootElement, identity.Value, now);
            if (invalid is not null)
            {
                return invalid.ToResult();
            }

            var order = orders.GetOrAdd(prepay!, now);
            if (order.Request != prepay)
            {
                return WeChatPayError.OutTradeNoUsed().ToResult();
            }

            switch (faults.Take())
            {
                case CodePayFault.Success:
                    order.Pay(now, notifications.Create);
                    break;
                case CodePayFault.SystemError:
                    return new WeChatPayError(StatusCodes.Status500InternalServerError, "SYSTEM_ERROR", "系统超时，请立即调用被扫订单结果查询API，查询当前订单状态").ToResult();
                case CodePayFault.BankError:
                    return new WeChatPayError(StatusCodes.Status500InternalServerError, "BANK_ERROR", "银行系统异常，请立即调用被扫订单结果查询API，查询当前订单状态").ToResult();
                case CodePayFault.InsufficientBalance:
                    order.Fail(now);
                    return new WeChatPayError(StatusCodes.Status403Forbidden, "NOT_ENOUGH", "用户账户余额不足").ToResult();
            }

            return Results.Json(order.Transaction(now), SandboxJson.Options);
        }
    }

    private static IResult Query(string out_trade_no, string? mchid, OrderStore orders, IOptions<WeChatPayIdentity> identity, TimeProvider time)
    {
        if (string.IsNullOrEmpty(mchid))
        {
            return WeChatPayError.Param("缺少必填参数 mchid").ToResult();
        }

        var order = orders.Find(out_trade_no);
        if (order is null || mchid != identity.Value.MchId || order.Request.SubMchId is not null)
        {
            return WeChatPayError.OrderNotExist().ToResult();
        }

        return Results.Json(order.Transaction(time.GetUtcNow()), SandboxJson.Options);
    }

    /// <summary>A service provider's query: the order is found only under the sub-merchant it was placed for.</summary>
    private static IResult PartnerQuery(string out_trade_no, string? sp_mchid, string? sub_mchid, OrderStore orders, IOptions<WeChatPayIdentity> identity, TimeProvider time)
    {
        if (string.IsNullOrEmpty(sp_mchid) || string.IsNullOrEmpty(sub_mchid))
        {
            return WeChatPayError.Param("缺少必填参数 sp_mchid 或 sub_mchid").ToResult();
        }

        var order = orders.Find(out_trade_no);
        return order is null || sp_mchid != identity.Value.MchId || order.Request.SubMchId != sub_mchid
            ? WeChatPayError.OrderNotExist().ToResult()
            : Results.Json(order.Transaction(time.GetUtcNow()), SandboxJson.Options);
    }

    private static async Task<IResult> PartnerCloseAsync(string out_trade_no, HttpRequest request, OrderStore orders, IOptions<WeChatPayIdentity> identity, TimeProvider time)
    {
        var (body, error) = await ReadJsonAsync(request);
        if (error is not null)
        {
            return error.ToResult();
        }

        using (body)
        {
            var root = body!.RootElement;
            var spMchId = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("sp_mchid", out var sp) && sp.ValueKind == JsonValueKind.String ? sp.GetString() : null;
            var subMchId = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("sub_mchid", out var sub) && sub.ValueKind == JsonValueKind.String ? sub.GetString() : null;
            if (string.IsNullOrEmpty(spMchId) || string.IsNullOrEmpty(subMchId))
            {
                return WeChatPayError.Param("缺少必填参数 sp_mchid 或 sub_mchid").ToResult();
            }

            var order = orders.Find(out_trade_no);
            if (order is null || spMchId != identity.Value.MchId || order.Request.SubMchId != subMchId)
            {
                return WeChatPayError.OrderNotExist().ToResult();
            }

            return order.Close(time.GetUtcNow()) == OrderOutcome.AlreadyPaid ? WeChatPayError.OrderPaid().ToResult() : Results.NoContent();
        }
    }

    private static async Task<IResult> CloseAsync(string out_trade_no, HttpRequest request, OrderStore orders, IOptions<WeChatPayIdentity> identity, TimeProvider time)
    {
        var (order, error) = await FindForCommandAsync(out_trade_no, request, orders, identity.Value, requireAppId: false);
        if (error is not null)
        {
            return error.ToResult();
        }

        return order!.Close(time.GetUtcNow()) == OrderOutcome.AlreadyPaid
            ? WeChatPayError.OrderPaid().ToResult()
            : Results.NoContent();
    }

    private static async Task<IResult> ReverseAsync(string out_trade_no, HttpRequest request, OrderStore orders, IOptions<WeChatPayIdentity> identity, TimeProvider time)
    {
        var (order, error) = await FindForCommandAsync(out_trade_no, request, orders, identity.Value, requireAppId: true);
        if (error is not null)
        {
            return error.ToResult();
        }

        if (order!.Request.TradeType != TradeType.MICROPAY)
        {
            return new WeChatPayError(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "支付场景不适用，仅付款码支付订单可撤销").ToResult();
        }

        return order.Reverse(time.GetUtcNow()) == OrderOutcome.UserPaying
            ? new WeChatPayError(StatusCodes.Status400BadRequest, "USERPAYING", "正在支付中不能发起撤销").ToResult()
            : Results.Json(new { appid = order.Request.AppId, mchid = order.Request.MchId, out_trade_no = order.Request.OutTradeNo }, SandboxJson.Options);
    }

    /// <summary>Reads the <c>{"mchid"[, "appid"]}</c> body of close and reverse and finds the order it names.</summary>
    private static async Task<(Order? Order, WeChatPayError? Error)> FindForCommandAsync(
        string outTradeNo, HttpRequest request, OrderStore orders, WeChatPayIdentity identity, bool requireAppId)
    {
        var (body, error) = await ReadJsonAsync(request);
        if (error is not null)
        {
            return (null, error);
        }

        using (body)
        {
            var root = body!.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("mchid", out var mchid) || mchid.ValueKind != JsonValueKind.String)
            {
                return (null, WeChatPayError.Param("缺少必填参数 mchid"));
            }

            if (requireAppId && (!root.TryGetProperty("appid", out var appId) || appId.ValueKind != JsonValueKind.String))
            {
                return (null, WeChatPayError.Param("缺少必填参数 appid"));
            }

            var order = orders.Find(outTradeNo);
            return order is null || mchid.GetString() != identity.MchId || order.Request.SubMchId is not null
                ? (null, WeChatPayError.OrderNotExist())
                : (order, null);
        }
    }

    private static async Task<(JsonDocument? Body, WeChatPayError? Error)> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return (await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted), null);
        }
        catch (JsonException)
        {
            return (null, WeChatPayError.Param("请求体不是合法的 JSON"));
        }
    }
}

using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.WeChatPay;

/// <summary>The API v3 Native payment endpoints: prepay, query by out_trade_no, close.</summary>
public static class TransactionsApi
{
    public static void MapWeChatPayTransactions(this IEndpointRouteBuilder app)
    {
        var transactions = app.MapGroup("/v3/pay/transactions");
        transactions.MapPost("/native", PrepayAsync);
        transactions.MapGet("/out-trade-no/{out_trade_no}", Query);
        transactions.MapPost("/out-trade-no/{out_trade_no}/close", CloseAsync);
    }

    private static async Task<IResult> PrepayAsync(HttpRequest request, OrderStore orders, IOptions<WeChatPayIdentity> identity, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var (body, error) = await ReadJsonAsync(request);
        if (error is not null)
        {
            return error.ToResult();
        }

        using (body)
        {
            var (prepay, invalid) = PrepayRequest.Parse(body!.RootElement, identity.Value, now);
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
                TradeState.SUCCESS => WeChatPayError.OrderPaid().ToResult(),
                TradeState.CLOSED => WeChatPayError.OrderClosed().ToResult(),
                _ => Results.Json(new { code_url = order.CodeUrl }, SandboxJson.Options),
            };
        }
    }

    private static IResult Query(string out_trade_no, string? mchid, OrderStore orders, IOptions<WeChatPayIdentity> identity, TimeProvider time)
    {
        if (string.IsNullOrEmpty(mchid))
        {
            return WeChatPayError.Param("缺少必填参数 mchid").ToResult();
        }

        var order = orders.Find(out_trade_no);
        if (order is null || mchid != identity.Value.MchId)
        {
            return WeChatPayError.OrderNotExist().ToResult();
        }

        return Results.Json(order.Transaction(time.GetUtcNow()), SandboxJson.Options);
    }

    private static async Task<IResult> CloseAsync(string out_trade_no, HttpRequest request, OrderStore orders, IOptions<WeChatPayIdentity> identity, TimeProvider time)
    {
        var (body, error) = await ReadJsonAsync(request);
        if (error is not null)
        {
            return error.ToResult();
        }

        using (body)
        {
            var root = body!.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("mchid", out var mchid)
                || mchid.ValueKind != JsonValueKind.String)
            {
                return WeChatPayError.Param("缺少必填参数 mchid").ToResult();
            }

            var order = orders.Find(out_trade_no);
            if (order is null || mchid.GetString() != identity.Value.MchId)
            {
                return WeChatPayError.OrderNotExist().ToResult();
            }

            return order.Close(time.GetUtcNow()) == OrderOutcome.AlreadyPaid
                ? WeChatPayError.OrderPaid().ToResult()
                : Results.NoContent();
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

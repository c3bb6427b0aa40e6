using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.WeChatPay.Refunds;

/// <summary>The API v3 domestic refund endpoints: refund a paid order, query a refund by out_refund_no.</summary>
public static class RefundsApi
{
    public static void MapWeChatPayRefunds(this IEndpointRouteBuilder app)
    {
        var refunds = app.MapGroup("/v3/refund/domestic/refunds");
        refunds.MapPost("/", RefundAsync);
        refunds.MapGet("/{out_refund_no}", Query);
    }

    private static async Task<IResult> RefundAsync(
        HttpRequest request,
        OrderStore orders,
        RefundStore refunds,
        RefundSettlement settlement,
        IOptions<WeChatPayIdentity> identity,
        TimeProvider time)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return WeChatPayError.Param("请求体不是合法的 JSON").ToResult();
        }

        using (body)
        {
            var (refundRequest, invalid) = RefundRequest.Parse(body.RootElement);
            if (invalid is not null)
            {
                return invalid.ToResult();
            }

            // A sub-merchant's order is refunded only with its sub_mchid, a direct merchant's only without one.
            if (orders.Find(refundRequest!.OutTradeNo) is not { } order || order.Request.SubMchId != refundRequest.SubMchId)
            {
                return new WeChatPayError(StatusCodes.Status404NotFound, "RESOURCE_NOT_EXISTS", "订单不存在").ToResult();
            }

            var known = refunds.Find(refundRequest.OutRefundNo);
            var (refund, outcome) = order.Refund(refundRequest, time.GetUtcNow(), identity.Value.RefundDelay, known is null ? refunds.TakeFate() : default);
            switch (outcome)
            {
                case RefundOutcome.NotPaid:
                    return new WeChatPayError(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "订单未支付，不能发起退款").ToResult();
                case RefundOutcome.TotalMismatch:
                    return WeChatPayError.Param("amount.total 与订单金额不一致").ToResult();
                case RefundOutcome.NotEnough:
                    return new WeChatPayError(StatusCodes.Status403Forbidden, "NOT_ENOUGH", "退款金额超过订单可退金额").ToResult();
            }

            if (known is null)
            {
                refunds.Add(refund!);
                settlement.Schedule(refund!);
            }

            return Results.Json(refund!.View(), SandboxJson.Options);
        }
    }

    private static IResult Query(string out_refund_no, string? sub_mchid, RefundStore refunds, RefundSettlement settlement)
    {
        if (refunds.Find(out_refund_no) is not { } refund || refund.Request.SubMchId != sub_mchid)
        {
            return new WeChatPayError(StatusCodes.Status404NotFound, "RESOURCE_NOT_EXISTS", "退款单不存在").ToResult();
        }

        settlement.Settle(refund);
        return Results.Json(refund.View(), SandboxJson.Options);
    }
}

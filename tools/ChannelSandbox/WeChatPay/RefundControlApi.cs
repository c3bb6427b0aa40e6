using ChannelSandbox.WeChatPay.Refunds;

namespace ChannelSandbox.WeChatPay;

/// <summary>
/// Refunds on demand: make the next ones end ABNORMAL or without their notification, fail one still processing,
/// show one and its notifications.
/// </summary>
public static class RefundControlApi
{
    private const int MaxFaults = 100;

    public static void MapWeChatPayRefundControl(this IEndpointRouteBuilder app)
    {
        var refunds = app.MapGroup("/sandbox/wechat_pay/refunds");
        refunds.MapPost("/fail_next", (HttpRequest request, RefundStore store) => NextAsync(request, "fail_next", store.FailNext));
        refunds.MapPost("/silence_next", (HttpRequest request, RefundStore store) => NextAsync(request, "silence_next", store.SilenceNext));
        refunds.MapGet("/{out_refund_no}", Show);
        refunds.MapPost("/{out_refund_no}/fail", Fail);
    }

    /// <summary>Arms a fault for the next <c>times</c> refunds (default 1; 0 disarms it).</summary>
    private static async Task<IResult> NextAsync(HttpRequest request, string fault, Action<int> arm)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<NextCommand>(request, request.HttpContext.RequestAborted);
        var times = command?.Times ?? 1;
        if (!valid || times is < 0 or > MaxFaults)
        {
            return SandboxControlApi.Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", $"Expected {{\"times\": 0..{MaxFaults}}}.");
        }

        arm(times);
        return Results.Json(new Dictionary<string, int> { [fault] = times }, SandboxJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Show(string out_refund_no, RefundStore refunds, RefundSettlement settlement)
    {
        if (refunds.Find(out_refund_no) is not { } refund)
        {
            return RefundNotFound();
        }

        settlement.Settle(refund);
        return Results.Json(View(refund), SandboxJson.Options);
    }

    private static IResult Fail(string out_refund_no, RefundStore refunds, RefundSettlement settlement)
    {
        if (refunds.Find(out_refund_no) is not { } refund)
        {
            return RefundNotFound();
        }

        settlement.Settle(refund, failNow: true);
        return refund.Status == RefundStatus.ABNORMAL
            ? Results.Json(View(refund), SandboxJson.Options)
            : SandboxControlApi.Problem(StatusCodes.Status409Conflict, "REFUND_ENDED", "The refund already ended.");
    }

    private static object View(Refund refund) => new
    {
        refund = refund.View(),
        notify_url = refund.NotifyUrl,
        notification_id = refund.Notification?.Id,
        deliveries = refund.Deliveries(),
    };

    private static IResult RefundNotFound() =>
        SandboxControlApi.Problem(StatusCodes.Status404NotFound, "RESOURCE_NOT_EXISTS", "No such out_refund_no.");

    private sealed record NextCommand(int? Times);
}

namespace ChannelSandbox.WeChatPay;

/// <summary>An error answer in the API v3 shape: an HTTP status plus <c>{"code","message"}</c>.</summary>
public sealed record WeChatPayError(int Status, string Code, string Message)
{
    public static WeChatPayError Param(string message) => new(StatusCodes.Status400BadRequest, "PARAM_ERROR", message);

    public static WeChatPayError OrderNotExist() => new(StatusCodes.Status404NotFound, "ORDER_NOT_EXIST", "订单不存在");

    // API v3 documents no code for closing a paid order; this is the v2 code for the same case.
    public static WeChatPayError OrderPaid() => new(StatusCodes.Status400BadRequest, "ORDERPAID", "订单已支付");

    public static WeChatPayError OrderClosed() => new(StatusCodes.Status400BadRequest, "ORDER_CLOSED", "订单已关闭");

    public static WeChatPayError OutTradeNoUsed() => new(StatusCodes.Status403Forbidden, "OUT_TRADE_NO_USED", "商户订单号重复");

    public IResult ToResult() => Results.Json(new { code = Code, message = Message }, SandboxJson.Options, statusCode: Status);
}

namespace ChannelSandbox.WeChatPay;

/// <summary>The <c>trade_state</c> values an order can take; the names are the wire values.</summary>
public enum TradeState
{
    NOTPAY,
    USERPAYING,
    SUCCESS,
    REFUND,
    CLOSED,
    REVOKED,
    PAYERROR,
}

public static class TradeStateText
{
    public static string Description(this TradeState state) => state switch
    {
        TradeState.SUCCESS => "支付成功",
        TradeState.REFUND => "转入退款",
        TradeState.USERPAYING => "用户支付中，需要输入密码",
        TradeState.CLOSED => "订单已关闭",
        TradeState.REVOKED => "已撤销",
        TradeState.PAYERROR => "支付失败，请重新下单支付",
        _ => "订单未支付",
    };

    /// <summary>Paid, whether or not part of it was refunded since.</summary>
    public static bool IsPaid(this TradeState state) => state is TradeState.SUCCESS or TradeState.REFUND;
}

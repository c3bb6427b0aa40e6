namespace ChannelSandbox.WeChatPay;

/// <summary>The <c>trade_state</c> values a Native order can take; the names are the wire values.</summary>
public enum TradeState
{
    NOTPAY,
    SUCCESS,
    CLOSED,
    PAYERROR,
}

public static class TradeStateText
{
    public static string Description(this TradeState state) => state switch
    {
        TradeState.SUCCESS => "支付成功",
        TradeState.CLOSED => "订单已关闭",
        TradeState.PAYERROR => "支付失败，请重新下单支付",
        _ => "订单未支付",
    };
}

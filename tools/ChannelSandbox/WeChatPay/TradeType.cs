namespace ChannelSandbox.WeChatPay;

/// <summary>The <c>trade_type</c> of an order, from the endpoint that placed it; the names are the wire values.</summary>
public enum TradeType
{
    NATIVE,
    JSAPI,
    APP,
    MWEB,
    MICROPAY,
}

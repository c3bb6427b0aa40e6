using System.Collections.Concurrent;

namespace ChannelSandbox.WeChatPay;

/// <summary>The channel's orders, in memory: a sandbox starts empty, as a fresh merchant account would.</summary>
public sealed class OrderStore
{
    private readonly ConcurrentDictionary<string, NativeOrder> _orders = new(StringComparer.Ordinal);

    /// <summary>Returns the order for the request's out_trade_no, placing it when it is new.</summary>
    public NativeOrder GetOrAdd(PrepayRequest request, DateTimeOffset now) =>
        _orders.GetOrAdd(
            request.OutTradeNo,
            static (_, state) => new NativeOrder(state.request, "weixin://wxpay/bizpayurl?pr=" + WeChatPayCrypto.RandomString(9), state.now),
            (request, now));

    public NativeOrder? Find(string outTradeNo) => _orders.GetValueOrDefault(outTradeNo);
}

using System.Collections.Concurrent;

namespace ChannelSandbox.WeChatPay;

/// <summary>The channel's orders, in memory: a sandbox starts empty, as a fresh merchant account would.</summary>
public sealed class OrderStore
{
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.Ordinal);

    /// <summary>Returns the order for the request's out_trade_no, placing it when it is new.</summary>
    public Order GetOrAdd(PrepayRequest request, DateTimeOffset now) =>
        _orders.GetOrAdd(request.OutTradeNo, static (_, state) => new Order(state.request, AnswerFor(state.request.TradeType, state.now), state.now), (request, now));

    public Order? Find(string outTradeNo) => _orders.GetValueOrDefault(outTradeNo);

    /// <summary>Every order placed so far, in no particular order.</summary>
    public IEnumerable<Order> All() => _orders.Values;

    // The shapes of the documented examples: prepay ids start "wx" and the date, H5 pages live on wx.tenpay.com.
    private static PrepayAnswer AnswerFor(TradeType tradeType, DateTimeOffset now)
    {
        var prepayId = "wx" + ChinaTime.Format(now)[..19].Replace("-", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal).Replace("T", "", StringComparison.Ordinal)
            + WeChatPayCrypto.RandomString(20).ToLowerInvariant();
        return tradeType switch
        {
            TradeType.NATIVE => new PrepayAnswer(CodeUrl: "weixin://wxpay/bizpayurl?pr=" + WeChatPayCrypto.RandomString(9)),
            TradeType.JSAPI or TradeType.APP => new PrepayAnswer(PrepayId: prepayId),
            TradeType.MWEB => new PrepayAnswer(H5Url: "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=" + prepayId + "&package=" + WeChatPayCrypto.RandomDigits(10)),
            _ => new PrepayAnswer(),
        };
    }
}

namespace PayFunctions.Channels;

/// <summary>
/// The platform's handle on an order at a channel. Channels that take the platform's order number as their own need only
/// <paramref name="OutTradeNo"/>; channels that name orders themselves (and answer queries only by their own id) get back
/// the id they gave when the order was placed.
/// </summary>
/// <param name="OutTradeNo">The platform's order number (the payment id).</param>
/// <param name="ChannelOrderId">The channel's own id of the order, from <see cref="PrepayResult.ChannelOrderId"/>; null when the channel gave none or the order was never placed.</param>
public sealed record ChannelOrderRef(string OutTradeNo, string? ChannelOrderId = null);

namespace PayFunctions.Channels;

/// <summary>What placing an order at a channel achieved.</summary>
public enum PrepayStatus
{
    /// <summary>The order is open at the channel and <see cref="PrepayResult.NextAction"/> is what the payer does.</summary>
    Placed,

    /// <summary>
    /// The order was taken and answered at once (a barcode payment): <see cref="PrepayResult.Order"/> says
    /// whether it succeeded, failed, or the payer is still confirming it.
    /// </summary>
    Answered,

    /// <summary>
    /// The channel already has this order number and refused to place it again: it was paid, or placed
    /// with other parameters. Only a query tells what happened to it; it is never a decline.
    /// </summary>
    AlreadyAtChannel,
}

/// <summary>The result of creating an order at a channel.</summary>
/// <param name="Status">Whether the order was placed now, answered at once, or already existed.</param>
/// <param name="NextAction">For a placed order, what the payer does next.</param>
/// <param name="Order">For an answered order, the channel's view of it.</param>
/// <param name="ChannelCode">For an order that already existed, the channel's answer, e.g. "ORDERPAID".</param>
public sealed record PrepayResult(PrepayStatus Status, ChannelNextAction? NextAction, ChannelOrder? Order, string? ChannelCode)
{
    /// <summary>
    /// The channel's own id of the order, for a channel that names orders itself and needs its id for every later call;
    /// the platform stores it and passes it back in <see cref="ChannelOrderRef"/>. Placing the same order again must give
    /// the same id (such channels take an idempotency key).
    /// </summary>
    public string? ChannelOrderId { get; init; }

    /// <summary>An order placed now, with what the payer does next.</summary>
    public static PrepayResult Placed(ChannelNextAction nextAction) => new(PrepayStatus.Placed, nextAction, null, null);

    /// <summary>An order the channel took and answered at once.</summary>
    public static PrepayResult Answered(ChannelOrder order) => new(PrepayStatus.Answered, null, order, null);

    /// <summary>An order number the channel already holds, with the channel's answer.</summary>
    public static PrepayResult AlreadyAtChannel(string channelCode) => new(PrepayStatus.AlreadyAtChannel, null, null, channelCode);
}

using PayFunctions.Domain;

namespace PayFunctions.Channels;

/// <summary>The channel's view of an order, as returned by a query.</summary>
/// <param name="OutTradeNo">The platform's order number.</param>
/// <param name="State">The mapped trade state.</param>
/// <param name="ChannelTradeNo">The channel's own transaction number, once one exists.</param>
/// <param name="Amount">The order amount, when the channel reports it.</param>
/// <param name="PaidAt">When the payment succeeded, when it did.</param>
public sealed record ChannelOrder(string OutTradeNo, ChannelTradeState State, string? ChannelTradeNo, Money? Amount, DateTimeOffset? PaidAt)
{
    /// <summary>What the channel reported of the payer with the order, when it reports anything.</summary>
    public ChannelPayer? Payer { get; init; }
}

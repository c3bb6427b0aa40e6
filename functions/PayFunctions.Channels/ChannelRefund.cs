using PayFunctions.Domain;

namespace PayFunctions.Channels;

/// <summary>A refund to ask a channel for.</summary>
/// <param name="OutTradeNo">The platform's order number of the paid order.</param>
/// <param name="OutRefundNo">The platform's refund number: a repeated request with it is the same refund.</param>
/// <param name="Amount">How much to give back.</param>
/// <param name="OrderAmount">The order's full amount, which some channels require alongside.</param>
/// <param name="Reason">Why, as the payer may see it.</param>
/// <param name="NotifyUrl">Where the channel posts the refund's result, for channels that notify.</param>
public sealed record ChannelRefundRequest(string OutTradeNo, string OutRefundNo, Money Amount, Money OrderAmount, string? Reason, Uri NotifyUrl)
{
    /// <summary>The channel's own id of the order, for channels that name orders themselves (see <see cref="ChannelOrderRef"/>).</summary>
    public string? ChannelOrderId { get; init; }

    /// <summary>The channel's transaction number of the paid order (e.g. the capture a refund is made against).</summary>
    public string? ChannelTradeNo { get; init; }
}

/// <summary>The state of a refund at a channel.</summary>
public enum ChannelRefundState
{
    /// <summary>Accepted and on its way; its final state comes by query or notification.</summary>
    Processing,

    /// <summary>The money is on its way back to the payer.</summary>
    Succeeded,

    /// <summary>The channel could not refund (e.g. the payer's account is closed).</summary>
    Failed,
}

/// <summary>The channel's view of a refund.</summary>
/// <param name="OutRefundNo">The platform's refund number.</param>
/// <param name="State">Where it is.</param>
/// <param name="ChannelRefundNo">The channel's own refund number, once there is one.</param>
/// <param name="Amount">The amount refunded, when the channel says.</param>
/// <param name="CompletedAt">When it reached its final state, when it did.</param>
public sealed record ChannelRefund(string OutRefundNo, ChannelRefundState State, string? ChannelRefundNo, Money? Amount, DateTimeOffset? CompletedAt);

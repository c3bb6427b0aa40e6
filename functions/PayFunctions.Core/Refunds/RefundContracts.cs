using PayFunctions.Channels;

namespace PayFunctions.Core.Refunds;

/// <summary>Everything a refund orchestration needs; the instance id is the refund id.</summary>
/// <param name="OrderAmount">The payment's full amount, which some channels require alongside the refund's.</param>
public sealed record RefundOrchestrationInput(
    string RefundId,
    string MerchantId,
    string PaymentId,
    string Channel,
    string ChannelAccount,
    long Amount,
    long OrderAmount,
    string Currency,
    string? Reason)
{
    /// <summary>The channel's own id of the order, when it names orders itself (see <see cref="ChannelOrderRef"/>).</summary>
    public string? ChannelOrderId { get; init; }

    /// <summary>The channel's transaction number of the money being refunded.</summary>
    public string? ChannelTradeNo { get; init; }

    /// <summary>The paid order as the channel's adapter is given it.</summary>
    public ChannelOrderRef Order => new(PaymentId, ChannelOrderId);
}

/// <summary>A verified statement from the channel about the refund, from its answer, a query or its notification.</summary>
/// <param name="FailureCode">For a refusal, why.</param>
public sealed record ChannelRefundEvent(ChannelRefundState State, string? ChannelRefundNo, DateTimeOffset? CompletedAt, string? FailureCode = null, string? FailureMessage = null);


public sealed record CompleteRefundInput(
    string MerchantId, string RefundId, bool Succeeded, string? ChannelRefundNo, DateTimeOffset? SucceededAt, string? FailureCode, string? FailureMessage);

public static class RefundEvents
{
    public const string ChannelNotification = "ChannelRefundNotification";

    public const string Succeeded = "refund.succeeded";
    public const string Failed = "refund.failed";

    public const string Prefix = "refund.";

    /// <summary>Stable across retries and replays, so a merchant can dedupe on it.</summary>
    public static string EventId(string refundId, string eventType) =>
        "evt_" + refundId[RefundIds.Prefix.Length..] + "_refund_" + eventType[Prefix.Length..];
}

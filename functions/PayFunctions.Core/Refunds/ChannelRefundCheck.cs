using Microsoft.Extensions.Logging;
using PayFunctions.Channels;

namespace PayFunctions.Core.Refunds;

/// <summary>
/// Turns the channel's view of a refund into an event, trusting a success only for the refund's own
/// amount: a channel that reports another amount is not believed, and the refund keeps waiting for
/// a statement that agrees (or an operator).
/// </summary>
public static partial class ChannelRefundCheck
{
    public static ChannelRefundEvent ToEvent(ChannelRefund refund, long amount, string currency, ILogger logger)
    {
        if (refund.State == ChannelRefundState.Succeeded && refund.Amount is { } reported
            && (reported.MinorUnits != amount || !string.Equals(reported.Currency.Code, currency, StringComparison.Ordinal)))
        {
            LogAmountMismatch(logger, refund.OutRefundNo, reported.MinorUnits, reported.Currency.Code, amount, currency);
            return new ChannelRefundEvent(ChannelRefundState.Processing, refund.ChannelRefundNo, null);
        }

        return refund.State == ChannelRefundState.Failed
            ? new ChannelRefundEvent(ChannelRefundState.Failed, refund.ChannelRefundNo, refund.CompletedAt, "refund_failed", "The channel could not refund the payer.")
            : new ChannelRefundEvent(refund.State, refund.ChannelRefundNo, refund.CompletedAt);
    }

    /// <summary>Whether the channel's statement may be believed for a refund of <paramref name="amount"/>.</summary>
    public static bool AmountAgrees(ChannelRefund refund, long amount, string currency) =>
        refund.Amount is not { } reported || (reported.MinorUnits == amount && string.Equals(reported.Currency.Code, currency, StringComparison.Ordinal));

    [LoggerMessage(EventId = 7502, Level = LogLevel.Critical, Message = "Channel reports refund {RefundId} as {Reported} {ReportedCurrency}, expected {Expected} {Currency}")]
    private static partial void LogAmountMismatch(ILogger logger, string refundId, long reported, string reportedCurrency, long expected, string currency);
}

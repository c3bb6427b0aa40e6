using PayFunctions.Domain;
using Stripe;
using Stripe.Checkout;

namespace PayFunctions.Channels.Stripe;

/// <summary>Stripe's session, PaymentIntent and refund statuses in the platform's terms.</summary>
internal static class StripeStates
{
    /// <summary>The order as a session (with its PaymentIntent and latest charge expanded) shows it.</summary>
    public static ChannelOrder OrderOf(string outTradeNo, Session session)
    {
        if (session.PaymentIntent is not { } intent)
        {
            // Checkout creates the PaymentIntent when the payer first confirms, so an untouched session has none.
            var total = session.AmountTotal is { } amount ? StripeAmounts.ToMoney(amount, session.Currency) : (Money?)null;
            return new ChannelOrder(outTradeNo, session.Status == "expired" ? ChannelTradeState.Closed : ChannelTradeState.NotPaid, null, total, null);
        }

        var state = StateOf(intent);
        var charge = intent.LatestCharge;
        var paidAt = state is ChannelTradeState.Succeeded or ChannelTradeState.Refunded
            ? charge?.Created ?? intent.Created
            : (DateTime?)null;
        return new ChannelOrder(
            outTradeNo,
            session.Status == "expired" && state == ChannelTradeState.NotPaid ? ChannelTradeState.Closed : state,
            intent.Id,
            StripeAmounts.ToMoney(state == ChannelTradeState.Succeeded && intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount, intent.Currency),
            paidAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null)
        {
            Payer = StripePayer.Of(charge),
        };
    }

    /// <summary>A PaymentIntent's status; a paid one whose charge was refunded (in part or in full) is <see cref="ChannelTradeState.Refunded"/>.</summary>
    public static ChannelTradeState StateOf(PaymentIntent intent) => intent.Status switch
    {
        "succeeded" when intent.LatestCharge is { AmountRefunded: > 0 } => ChannelTradeState.Refunded,
        "succeeded" => ChannelTradeState.Succeeded,
        "requires_capture" => ChannelTradeState.Authorized,
        "requires_action" or "processing" => ChannelTradeState.Paying,
        "canceled" => ChannelTradeState.Closed,

        // requires_payment_method (also after a declined attempt) and requires_confirmation: the payer may try again on the page.
        _ => ChannelTradeState.NotPaid,
    };

    /// <summary>A refund's status: pending and requires_action are on their way; failed and canceled did not happen.</summary>
    public static ChannelRefund RefundOf(string outRefundNo, Refund refund)
    {
        var state = refund.Status switch
        {
            "succeeded" => ChannelRefundState.Succeeded,
            "failed" or "canceled" => ChannelRefundState.Failed,
            _ => ChannelRefundState.Processing,
        };
        return new ChannelRefund(
            outRefundNo,
            state,
            refund.Id,
            StripeAmounts.ToMoney(refund.Amount, refund.Currency),
            state == ChannelRefundState.Processing ? null : new DateTimeOffset(DateTime.SpecifyKind(refund.Created, DateTimeKind.Utc)));
    }
}

using Stripe;

namespace PayFunctions.Channels.Stripe;

/// <summary>Refunds of a paid order's PaymentIntent, named by the platform's refund number in their metadata.</summary>
public sealed partial class StripeCardChannel
{
    // Stripe lists at most 100 objects a page; an order refunded in more parts than that is not one this platform makes.
    private const int RefundsPerPage = 100;

    /// <summary>Refunds part or all of the paid PaymentIntent, with the refund number as the idempotency key.</summary>
    public async Task<ChannelRefund> RefundAsync(ChannelRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paymentIntent = request.ChannelTradeNo
            ?? await PaymentIntentOfAsync(new ChannelOrderRef(request.OutTradeNo, request.ChannelOrderId), cancellationToken).ConfigureAwait(false);
        var options = new RefundCreateOptions
        {
            PaymentIntent = paymentIntent,
            Amount = request.Amount.MinorUnits,
            Metadata = new Dictionary<string, string> { [OutTradeNoKey] = request.OutTradeNo, [OutRefundNoKey] = request.OutRefundNo },
        };
        var refund = await CallAsync(
            () => _refunds.CreateAsync(options, new RequestOptions { IdempotencyKey = request.OutRefundNo }, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return StripeStates.RefundOf(request.OutRefundNo, refund);
    }

    /// <summary>Finds the refund among the PaymentIntent's by its <c>out_refund_no</c> metadata.</summary>
    public async Task<ChannelRefund> QueryRefundAsync(ChannelOrderRef order, string outRefundNo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrEmpty(outRefundNo);
        var paymentIntent = await PaymentIntentOfAsync(order, cancellationToken).ConfigureAwait(false);
        var options = new RefundListOptions { PaymentIntent = paymentIntent, Limit = RefundsPerPage };
        var refunds = await CallAsync(() => _refunds.ListAsync(options, null, cancellationToken), cancellationToken).ConfigureAwait(false);
        var refund = refunds.Data.FirstOrDefault(r => r.Metadata?.GetValueOrDefault(OutRefundNoKey) == outRefundNo)
            ?? throw new ChannelException($"Stripe holds no refund {outRefundNo} of {order.OutTradeNo}.", "REFUND_NOT_EXIST", 200, isTransient: false);
        return StripeStates.RefundOf(outRefundNo, refund);
    }

    private async Task<string> PaymentIntentOfAsync(ChannelOrderRef order, CancellationToken cancellationToken)
    {
        var paid = await QueryAsync(order, cancellationToken).ConfigureAwait(false);
        return paid.ChannelTradeNo
            ?? throw new ChannelException($"Order {order.OutTradeNo} has no payment at Stripe.", "PAYMENT_INTENT_NOT_FOUND", null, isTransient: false);
    }
}

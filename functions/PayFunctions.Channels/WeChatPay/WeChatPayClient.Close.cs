using System.Net;

namespace PayFunctions.Channels.WeChatPay;

// Closing an unpaid order; a refusal the adapter does not know is decided by a verified query.
public sealed partial class WeChatPayClient
{
    /// <summary>Closes the unpaid order with the platform's order number.</summary>
    public async Task<CloseOutcome> CloseAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        var response = await SendCloseAsync(outTradeNo, cancellationToken).ConfigureAwait(false);
        if (response.Status == WeChatPayTransport.NoContent)
        {
            return CloseOutcome.Closed;
        }

        // 202 USER_PAYING is documented for close: nothing was closed and the payer may still complete the payment.
        if (response.IsTransientFailure)
        {
            throw WeChatPayTransport.ToChannelException(response);
        }

        // An outcome read from an (unsigned) error body only ever leads to a query or a no-op, never to marking a payment paid.
        switch (WeChatPayTransport.TryReadError(response.Body)?.Code)
        {
            case "ORDERPAID" or "ORDER_PAID":
                return CloseOutcome.AlreadyPaid;
            case "ORDER_NOT_EXIST":
                return CloseOutcome.NotFound;
            case "ORDER_CLOSED":
                return CloseOutcome.Closed;
        }

        return response.Status == (int)HttpStatusCode.NotFound
            ? CloseOutcome.NotFound
            : await DecideCloseByQueryAsync(outTradeNo, response, cancellationToken).ConfigureAwait(false);
    }

    private Task<WeChatPayResponse> SendCloseAsync(string outTradeNo, CancellationToken cancellationToken) =>
        _transport.SendAsync(
            HttpMethod.Post, _mode.TransactionsPath + "/out-trade-no/" + Uri.EscapeDataString(outTradeNo) + "/close", _mode.CloseIdentity(), cancellationToken);

    /// <summary>
    /// A close refused with a code this adapter does not know: only the verified order state decides. An order still
    /// open gets one more close; if that is refused too, the refusal is reported as transient so the close is retried
    /// rather than the payment failed on an unsigned answer.
    /// </summary>
    private async Task<CloseOutcome> DecideCloseByQueryAsync(string outTradeNo, WeChatPayResponse refusal, CancellationToken cancellationToken)
    {
        ChannelOrder order;
        try
        {
            order = await QueryAsync(outTradeNo, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelException ex) when (ex.HttpStatus == (int)HttpStatusCode.NotFound)
        {
            return CloseOutcome.NotFound;
        }

        switch (order.State)
        {
            case ChannelTradeState.Succeeded or ChannelTradeState.Refunded:
                return CloseOutcome.AlreadyPaid;
            case ChannelTradeState.Closed:
                return CloseOutcome.Closed;
            case ChannelTradeState.NotPaid or ChannelTradeState.Failed:
                var again = await SendCloseAsync(outTradeNo, cancellationToken).ConfigureAwait(false);
                if (again.Status == WeChatPayTransport.NoContent)
                {
                    return CloseOutcome.Closed;
                }

                refusal = again;
                break;
        }

        var error = WeChatPayTransport.ToChannelException(refusal);
        throw new ChannelException($"{error.Message} (order is {order.State})", error.Code, error.HttpStatus, isTransient: true);
    }
}

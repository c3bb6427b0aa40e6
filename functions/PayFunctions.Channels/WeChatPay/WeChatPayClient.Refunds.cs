using PayFunctions.Domain;

namespace PayFunctions.Channels.WeChatPay;

// Refunds of paid orders and their queries.
public sealed partial class WeChatPayClient
{
    /// <inheritdoc />
    public async Task<ChannelRefund> RefundAsync(ChannelRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Amount.Currency != Currency.Cny || request.OrderAmount.Currency != Currency.Cny)
        {
            throw new ChannelException("WeChat Pay refunds CNY only.", "CURRENCY_NOT_SUPPORTED", null, isTransient: false);
        }

        var body = new RefundBody(
            _mode.RefundSubMchId,
            request.OutTradeNo,
            request.OutRefundNo,
            request.Reason,
            request.NotifyUrl.AbsoluteUri,
            new RefundBodyAmount(request.Amount.MinorUnits, request.OrderAmount.MinorUnits, request.Amount.Currency.Code));
        var response = await _transport.SendAsync(HttpMethod.Post, "/v3/refund/domestic/refunds", body, cancellationToken).ConfigureAwait(false);
        return ReadRefund(response);
    }

    /// <summary>Reads the state of refund <paramref name="outRefundNo"/> of the order with the platform's order number.</summary>
    public async Task<ChannelRefund> QueryRefundAsync(string outTradeNo, string outRefundNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outRefundNo);
        var response = await _transport.SendAsync(
            HttpMethod.Get, "/v3/refund/domestic/refunds/" + Uri.EscapeDataString(outRefundNo) + _mode.RefundQuery, null, cancellationToken).ConfigureAwait(false);
        return ReadRefund(response);
    }

    private static ChannelRefund ReadRefund(WeChatPayResponse response)
    {
        if (!response.IsSuccess)
        {
            throw WeChatPayTransport.ToChannelException(response);
        }

        var refund = WeChatPayTransport.ReadVerified<RefundResource>(response);
        return WeChatPayRefundFields.TryRead(refund, refund.Status, out var result)
            ? result
            : throw Malformed($"The refund response is unusable (status '{refund.Status}').", response);
    }
}

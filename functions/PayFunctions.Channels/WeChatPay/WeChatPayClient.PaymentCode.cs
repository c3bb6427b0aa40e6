using System.Net;
using System.Text.RegularExpressions;

namespace PayFunctions.Channels.WeChatPay;

// Payment-code orders: charged at once at the till, reversed when their outcome stays unclear.
public sealed partial class WeChatPayClient
{
    private const string MicroPayTradeType = "MICROPAY";

    /// <summary>
    /// Reverses a payment-code order: an unpaid one is revoked, a paid one revoked and its money returned. The order is
    /// queried first, so a reversal of a paid order reports <see cref="CloseOutcome.Reversed"/>; a payment that lands
    /// between that query and the reversal is returned to the payer all the same. WeChat Pay reverses payment-code
    /// orders only: any other order is closed instead.
    /// </summary>
    public async Task<CloseOutcome> CancelAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        ChannelOrder order;
        string? tradeType;
        try
        {
            (order, tradeType) = await QueryWithTradeTypeAsync(outTradeNo, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelException ex) when (ex.HttpStatus == (int)HttpStatusCode.NotFound)
        {
            return CloseOutcome.NotFound;
        }

        if (tradeType is not null && tradeType != MicroPayTradeType)
        {
            return await CloseAsync(outTradeNo, cancellationToken).ConfigureAwait(false);
        }

        var response = await _transport.SendAsync(
            HttpMethod.Post,
            _mode.TransactionsPath + "/out-trade-no/" + Uri.EscapeDataString(outTradeNo) + "/reverse",
            _mode.Identity(_options.AppId),
            cancellationToken).ConfigureAwait(false);
        if (response.Status == (int)HttpStatusCode.OK)
        {
            return order.State is ChannelTradeState.Succeeded or ChannelTradeState.Refunded ? CloseOutcome.Reversed : CloseOutcome.Closed;
        }

        var code = WeChatPayTransport.TryReadError(response.Body)?.Code;
        if (code is "ORDER_NOT_EXIST" || response.Status == (int)HttpStatusCode.NotFound)
        {
            return CloseOutcome.NotFound;
        }

        // The payer is still confirming: a reversal is refused until the payment ends one way or the other.
        var error = WeChatPayTransport.ToChannelException(response);
        return code is "USERPAYING" or "USER_PAYING"
            ? throw new ChannelException(error.Message, error.Code, error.HttpStatus, isTransient: true)
            : throw error;
    }

    /// <summary>
    /// Charges the payment code at once. The answer is the transaction (SUCCESS, or USERPAYING while the payer
    /// confirms, which the platform polls). After SYSTEM_ERROR, BANK_ERROR or no answer at all only the order's
    /// verified state counts, so it is queried before anything is decided.
    /// </summary>
    private async Task<PrepayResult> ChargePaymentCodeAsync(PrepayRequest request, CancellationToken cancellationToken)
    {
        if (request.PaymentCode is null || !PaymentCodePattern().IsMatch(request.PaymentCode))
        {
            throw MissingPayerDetail(request.Method, "WeChat payment code");
        }

        var body = new CodePayBody(
            _mode.Identity(_options.AppId),
            request.Description,
            request.OutTradeNo,
            request.Attach,
            new CodePayPayer(request.PaymentCode),
            new OrderAmount(request.Amount.MinorUnits, request.Amount.Currency.Code),
            new CodePaySceneInfo(new CodePayStoreInfo(_options.StoreId ?? _options.MchId)));
        WeChatPayResponse response;
        try
        {
            response = await _transport.SendAsync(HttpMethod.Post, _mode.TransactionsPath + "/codepay", body, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelException ex) when (ex.IsTransient && ex.HttpStatus is null)
        {
            return await AnsweredByQueryAsync(request.OutTradeNo, ex, cancellationToken).ConfigureAwait(false);
        }

        if (response.IsSuccess)
        {
            var transaction = WeChatPayTransport.ReadVerified<TransactionResource>(response);
            return transaction.TradeState is null && WeChatPayTransport.TryReadError(response.Body)?.Code is "USERPAYING" or "USER_PAYING"
                ? PrepayResult.Answered(new ChannelOrder(request.OutTradeNo, ChannelTradeState.Paying, null, null, null))
                : PrepayResult.Answered(ToOrder(transaction, request.OutTradeNo, response));
        }

        // An unsigned USERPAYING only ever leads to polling with verified queries.
        var code = WeChatPayTransport.TryReadError(response.Body)?.Code;
        return code switch
        {
            "USERPAYING" or "USER_PAYING" => PrepayResult.Answered(new ChannelOrder(request.OutTradeNo, ChannelTradeState.Paying, null, null, null)),
            "ORDERPAID" or "ORDER_PAID" or "OUT_TRADE_NO_USED" => PrepayResult.AlreadyAtChannel(code),
            "SYSTEM_ERROR" or "SYSTEMERROR" or "BANK_ERROR" or "BANKERROR" =>
                await AnsweredByQueryAsync(request.OutTradeNo, WeChatPayTransport.ToChannelException(response), cancellationToken).ConfigureAwait(false),
            _ when response.Status >= 500 =>
                await AnsweredByQueryAsync(request.OutTradeNo, WeChatPayTransport.ToChannelException(response), cancellationToken).ConfigureAwait(false),
            _ => throw WeChatPayTransport.ToChannelException(response),
        };
    }

    /// <summary>The order's verified state after an unclear charge; when the channel has no such order, the original failure stands.</summary>
    private async Task<PrepayResult> AnsweredByQueryAsync(string outTradeNo, ChannelException failure, CancellationToken cancellationToken)
    {
        try
        {
            return PrepayResult.Answered(await QueryAsync(outTradeNo, cancellationToken).ConfigureAwait(false));
        }
        catch (ChannelException)
        {
            throw new ChannelException(failure.Message, failure.Code, failure.HttpStatus, isTransient: true, failure);
        }
    }

    /// <summary>A WeChat payment code: 18 digits starting 10 to 15.</summary>
    [GeneratedRegex(@"^1[0-5]\d{16}$")]
    internal static partial Regex PaymentCodePattern();
}

using System.Globalization;
using System.Net;

namespace PayFunctions.Channels.WeChatPay;

// Placing Native, JSAPI, mini-program, H5 and App orders, and what their payers are handed.
public sealed partial class WeChatPayClient
{
    private static PrepayResult ToQrCode(PrepayAnswer answer, WeChatPayResponse response) =>
        string.IsNullOrEmpty(answer.CodeUrl)
            ? throw Malformed("The prepay response carries no code_url.", response)
            : PrepayResult.Placed(new DisplayQrCode(answer.CodeUrl));

    private PrepayBody Body(PrepayRequest request, string appId) => new(
        _mode.Identity(appId),
        request.Description,
        request.OutTradeNo,
        request.ExpiresAt.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        request.NotifyUrl.AbsoluteUri,
        request.Attach,
        new OrderAmount(request.Amount.MinorUnits, request.Amount.Currency.Code));

    private Task<PrepayResult> PlaceJsapiAsync(PrepayRequest request, string appId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.PayerId))
        {
            throw MissingPayerDetail(request.Method, "openid");
        }

        var body = Body(request, appId) with { Payer = _mode.Payer(appId, request.PayerId) };
        return PlaceAsync("jsapi", body, (answer, response) => PrepayResult.Placed(new UseSdk(WeChatPaySdkParameters.ForJsapi(
            _signer, appId, PrepayId(answer, response), _timeProvider.GetUtcNow().ToUnixTimeSeconds(), WeChatPayRequestSigner.CreateNonce()))), cancellationToken);
    }

    private Task<PrepayResult> PlaceAppAsync(PrepayRequest request, CancellationToken cancellationToken)
    {
        var appId = _options.MobileAppId ?? _options.AppId;
        return PlaceAsync("app", Body(request, appId), (answer, response) => PrepayResult.Placed(new UseSdk(WeChatPaySdkParameters.ForApp(
            _signer, appId, _mode.AppPartnerId, PrepayId(answer, response), _timeProvider.GetUtcNow().ToUnixTimeSeconds(), WeChatPayRequestSigner.CreateNonce()))), cancellationToken);
    }

    private Task<PrepayResult> PlaceH5Async(PrepayRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.ClientIp) || !IPAddress.TryParse(request.ClientIp, out _))
        {
            throw MissingPayerDetail(request.Method, "IP address");
        }

        var body = Body(request, _options.AppId) with { SceneInfo = new PrepaySceneInfo(request.ClientIp, new H5Info("Wap")) };
        return PlaceAsync("h5", body, (answer, response) =>
        {
            if (string.IsNullOrEmpty(answer.H5Url))
            {
                throw Malformed("The prepay response carries no h5_url.", response);
            }

            // The documented way back to the merchant: h5_url plus a URL-encoded redirect_url.
            var url = request.ReturnUrl is null ? answer.H5Url : answer.H5Url + "&redirect_url=" + Uri.EscapeDataString(request.ReturnUrl.AbsoluteUri);
            return ChannelUrls.TryParseHttpUrl(url, out var uri)
                ? PrepayResult.Placed(new RedirectToUrl(uri))
                : throw Malformed("The prepay response carries an unusable h5_url.", response);
        }, cancellationToken);
    }

    private static string PrepayId(PrepayAnswer answer, WeChatPayResponse response) =>
        string.IsNullOrEmpty(answer.PrepayId) ? throw Malformed("The prepay response carries no prepay_id.", response) : answer.PrepayId;

    private async Task<PrepayResult> PlaceAsync(
        string scenario, PrepayBody body, Func<PrepayAnswer, WeChatPayResponse, PrepayResult> placed, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(HttpMethod.Post, _mode.TransactionsPath + "/" + scenario, body, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            // A repeated order (a retried prepay) answers ORDERPAID once the payer has paid, and
            // OUT_TRADE_NO_USED if the number was placed with other parameters. Error bodies are not
            // signed, so this only ever leads to a verified query.
            return WeChatPayTransport.TryReadError(response.Body)?.Code is { } code && code is "ORDERPAID" or "ORDER_PAID" or "OUT_TRADE_NO_USED"
                ? PrepayResult.AlreadyAtChannel(code)
                : throw WeChatPayTransport.ToChannelException(response);
        }

        return placed(WeChatPayTransport.ReadVerified<PrepayAnswer>(response), response);
    }
}

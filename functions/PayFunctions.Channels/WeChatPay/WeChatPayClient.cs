using System.Text.Json;
using PayFunctions.Domain;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// WeChat Pay APIv3 for a direct merchant or a service provider's sub-merchant (Native, JSAPI, mini-program, H5, App and payment-code payments, refunds): every request
/// is signed with the merchant key, every 2xx response and every callback is verified against the configured
/// platform key it names before it is read.
/// </summary>
public sealed partial class WeChatPayClient : IPaymentChannel, IDisposable
{
    /// <summary>The channel name used across the platform.</summary>
    public const string ChannelName = "wechat_pay";

    private const string JsonMediaType = "application/json";

    private const int MaxReplyMessageLength = 64;

    private const string PayerDetailsMissing = "PAYER_DETAILS_MISSING";

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private readonly WeChatPayOptions _options;

    private readonly WeChatPayMerchantMode _mode;

    private readonly TimeProvider _timeProvider;

    private readonly WeChatPayRequestSigner _signer;

    private readonly WeChatPaySignatureVerifier _verifier;

    private readonly WeChatPayTransport _transport;

    private readonly WeChatPayNotificationParser _notificationParser;

    private readonly WeChatPayWebAuthorization _webAuthorization;

    /// <summary>Creates the client; the keys are parsed once here, so a bad PEM fails at start-up.</summary>
    /// <param name="httpClient">The transport; its lifetime (and timeout) belongs to the caller.</param>
    /// <param name="options">The merchant account settings.</param>
    /// <param name="credentials">The merchant account secrets.</param>
    /// <param name="timeProvider">The clock for request timestamps and signature freshness.</param>
    public WeChatPayClient(HttpClient httpClient, WeChatPayOptions options, WeChatPayCredentials credentials, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Validate(options);

        _options = options;
        _mode = new WeChatPayMerchantMode(options);
        _timeProvider = timeProvider;
        _signer = new WeChatPayRequestSigner(credentials.MerchantPrivateKeyPem);
        try
        {
            _verifier = new WeChatPaySignatureVerifier(
                WeChatPayPlatformKeys.Parse(credentials.PlatformPublicKeyPem, options.PlatformSerials()), options.NotificationTolerance, timeProvider);
        }
        catch
        {
            _signer.Dispose();
            throw;
        }

        _transport = new WeChatPayTransport(httpClient, options, _signer, _verifier, timeProvider);
        _notificationParser = new WeChatPayNotificationParser(options, _mode, credentials.ApiV3Key, _verifier);
        _webAuthorization = new WeChatPayWebAuthorization(httpClient, options, credentials.AppSecret);
    }

    /// <inheritdoc />
    public string Name => ChannelName;

    /// <summary>HTTP 200 with no body: the documented acknowledgement ("200 or 204, no response body needed").</summary>
    public ChannelReply SuccessReply { get; } = new(200, "text/plain; charset=utf-8", string.Empty);

    /// <summary>HTTP 500 with the documented <c>{"code":"FAIL","message":...}</c> body, which makes WeChat Pay retry.</summary>
    public ChannelReply FailureReply(string message)
    {
        var text = string.IsNullOrWhiteSpace(message) ? "FAIL" : message;
        if (text.Length > MaxReplyMessageLength)
        {
            text = text[..MaxReplyMessageLength];
        }

        return new ChannelReply(500, JsonMediaType, JsonSerializer.Serialize(new ErrorAnswer("FAIL", text), WeChatPayJson.Options));
    }

    /// <inheritdoc />
    public async Task<PrepayResult> PrepayAsync(PrepayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Amount.Currency != Currency.Cny)
        {
            throw new ChannelException($"WeChat Pay accepts CNY only, not {request.Amount.Currency}.", "CURRENCY_NOT_SUPPORTED", null, isTransient: false);
        }

        return request.Method switch
        {
            WeChatPayMethods.Native => await PlaceAsync("native", Body(request, _options.AppId), ToQrCode, cancellationToken).ConfigureAwait(false),
            WeChatPayMethods.Jsapi => await PlaceJsapiAsync(request, _options.AppId, cancellationToken).ConfigureAwait(false),
            WeChatPayMethods.MiniProgram => await PlaceJsapiAsync(request, _options.MiniProgramAppId ?? _options.AppId, cancellationToken).ConfigureAwait(false),
            WeChatPayMethods.H5 => await PlaceH5Async(request, cancellationToken).ConfigureAwait(false),
            WeChatPayMethods.App => await PlaceAppAsync(request, cancellationToken).ConfigureAwait(false),
            WeChatPayMethods.PaymentCode => await ChargePaymentCodeAsync(request, cancellationToken).ConfigureAwait(false),
            _ => throw new ChannelException($"This WeChat Pay adapter does not serve {request.Method}.", "METHOD_NOT_SUPPORTED", null, isTransient: false),
        };
    }

    // The channel takes the platform's order number as its own, so the order number is all it needs.
    Task<ChannelOrder> IPaymentChannel.QueryAsync(ChannelOrderRef order, CancellationToken cancellationToken) => QueryAsync(order.OutTradeNo, cancellationToken);

    Task<CloseOutcome> IPaymentChannel.CloseAsync(ChannelOrderRef order, CancellationToken cancellationToken) => CloseAsync(order.OutTradeNo, cancellationToken);

    Task<CloseOutcome> IPaymentChannel.CancelAsync(ChannelOrderRef order, CancellationToken cancellationToken) => CancelAsync(order.OutTradeNo, cancellationToken);

    Task<ChannelRefund> IPaymentChannel.QueryRefundAsync(ChannelOrderRef order, string outRefundNo, CancellationToken cancellationToken) =>
        QueryRefundAsync(order.OutTradeNo, outRefundNo, cancellationToken);

    /// <summary>Reads the order's state by the platform's order number.</summary>
    public async Task<ChannelOrder> QueryAsync(string outTradeNo, CancellationToken cancellationToken) =>
        (await QueryWithTradeTypeAsync(outTradeNo, cancellationToken).ConfigureAwait(false)).Order;

    private async Task<(ChannelOrder Order, string? TradeType)> QueryWithTradeTypeAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        var path = _mode.TransactionsPath + "/out-trade-no/" + Uri.EscapeDataString(outTradeNo) + _mode.OrderQuery;
        var response = await _transport.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw WeChatPayTransport.ToChannelException(response);
        }

        var transaction = WeChatPayTransport.ReadVerified<TransactionResource>(response);
        return (ToOrder(transaction, outTradeNo, response), transaction.TradeType);
    }

    /// <inheritdoc />
    public ChannelNotification ParseNotification(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return _notificationParser.Parse(headers, body);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _signer.Dispose();
        _verifier.Dispose();
    }

    private static void Validate(WeChatPayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.BaseUrl);
        if (!options.BaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("BaseUrl must be absolute.", nameof(options));
        }

        if (options.OAuthPageBaseUrl is not { IsAbsoluteUri: true } || options.OAuthApiBaseUrl is not { IsAbsoluteUri: true })
        {
            throw new ArgumentException("OAuthPageBaseUrl and OAuthApiBaseUrl must be absolute.", nameof(options));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(options.MchId);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AppId);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.MerchantSerialNo);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.PlatformSerialNo);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.NotificationTolerance, TimeSpan.Zero);
    }

    private static ChannelException Malformed(string message, WeChatPayResponse response) =>
        new(message, WeChatPayTransport.ResponseMalformed, response.Status, isTransient: false);

    private static ChannelException MissingPayerDetail(string method, string detail) =>
        new($"{method} needs the payer's {detail}.", PayerDetailsMissing, null, isTransient: false);

    private static ChannelOrder ToOrder(TransactionResource transaction, string outTradeNo, WeChatPayResponse response)
    {
        if (!WeChatPayTransactionFields.TryMapTradeState(transaction.TradeState, out var state))
        {
            throw Malformed($"Unknown trade_state '{transaction.TradeState}'.", response);
        }

        Money? amount = null;
        if (transaction.Amount?.Total is not null)
        {
            amount = WeChatPayTransactionFields.TryParseAmount(transaction.Amount, currencyRequired: false, out var parsed)
                ? parsed
                : throw Malformed("The answer carries an unusable amount.", response);
        }

        return WeChatPayTransactionFields.TryParseTime(transaction.SuccessTime, out var paidAt)
            ? new ChannelOrder(transaction.OutTradeNo ?? outTradeNo, state, transaction.TransactionId, amount, paidAt) { Payer = WeChatPayTransactionFields.PayerOf(transaction) }
            : throw Malformed("The answer carries an unusable success_time.", response);
    }
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PayFunctions.Domain;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// WeChat Pay APIv3 for a direct merchant, Native (QR code) payments: every request is signed with the merchant
/// key, every 2xx response and every callback is verified against the configured platform key before it is read.
/// </summary>
public sealed class WeChatPayClient : IPaymentChannel, IDisposable
{
    /// <summary>The channel name used across the platform.</summary>
    public const string ChannelName = "wechat_pay";

    private const string NativeMethod = "wechat_pay.native";
    private const string JsonMediaType = "application/json";
    private const string UserAgent = "PayFunctions-WeChatPay/1.0";
    private const int MaxReplyMessageLength = 64;
    private const int Accepted = 202;
    private const int NoContent = 204;
    private const string ResponseSignatureInvalid = "RESPONSE_SIGNATURE_INVALID";
    private const string ResponseMalformed = "RESPONSE_MALFORMED";

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);
    private static readonly MediaTypeHeaderValue JsonContentType = new(JsonMediaType);

    private readonly HttpClient _httpClient;
    private readonly WeChatPayOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly WeChatPayRequestSigner _signer;
    private readonly WeChatPaySignatureVerifier _verifier;
    private readonly WeChatPayNotificationParser _notificationParser;

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

        _httpClient = httpClient;
        _options = options;
        _timeProvider = timeProvider;
        _signer = new WeChatPayRequestSigner(credentials.MerchantPrivateKeyPem);
        try
        {
            _verifier = new WeChatPaySignatureVerifier(credentials.PlatformPublicKeyPem, options.PlatformSerialNo, options.NotificationTolerance, timeProvider);
        }
        catch
        {
            _signer.Dispose();
            throw;
        }

        _notificationParser = new WeChatPayNotificationParser(options, credentials.ApiV3Key, _verifier);
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
        if (request.Method != NativeMethod)
        {
            throw new ChannelException($"This WeChat Pay adapter does not serve {request.Method}.", "METHOD_NOT_SUPPORTED", null, isTransient: false);
        }

        if (request.Amount.Currency != Currency.Cny)
        {
            throw new ChannelException($"WeChat Pay Native accepts CNY only, not {request.Amount.Currency}.", "CURRENCY_NOT_SUPPORTED", null, isTransient: false);
        }

        var body = new NativePrepayBody(
            _options.AppId,
            _options.MchId,
            request.Description,
            request.OutTradeNo,
            request.ExpiresAt.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            request.NotifyUrl.AbsoluteUri,
            request.Attach,
            new OrderAmount(request.Amount.MinorUnits, request.Amount.Currency.Code));

        var response = await SendAsync(HttpMethod.Post, "/v3/pay/transactions/native", body, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            // A repeated order (a retried prepay) answers ORDERPAID once the payer has paid, and
            // OUT_TRADE_NO_USED if the number was placed with other parameters. Error bodies are not
            // signed, so this only ever leads to a verified query.
            return TryReadError(response.Body)?.Code is { } code && code is "ORDERPAID" or "ORDER_PAID" or "OUT_TRADE_NO_USED"
                ? PrepayResult.AlreadyAtChannel(code)
                : throw ToChannelException(response);
        }

        var answer = ReadVerified<NativePrepayAnswer>(response);
        return string.IsNullOrEmpty(answer.CodeUrl)
            ? throw new ChannelException("The prepay response carries no code_url.", ResponseMalformed, response.Status, isTransient: false)
            : PrepayResult.Placed(new DisplayQrCode(answer.CodeUrl));
    }

    /// <inheritdoc />
    public async Task<ChannelOrder> QueryAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        var path = "/v3/pay/transactions/out-trade-no/" + Uri.EscapeDataString(outTradeNo) + "?mchid=" + Uri.EscapeDataString(_options.MchId);
        var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw ToChannelException(response);
        }

        var transaction = ReadVerified<TransactionResource>(response);
        if (!WeChatPayTransactionFields.TryMapTradeState(transaction.TradeState, out var state))
        {
            throw new ChannelException($"Unknown trade_state '{transaction.TradeState}'.", ResponseMalformed, response.Status, isTransient: false);
        }

        Money? amount = null;
        if (transaction.Amount?.Total is not null)
        {
            amount = WeChatPayTransactionFields.TryParseAmount(transaction.Amount, currencyRequired: false, out var parsed)
                ? parsed
                : throw new ChannelException("The query response carries an unusable amount.", ResponseMalformed, response.Status, isTransient: false);
        }

        if (!WeChatPayTransactionFields.TryParseTime(transaction.SuccessTime, out var paidAt))
        {
            throw new ChannelException("The query response carries an unusable success_time.", ResponseMalformed, response.Status, isTransient: false);
        }

        return new ChannelOrder(transaction.OutTradeNo ?? outTradeNo, state, transaction.TransactionId, amount, paidAt);
    }

    /// <inheritdoc />
    public async Task<CloseOutcome> CloseAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        var path = "/v3/pay/transactions/out-trade-no/" + Uri.EscapeDataString(outTradeNo) + "/close";
        var response = await SendAsync(HttpMethod.Post, path, new CloseBody(_options.MchId), cancellationToken).ConfigureAwait(false);
        if (response.Status == NoContent)
        {
            return CloseOutcome.Closed;
        }

        // 202 USER_PAYING is documented for close: nothing was closed and the payer may still complete the payment.
        if (response.Status == Accepted)
        {
            throw ToChannelException(response);
        }

        // An outcome read from an error body only ever leads to a query or a no-op, never to marking a payment paid.
        var error = TryReadError(response.Body);
        return error?.Code switch
        {
            "ORDERPAID" or "ORDER_PAID" => CloseOutcome.AlreadyPaid,
            "ORDER_NOT_EXIST" => CloseOutcome.NotFound,
            "ORDER_CLOSED" => CloseOutcome.Closed,
            _ when response.Status == 404 => CloseOutcome.NotFound,
            _ => throw ToChannelException(response),
        };
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

        ArgumentException.ThrowIfNullOrWhiteSpace(options.MchId);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AppId);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.MerchantSerialNo);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.PlatformSerialNo);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.NotificationTolerance, TimeSpan.Zero);
    }

    private async Task<WeChatPayResponse> SendAsync(HttpMethod method, string pathAndQuery, object? payload, CancellationToken cancellationToken)
    {
        var uri = new Uri(_options.BaseUrl, pathAndQuery);
        var body = payload is null ? [] : JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), WeChatPayJson.Options);
        var timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var nonce = WeChatPayRequestSigner.CreateNonce();

        // HttpClient puts uri.PathAndQuery on the request line, so that is exactly the URL WeChat Pay re-signs.
        var signature = _signer.Sign(WeChatPayRequestSigner.BuildMessage(method.Method, uri.PathAndQuery, timestamp, nonce, Encoding.UTF8.GetString(body)));

        using var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            WeChatPayRequestSigner.Scheme + " " + WeChatPayRequestSigner.BuildAuthorizationParameter(_options.MchId, nonce, signature, timestamp, _options.MerchantSerialNo));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
        request.Headers.UserAgent.ParseAdd(UserAgent);
        if (payload is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonContentType;
        }

        try
        {
            using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var result = new WeChatPayResponse(status, responseBody);
            if (result.IsSuccess && !_verifier.TryVerify(WeChatPaySignatureHeaders.From(response.Headers), responseBody, out var failure))
            {
                throw new ChannelException($"WeChat Pay response signature rejected: {failure}.", ResponseSignatureInvalid, status, isTransient: false);
            }

            return result;
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelException("WeChat Pay could not be reached.", null, null, isTransient: true, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelException("WeChat Pay did not answer in time.", null, null, isTransient: true, ex);
        }
    }

    private static T ReadVerified<T>(WeChatPayResponse response)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(response.Body, WeChatPayJson.Options)
                ?? throw new ChannelException("WeChat Pay answered with an empty JSON document.", ResponseMalformed, response.Status, isTransient: false);
        }
        catch (JsonException ex)
        {
            throw new ChannelException("WeChat Pay answered with malformed JSON.", ResponseMalformed, response.Status, isTransient: false, ex);
        }
    }

    private static ErrorAnswer? TryReadError(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize<ErrorAnswer>(body, WeChatPayJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ChannelException ToChannelException(WeChatPayResponse response)
    {
        var error = TryReadError(response.Body);
        var isTransient = response.Status >= 500 || response.Status == 429 || response.Status == Accepted;
        var message = $"WeChat Pay answered {response.Status} {error?.Code}: {error?.Message}";
        return new ChannelException(message, error?.Code, response.Status, isTransient);
    }

    private readonly record struct WeChatPayResponse(int Status, byte[] Body)
    {
        public bool IsSuccess => Status is >= 200 and < 300;
    }
}

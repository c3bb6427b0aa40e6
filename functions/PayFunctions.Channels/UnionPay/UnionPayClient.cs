using System.Globalization;
using System.Net.Http.Headers;
using PayFunctions.Domain;

namespace PayFunctions.Channels.UnionPay;

/// <summary>
/// UnionPay online payments (全渠道, ACP 5.1.0, <c>signMethod=01</c>) for a directly connected merchant: QR codes
/// the payer scans, payment codes scanned at the till and the online gateway's card page, query, same-day void and
/// refunds. Every request is signed with the merchant's signing key; every answer and back notification is verified
/// against the UnionPay root and middle certificates before it is read.
/// </summary>
public sealed partial class UnionPayClient : IPaymentChannel, IDisposable
{
    /// <summary>The channel name used across the platform.</summary>
    public const string ChannelName = "unionpay";

    /// <summary>A QR code the payer scans with a UnionPay app (申请消费二维码).</summary>
    public const string QrMethod = "unionpay.qr";

    /// <summary>The payer's payment code scanned at the till (被扫消费).</summary>
    public const string BarcodeMethod = "unionpay.barcode";

    /// <summary>UnionPay's card payment page, reached by the payer's browser posting a signed form (网关支付).</summary>
    public const string GatewayMethod = "unionpay.gateway";

    private const string FrontTransPath = "/gateway/api/frontTransReq.do";
    private const string BackTransPath = "/gateway/api/backTransReq.do";
    private const string QueryPath = "/gateway/api/queryTrans.do";
    private const string ChinaCurrencyCode = "156";
    private const string ResponseSignatureInvalid = "RESPONSE_SIGNATURE_INVALID";
    private const string ResponseMalformed = "RESPONSE_MALFORMED";
    private const string VoidOrderPrefix = "CX";
    private const int MaxReplyMessageLength = 64;

    private static readonly MediaTypeHeaderValue FormContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded;charset=UTF-8");

    private readonly HttpClient _httpClient;
    private readonly UnionPayOptions _options;
    private readonly TimeProvider _time;
    private readonly UnionPaySigner _signer;
    private readonly UnionPayVerifier _verifier;
    private readonly UnionPayNotificationParser _notificationParser;

    /// <summary>Creates the client; keys and certificates are parsed here, so a bad PEM fails at start-up.</summary>
    /// <param name="httpClient">The transport; its lifetime (and timeout) belongs to the caller.</param>
    /// <param name="options">The merchant account settings.</param>
    /// <param name="signingPrivateKeyPem">The private key of the merchant signing certificate (<see cref="UnionPayOptions.SignCertId"/>).</param>
    /// <param name="rootCertPem">UnionPay's root certificate (acp_prod_root.cer) that UnionPay's signing certificates chain to.</param>
    /// <param name="middleCertPem">UnionPay's middle certificate (acp_prod_middle.cer) between the root and the signing certificates.</param>
    /// <param name="timeProvider">The clock for txnTime and certificate validity.</param>
    public UnionPayClient(HttpClient httpClient, UnionPayOptions options, string signingPrivateKeyPem, string rootCertPem, string middleCertPem, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Validate(options);
        _httpClient = httpClient;
        _options = options;
        _time = timeProvider;
        _signer = new UnionPaySigner(signingPrivateKeyPem, options.SignCertId);
        try
        {
            _verifier = new UnionPayVerifier(rootCertPem, middleCertPem, options.AcceptTestSigningCertificate, timeProvider);
        }
        catch
        {
            _signer.Dispose();
            throw;
        }

        _notificationParser = new UnionPayNotificationParser(options.MerId, _verifier);
    }

    /// <inheritdoc />
    public string Name => ChannelName;

    /// <summary>HTTP 200: UnionPay takes a 200 (or 302) within 10 seconds as received, whatever the body.</summary>
    public ChannelReply SuccessReply { get; } = new(200, "text/plain; charset=utf-8", "ok");

    /// <summary>HTTP 500: any status but 200 and 302 makes UnionPay send the notification again later.</summary>
    public ChannelReply FailureReply(string message)
    {
        var text = string.IsNullOrWhiteSpace(message) ? "fail" : message;
        return new ChannelReply(500, "text/plain; charset=utf-8", text.Length > MaxReplyMessageLength ? text[..MaxReplyMessageLength] : text);
    }

    /// <inheritdoc />
    public async Task<PrepayResult> PrepayAsync(PrepayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Amount.Currency != Currency.Cny)
        {
            throw new ChannelException($"UnionPay online payments take CNY only, not {request.Amount.Currency}.", "CURRENCY_NOT_SUPPORTED", null, isTransient: false);
        }

        return request.Method switch
        {
            QrMethod => await ApplyQrCodeAsync(request, cancellationToken).ConfigureAwait(false),
            BarcodeMethod => await ConsumeByPaymentCodeAsync(request, cancellationToken).ConfigureAwait(false),
            GatewayMethod => GatewayForm(request),
            _ => throw new ChannelException($"This UnionPay adapter does not serve {request.Method}.", "METHOD_NOT_SUPPORTED", null, isTransient: false),
        };
    }

    // The channel takes the platform's order number as its own, so the order number is all it needs.
    Task<ChannelOrder> IPaymentChannel.QueryAsync(ChannelOrderRef order, CancellationToken cancellationToken) => QueryAsync(order.OutTradeNo, cancellationToken);

    Task<CloseOutcome> IPaymentChannel.CloseAsync(ChannelOrderRef order, CancellationToken cancellationToken) => CloseAsync(order.OutTradeNo, cancellationToken);

    Task<CloseOutcome> IPaymentChannel.CancelAsync(ChannelOrderRef order, CancellationToken cancellationToken) => CancelAsync(order.OutTradeNo, cancellationToken);

    Task<ChannelRefund> IPaymentChannel.QueryRefundAsync(ChannelOrderRef order, string outRefundNo, CancellationToken cancellationToken) =>
        QueryRefundAsync(order.OutTradeNo, outRefundNo, cancellationToken);

    /// <summary>Reads the order's state by the platform's order number.</summary>
    public async Task<ChannelOrder> QueryAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        var answer = await QueryTransactionAsync(outTradeNo, cancellationToken).ConfigureAwait(false);
        if (answer.RespCode == UnionPayResponseCodes.NotFound)
        {
            // A QR code is not a transaction until the payer pays it, so UnionPay knows nothing of it before.
            return new ChannelOrder(outTradeNo, ChannelTradeState.NotPaid, null, null, null);
        }

        var fields = answer.Fields;
        return new ChannelOrder(
            outTradeNo,
            UnionPayResponseCodes.TradeStateOf(fields.GetValueOrDefault("origRespCode")),
            fields.GetValueOrDefault("queryId"),
            ReadAmount(fields, answer.Status),
            UnionPayOrderNumbers.CompletedAt(fields.GetValueOrDefault("traceTime"), fields.GetValueOrDefault("txnTime")))
        {
            Payer = UnionPayPayer.Of(fields),
        };
    }

    /// <summary>ACP has no close: an unscanned QR code lapses at its <c>payTimeout</c>, so the capabilities do not declare Close.</summary>
    public Task<CloseOutcome> CloseAsync(string outTradeNo, CancellationToken cancellationToken) =>
        throw new NotSupportedException("UnionPay has no close; an unpaid QR code lapses at its payTimeout.");

    /// <summary>
    /// Reverses a paid order: by void (消费撤销, txnType 31) on the day it was paid, by a refund of the full amount
    /// after. An order UnionPay does not know (an unscanned QR code) is <see cref="CloseOutcome.NotFound"/>; a failed
    /// one is <see cref="CloseOutcome.Closed"/>; one still being paid cannot be reversed yet.
    /// </summary>
    public async Task<CloseOutcome> CancelAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        var order = await QueryAsync(outTradeNo, cancellationToken).ConfigureAwait(false);
        switch (order.State)
        {
            case ChannelTradeState.NotPaid when order.ChannelTradeNo is null:
                return CloseOutcome.NotFound;
            case ChannelTradeState.Failed:
                return CloseOutcome.Closed;
            case ChannelTradeState.Succeeded when order.ChannelTradeNo is not null && order.Amount is not null:
                break;
            default:
                throw new ChannelException("The payment is still in progress at UnionPay; cancel it once it has an outcome.", "USER_PAYING", null, isTransient: true);
        }

        var backUrl = _options.BackUrl
            ?? throw new ChannelException("Cancelling a paid UnionPay order needs the account's BackUrl setting.", "BACK_URL_NOT_CONFIGURED", null, isTransient: false);
        var now = _time.GetUtcNow();
        var orderId = UnionPayOrderNumbers.ToOrderId(outTradeNo);
        var sameDay = UnionPayOrderNumbers.TxnTime(outTradeNo)[..8] == UnionPayOrderNumbers.FormatChinaTime(now)[..8];
        var fields = TransactionFields(sameDay ? UnionPayTransactionTypes.Void : UnionPayTransactionTypes.Refund, UnionPayTransactionTypes.DefaultSubType);
        fields["orderId"] = VoidOrderPrefix + orderId;
        fields["txnTime"] = UnionPayOrderNumbers.FormatChinaTime(now);
        fields["txnAmt"] = order.Amount!.Value.MinorUnits.ToString(CultureInfo.InvariantCulture);
        fields["currencyCode"] = ChinaCurrencyCode;
        fields["backUrl"] = backUrl.AbsoluteUri;
        fields["origQryId"] = order.ChannelTradeNo!;
        fields["reqReserved"] = orderId;
        var answer = await SendAsync(BackTransPath, fields, cancellationToken).ConfigureAwait(false);

        // The reversal's order number derives from the payment's, so 12 (repeated) means an earlier cancel was
        // taken; 45 says the payment is already reversed.
        return UnionPayResponseCodes.IsSuccess(answer.RespCode) || UnionPayResponseCodes.IsPending(answer.RespCode)
            || answer.RespCode is UnionPayResponseCodes.Duplicate or UnionPayResponseCodes.AlreadyReversed
            ? CloseOutcome.Reversed
            : throw Refused(answer);
    }

    /// <summary>
    /// Asks for a refund (退货, txnType 04) of part or all of a paid order. UnionPay only accepts it here; the result
    /// comes by back notification to <see cref="ChannelRefundRequest.NotifyUrl"/> and by query, so the answer is
    /// <see cref="ChannelRefundState.Processing"/>. The original order number travels in <c>reqReserved</c>, which
    /// UnionPay echoes in the notification.
    /// </summary>
    public async Task<ChannelRefund> RefundAsync(ChannelRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Amount.Currency != Currency.Cny || !request.Amount.IsPositive)
        {
            throw new ChannelException("UnionPay refunds a positive CNY amount.", "AMOUNT_INVALID", null, isTransient: false);
        }

        var origOrderId = UnionPayOrderNumbers.ToOrderId(request.OutTradeNo);
        var fields = TransactionFields(UnionPayTransactionTypes.Refund, UnionPayTransactionTypes.DefaultSubType);
        fields["orderId"] = UnionPayOrderNumbers.ToOrderId(request.OutRefundNo);
        fields["txnTime"] = UnionPayOrderNumbers.TxnTime(request.OutRefundNo);
        fields["txnAmt"] = request.Amount.MinorUnits.ToString(CultureInfo.InvariantCulture);
        fields["currencyCode"] = ChinaCurrencyCode;
        fields["backUrl"] = request.NotifyUrl.AbsoluteUri;
        fields["origOrderId"] = origOrderId;
        fields["origTxnTime"] = UnionPayOrderNumbers.TxnTime(request.OutTradeNo);
        fields["reqReserved"] = origOrderId;
        var answer = await SendAsync(BackTransPath, fields, cancellationToken).ConfigureAwait(false);
        if (answer.RespCode == UnionPayResponseCodes.Duplicate)
        {
            return await QueryRefundAsync(request.OutTradeNo, request.OutRefundNo, cancellationToken).ConfigureAwait(false);
        }

        return UnionPayResponseCodes.IsSuccess(answer.RespCode) || UnionPayResponseCodes.IsPending(answer.RespCode)
            ? new ChannelRefund(request.OutRefundNo, ChannelRefundState.Processing, answer.Fields.GetValueOrDefault("queryId"), request.Amount, null)
            : throw Refused(answer);
    }

    /// <summary>Reads the state of refund <paramref name="outRefundNo"/> of the order with the platform's order number.</summary>
    public async Task<ChannelRefund> QueryRefundAsync(string outTradeNo, string outRefundNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        var answer = await QueryTransactionAsync(outRefundNo, cancellationToken).ConfigureAwait(false);
        if (answer.RespCode == UnionPayResponseCodes.NotFound)
        {
            throw new ChannelException("UnionPay has no such refund.", UnionPayResponseCodes.NotFound, answer.Status, isTransient: false);
        }

        var fields = answer.Fields;
        var state = UnionPayResponseCodes.RefundStateOf(fields.GetValueOrDefault("origRespCode"));
        return new ChannelRefund(
            outRefundNo,
            state,
            fields.GetValueOrDefault("queryId"),
            ReadAmount(fields, answer.Status),
            state == ChannelRefundState.Processing ? null : UnionPayOrderNumbers.CompletedAt(fields.GetValueOrDefault("traceTime"), fields.GetValueOrDefault("txnTime")));
    }

    /// <inheritdoc />
    public ChannelNotification ParseNotification(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body) =>
        _notificationParser.Parse(body);

    /// <inheritdoc />
    public void Dispose()
    {
        _signer.Dispose();
        _verifier.Dispose();
    }

    private async Task<PrepayResult> ApplyQrCodeAsync(PrepayRequest request, CancellationToken cancellationToken)
    {
        var fields = ConsumeFields(request, UnionPayTransactionTypes.ApplyQrCodeSubType);
        fields["payTimeout"] = UnionPayOrderNumbers.FormatChinaTime(request.ExpiresAt);
        var answer = await SendAsync(BackTransPath, fields, cancellationToken).ConfigureAwait(false);
        if (answer.RespCode == UnionPayResponseCodes.Duplicate)
        {
            return PrepayResult.AlreadyAtChannel(answer.RespCode);
        }

        if (!UnionPayResponseCodes.IsSuccess(answer.RespCode))
        {
            throw Refused(answer);
        }

        return answer.Fields.GetValueOrDefault("qrCode") is { Length: > 0 } qrCode
            ? PrepayResult.Placed(new DisplayQrCode(qrCode))
            : throw new ChannelException("The QR code answer carries no qrCode.", ResponseMalformed, answer.Status, isTransient: false);
    }

    /// <summary>
    /// The signed 消费 form (01/01, bizType 000201) the payer's browser posts to <c>frontTransReq.do</c>. Nothing is
    /// sent now: UnionPay learns of the order when the form arrives, answers the browser with its payment page, sends
    /// the payer back to <c>frontUrl</c> (with the signed result, posted) and the result to <c>backUrl</c>.
    /// </summary>
    private PrepayResult GatewayForm(PrepayRequest request)
    {
        if (request.ReturnUrl is null)
        {
            throw new ChannelException("UnionPay's gateway needs a frontUrl to send the payer back to.", "RETURN_URL_MISSING", null, isTransient: false);
        }

        var fields = ConsumeFields(request, UnionPayTransactionTypes.GatewaySubType);
        fields["bizType"] = UnionPayTransactionTypes.GatewayBizType;
        fields["channelType"] = UnionPayTransactionTypes.PcChannel;
        fields["frontUrl"] = request.ReturnUrl.AbsoluteUri;
        fields["payTimeout"] = UnionPayOrderNumbers.FormatChinaTime(request.ExpiresAt);
        _signer.Sign(fields);
        return PrepayResult.Placed(new SubmitForm(new Uri(_options.BaseUrl, FrontTransPath), fields));
    }

    private async Task<PrepayResult> ConsumeByPaymentCodeAsync(PrepayRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.PaymentCode))
        {
            throw new ChannelException("A UnionPay barcode payment needs the payer's payment code.", "PAYMENT_CODE_MISSING", null, isTransient: false);
        }

        var fields = ConsumeFields(request, UnionPayTransactionTypes.PaymentCodeSubType);
        fields["qrNo"] = request.PaymentCode;
        var answer = await SendAsync(BackTransPath, fields, cancellationToken).ConfigureAwait(false);
        if (answer.RespCode == UnionPayResponseCodes.Duplicate)
        {
            return PrepayResult.AlreadyAtChannel(answer.RespCode);
        }

        if (UnionPayResponseCodes.IsSuccess(answer.RespCode) || UnionPayResponseCodes.IsPending(answer.RespCode))
        {
            // The answer only says the consume was taken; its outcome is what a query (or the notification) reports.
            var order = await QueryAsync(request.OutTradeNo, cancellationToken).ConfigureAwait(false);
            return PrepayResult.Answered(order.State == ChannelTradeState.NotPaid ? order with { State = ChannelTradeState.Paying } : order);
        }

        if (UnionPayResponseCodes.IsRequestError(answer.RespCode) || UnionPayResponseCodes.IsTransientRefusal(answer.RespCode))
        {
            throw Refused(answer);
        }

        return PrepayResult.Answered(new ChannelOrder(request.OutTradeNo, ChannelTradeState.Failed, answer.Fields.GetValueOrDefault("queryId"), request.Amount, null));
    }

    private Dictionary<string, string> ConsumeFields(PrepayRequest request, string subType)
    {
        var fields = TransactionFields(UnionPayTransactionTypes.Consume, subType);
        fields["orderId"] = UnionPayOrderNumbers.ToOrderId(request.OutTradeNo);
        fields["txnTime"] = UnionPayOrderNumbers.TxnTime(request.OutTradeNo);
        fields["txnAmt"] = request.Amount.MinorUnits.ToString(CultureInfo.InvariantCulture);
        fields["currencyCode"] = ChinaCurrencyCode;
        fields["backUrl"] = request.NotifyUrl.AbsoluteUri;

        // Attach is not sent as reqReserved: UnionPay echoes reqReserved raw in its k=v answers, where an '&' or
        // '=' of the merchant's would break the text, and nothing the platform reads back needs it.
        return fields;
    }

    private Dictionary<string, string> TransactionFields(string txnType, string txnSubType)
    {
        var fields = BaseFields(txnType, txnSubType);
        fields["channelType"] = UnionPayTransactionTypes.MobileChannel;
        return fields;
    }

    private Dictionary<string, string> BaseFields(string txnType, string txnSubType) => new(StringComparer.Ordinal)
    {
        ["version"] = "5.1.0",
        ["encoding"] = "UTF-8",
        ["signMethod"] = "01",
        ["txnType"] = txnType,
        ["txnSubType"] = txnSubType,
        ["bizType"] = UnionPayTransactionTypes.BizType,
        ["accessType"] = "0",
        ["merId"] = _options.MerId,
    };

    private async Task<Answer> QueryTransactionAsync(string number, CancellationToken cancellationToken)
    {
        var fields = BaseFields(UnionPayTransactionTypes.Query, UnionPayTransactionTypes.DefaultSubType);
        fields["orderId"] = UnionPayOrderNumbers.ToOrderId(number);
        fields["txnTime"] = UnionPayOrderNumbers.TxnTime(number);
        var answer = await SendAsync(QueryPath, fields, cancellationToken).ConfigureAwait(false);
        return UnionPayResponseCodes.IsSuccess(answer.RespCode) || answer.RespCode == UnionPayResponseCodes.NotFound
            ? answer
            : throw Refused(answer);
    }

    private Task<Answer> SendAsync(string path, Dictionary<string, string> fields, CancellationToken cancellationToken) =>
        SendAsync(new Uri(_options.BaseUrl, path), fields, cancellationToken);

    private async Task<Answer> SendAsync(Uri address, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        _signer.Sign(fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, address)
        {
            Content = UnionPayAnswerText.ToForm(fields),
        };
        request.Content.Headers.ContentType = FormContentType;
        try
        {
            using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (status != 200)
            {
                throw new ChannelException($"UnionPay answered HTTP {status}.", null, status, isTransient: status >= 500 || status == 429);
            }

            if (!UnionPayAnswerText.TryParseAnswer(text.Trim(), out var answer))
            {
                throw new ChannelException("UnionPay answered with an unreadable text.", ResponseMalformed, status, isTransient: false);
            }

            if (!_verifier.TryVerify(answer, out var failure))
            {
                throw new ChannelException(
                    $"UnionPay answer rejected ({failure}); unverified respCode {answer.GetValueOrDefault("respCode")} {answer.GetValueOrDefault("respMsg")}.",
                    ResponseSignatureInvalid,
                    status,
                    isTransient: false);
            }

            if (answer.GetValueOrDefault("merId") is { } merId && merId != _options.MerId)
            {
                throw new ChannelException("UnionPay answered about another merchant.", ResponseMalformed, status, isTransient: false);
            }

            return new Answer(status, answer.GetValueOrDefault("respCode"), answer);
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelException("UnionPay could not be reached.", null, null, isTransient: true, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelException("UnionPay did not answer in time.", null, null, isTransient: true, ex);
        }
    }

    private static Money? ReadAmount(Dictionary<string, string> fields, int status)
    {
        if (!fields.TryGetValue("txnAmt", out var text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var fen)
            ? new Money(fen, Currency.Cny)
            : throw new ChannelException("UnionPay answered with an unusable txnAmt.", ResponseMalformed, status, isTransient: false);
    }

    private static ChannelException Refused(Answer answer) =>
        new(
            $"UnionPay answered respCode {answer.RespCode}: {answer.Fields.GetValueOrDefault("respMsg")}",
            answer.RespCode,
            answer.Status,
            isTransient: UnionPayResponseCodes.IsTransientRefusal(answer.RespCode) || UnionPayResponseCodes.IsPending(answer.RespCode));

    private static void Validate(UnionPayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.BaseUrl);
        if (!options.BaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("BaseUrl must be absolute.", nameof(options));
        }

        if (options.MerId.Length != 15 || !options.MerId.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("MerId is UnionPay's 15-digit merchant id.", nameof(options));
        }

        if (options.FileTransferUrl is not { IsAbsoluteUri: true })
        {
            throw new ArgumentException("FileTransferUrl must be absolute.", nameof(options));
        }

        if (options.BackUrl is { IsAbsoluteUri: false })
        {
            throw new ArgumentException("BackUrl must be absolute.", nameof(options));
        }
    }

    private sealed record Answer(int Status, string? RespCode, Dictionary<string, string> Fields);
}

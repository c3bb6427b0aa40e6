using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using PayFunctions.Domain;

namespace PayFunctions.Channels.AlipayPlus;

/// <summary>
/// One merchant client at Alipay+ (through Antom's merchant API, <c>/ams/api/v1/payments/…</c>): cashier payments of the
/// wallets in <see cref="AlipayPlusWallet.All"/>, inquiry, cancel (as the close), refunds and their inquiry, and the payment and
/// refund notifications. <c>paymentRequestId</c> is the platform's order number and <c>refundRequestId</c> its refund number,
/// both idempotency keys at Alipay+, so nothing of the channel's needs storing but the <c>paymentId</c> a refund names.
/// </summary>
public sealed class AlipayPlusClient : IPaymentChannel, IDisposable
{
    /// <summary>The channel name used across the platform.</summary>
    public const string ChannelName = "alipay_plus";

    internal const string PayPath = "/ams/api/v1/payments/pay";
    internal const string InquiryPaymentPath = "/ams/api/v1/payments/inquiryPayment";
    internal const string CancelPath = "/ams/api/v1/payments/cancel";
    internal const string RefundPath = "/ams/api/v1/payments/refund";
    internal const string InquiryRefundPath = "/ams/api/v1/payments/inquiryRefund";
    internal const string InProcess = "PAYMENT_IN_PROCESS";
    internal const string OrderNotExist = "ORDER_NOT_EXIST";

    private const int MaxDescriptionLength = 256;

    // A pay refused with one of these did not fail: the paymentRequestId is already at Alipay+ (placed with other
    // parameters, or closed), and only an inquiry tells what became of it.
    private static readonly HashSet<string> OrderExistsCodes = new(StringComparer.Ordinal) { "REPEAT_REQ_INCONSISTENT", "ORDER_IS_CLOSED" };

    private readonly AlipayPlusTransport _transport;
    private readonly AlipayPlusOptions _options;
    private readonly RSA _merchantKey;
    private readonly RSA _alipayPlusKey;
    private readonly AlipayPlusNotificationParser _notifications;

    /// <summary>Creates the client; the keys are parsed here, so a bad key fails at start-up.</summary>
    /// <param name="httpClient">The transport; its lifetime (and timeout) belongs to the caller.</param>
    /// <param name="options">The client's settings.</param>
    /// <param name="merchantPrivateKey">The merchant's RSA private key (PEM, PKCS#8 or PKCS#1) registered with Antom.</param>
    /// <param name="alipayPlusPublicKey">The Alipay+ public key (PEM) that signs answers and notifications.</param>
    /// <param name="timeProvider">The clock for request times.</param>
    /// <exception cref="ArgumentException">A setting or key is unusable.</exception>
    public AlipayPlusClient(HttpClient httpClient, AlipayPlusOptions options, string merchantPrivateKey, string alipayPlusPublicKey, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.KeyVersion);
        if (!options.BaseUrl.IsAbsoluteUri || options.BaseUrl.AbsolutePath != "/" || !string.IsNullOrEmpty(options.BaseUrl.Query))
        {
            throw new ArgumentException("BaseUrl must be an absolute host URL without a path or query.", nameof(options));
        }

        _options = options;
        _merchantKey = ImportKey(merchantPrivateKey, "merchant private key");
        try
        {
            _alipayPlusKey = ImportKey(alipayPlusPublicKey, "Alipay+ public key");
        }
        catch
        {
            _merchantKey.Dispose();
            throw;
        }

        _transport = new AlipayPlusTransport(httpClient, options, _merchantKey, _alipayPlusKey, timeProvider);
        _notifications = new AlipayPlusNotificationParser(options, _alipayPlusKey);
    }

    /// <inheritdoc />
    public string Name => ChannelName;

    /// <summary>The acknowledgement Alipay+ documents; anything else makes it send the notification again.</summary>
    public ChannelReply SuccessReply { get; } = new(200, "application/json", """{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}""");

    /// <summary>A failed result, so Alipay+ sends the notification again (0 s, 2 m, 10 m, 10 m, 1 h, 2 h, 6 h, 15 h).</summary>
    public ChannelReply FailureReply(string message) =>
        new(500, "application/json", """{"result":{"resultCode":"PROCESS_FAIL","resultStatus":"F","resultMessage":"notification not accepted"}}""");

    /// <summary>
    /// <c>pay</c>, product <c>CASHIER_PAYMENT</c>, terminal <c>WEB</c> (the payer's device is not known when the payment is created):
    /// <c>PAYMENT_IN_PROCESS</c> (status U) is the placed order, with <c>normalUrl</c> for a redirect wallet and
    /// <c>orderCodeForm.codeDetails[].codeValue</c> for a QR wallet. Any other U is an unknown outcome (retried: the same
    /// <c>paymentRequestId</c> is the same payment); S means the payment already succeeded and F refuses, except the codes
    /// that say the request id is already taken.
    /// </summary>
    public async Task<PrepayResult> PrepayAsync(PrepayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wallet = AlipayPlusWallet.Of(request.Method)
            ?? throw new ChannelException($"This Alipay+ adapter does not serve {request.Method}.", "METHOD_NOT_SUPPORTED", null, isTransient: false);
        if (request.Amount.Currency.Code != wallet.Currency)
        {
            throw new ChannelException($"{wallet.DisplayName} pays in {wallet.Currency}, not {request.Amount.Currency}.", "CURRENCY_NOT_SUPPORTED", null, isTransient: false);
        }

        if (request.ReturnUrl is null)
        {
            throw new ChannelException($"{request.Method} needs a return URL (paymentRedirectUrl).", "RETURN_URL_REQUIRED", null, isTransient: false);
        }

        var amount = AlipayPlusAmount.Of(request.Amount);
        var body = new Dictionary<string, object?>
        {
            ["productCode"] = "CASHIER_PAYMENT",
            ["paymentRequestId"] = request.OutTradeNo,
            ["order"] = new Dictionary<string, object?>
            {
                ["referenceOrderId"] = request.OutTradeNo,
                ["orderDescription"] = Truncate(request.Description, MaxDescriptionLength),
                ["orderAmount"] = amount,
            },
            ["paymentAmount"] = amount,
            ["paymentMethod"] = new Dictionary<string, string> { ["paymentMethodType"] = wallet.PaymentMethodType },
            ["paymentExpiryTime"] = request.ExpiresAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["paymentRedirectUrl"] = request.ReturnUrl.AbsoluteUri,
            ["paymentNotifyUrl"] = request.NotifyUrl.AbsoluteUri,
            ["settlementStrategy"] = _options.SettlementCurrency is { } settlement ? new Dictionary<string, string> { ["settlementCurrency"] = settlement } : null,
            ["env"] = new Dictionary<string, string> { ["terminalType"] = "WEB" },
        };
        var answer = await _transport.PostAsync(PayPath, body, cancellationToken).ConfigureAwait(false);
        switch (answer.Status)
        {
            case AlipayPlusAnswer.Succeeded:
                return PrepayResult.AlreadyAtChannel(answer.Code);
            case AlipayPlusAnswer.Unknown when answer.Code == InProcess:
                return PrepayResult.Placed(NextAction(wallet, answer));
            case AlipayPlusAnswer.Unknown:
                throw Unknown(answer);
            case AlipayPlusAnswer.Failed when OrderExistsCodes.Contains(answer.Code):
                return PrepayResult.AlreadyAtChannel(answer.Code);
            default:
                throw Refusal(answer);
        }
    }

    Task<ChannelOrder> IPaymentChannel.QueryAsync(ChannelOrderRef order, CancellationToken cancellationToken) => QueryAsync(order.OutTradeNo, cancellationToken);

    Task<CloseOutcome> IPaymentChannel.CloseAsync(ChannelOrderRef order, CancellationToken cancellationToken) => CloseAsync(order.OutTradeNo, cancellationToken);

    Task<ChannelRefund> IPaymentChannel.QueryRefundAsync(ChannelOrderRef order, string outRefundNo, CancellationToken cancellationToken) =>
        QueryRefundAsync(outRefundNo, cancellationToken);

    /// <summary>
    /// <c>inquiryPayment</c> by <c>paymentRequestId</c>: SUCCESS → succeeded, FAIL → failed, CANCELLED → closed, PENDING (paid,
    /// final result to come) → paying, PROCESSING → not paid. <c>ORDER_NOT_EXIST</c> is an order Alipay+ never took: not paid.
    /// </summary>
    public async Task<ChannelOrder> QueryAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        var answer = await _transport.PostAsync(InquiryPaymentPath, new Dictionary<string, string> { ["paymentRequestId"] = outTradeNo }, cancellationToken).ConfigureAwait(false);
        switch (answer.Status)
        {
            case AlipayPlusAnswer.Failed when answer.Code == OrderNotExist:
                return new ChannelOrder(outTradeNo, ChannelTradeState.NotPaid, null, null, null);
            case AlipayPlusAnswer.Unknown:
                throw Unknown(answer);
            case AlipayPlusAnswer.Failed:
                throw Refusal(answer);
        }

        if (answer.String("paymentRequestId") is { } echoed && echoed != outTradeNo)
        {
            throw new ChannelException($"Alipay+ answered about payment {echoed}, not {outTradeNo}.", AlipayPlusTransport.ResponseMalformed, 200, isTransient: false);
        }

        var state = answer.String("paymentStatus") switch
        {
            "SUCCESS" => ChannelTradeState.Succeeded,
            "FAIL" => ChannelTradeState.Failed,
            "CANCELLED" => ChannelTradeState.Closed,
            "PENDING" => ChannelTradeState.Paying,
            "PROCESSING" => ChannelTradeState.NotPaid,
            var other => throw new ChannelException($"Unknown paymentStatus '{other}'.", AlipayPlusTransport.ResponseMalformed, 200, isTransient: false),
        };
        return new ChannelOrder(
            outTradeNo,
            state,
            answer.String("paymentId"),
            AlipayPlusAmount.Read(answer.Property("paymentAmount")),
            state == ChannelTradeState.Succeeded ? answer.Time("paymentTime") : null)
        {
            Payer = AlipayPlusPayer.Of(answer),
        };
    }

    /// <summary>
    /// Alipay+ has no close of its own: its <c>cancel</c> ends an unpaid payment, but would also give a paid one back to the
    /// payer. So the payment is inquired first: a paid one is <see cref="CloseOutcome.AlreadyPaid"/> and is not cancelled; an
    /// unpaid one is cancelled (a payer who pays between the two gets the money back from the cancel).
    /// </summary>
    public async Task<CloseOutcome> CloseAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        var order = await QueryAsync(outTradeNo, cancellationToken).ConfigureAwait(false);
        switch (order.State)
        {
            case ChannelTradeState.Succeeded or ChannelTradeState.Refunded or ChannelTradeState.Paying:
                return CloseOutcome.AlreadyPaid;
            case ChannelTradeState.Closed or ChannelTradeState.Failed:
                return CloseOutcome.Closed;
        }

        var answer = await _transport.PostAsync(CancelPath, new Dictionary<string, string> { ["paymentRequestId"] = outTradeNo }, cancellationToken).ConfigureAwait(false);
        return answer.Status switch
        {
            AlipayPlusAnswer.Succeeded => CloseOutcome.Closed,
            AlipayPlusAnswer.Failed when answer.Code == OrderNotExist => CloseOutcome.NotFound,
            AlipayPlusAnswer.Unknown => throw Unknown(answer),
            _ => throw Refusal(answer),
        };
    }

    /// <summary>
    /// <c>refund</c> of the paid <c>paymentId</c> (the payment's channel trade number) with <c>refundRequestId</c> = the refund
    /// number: S → succeeded, <c>REFUND_IN_PROCESS</c> → processing (the notification or an inquiry ends it), any other U →
    /// unknown (retried as the same refund), F → refused. The payment's request id travels as the refund's <c>metadata</c>,
    /// which Alipay+ echoes in <c>notifyRefund</c>, whose body names no payment.
    /// </summary>
    public async Task<ChannelRefund> RefundAsync(ChannelRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paymentId = request.ChannelTradeNo ?? (await QueryAsync(request.OutTradeNo, cancellationToken).ConfigureAwait(false)).ChannelTradeNo
            ?? throw new ChannelException($"Alipay+ holds no paid payment {request.OutTradeNo} to refund.", OrderNotExist, null, isTransient: false);
        var body = new Dictionary<string, object?>
        {
            ["refundRequestId"] = request.OutRefundNo,
            ["paymentId"] = paymentId,
            ["refundAmount"] = AlipayPlusAmount.Of(request.Amount),
            ["refundReason"] = request.Reason is null ? null : Truncate(request.Reason, MaxDescriptionLength),
            ["refundNotifyUrl"] = request.NotifyUrl.AbsoluteUri,
            ["metadata"] = request.OutTradeNo,
        };
        var answer = await _transport.PostAsync(RefundPath, body, cancellationToken).ConfigureAwait(false);
        return answer.Status switch
        {
            AlipayPlusAnswer.Succeeded => new ChannelRefund(
                request.OutRefundNo, ChannelRefundState.Succeeded, answer.String("refundId"), AlipayPlusAmount.Read(answer.Property("refundAmount")), answer.Time("refundTime")),
            AlipayPlusAnswer.Unknown when answer.Code == "REFUND_IN_PROCESS" => new ChannelRefund(request.OutRefundNo, ChannelRefundState.Processing, answer.String("refundId"), null, null),
            AlipayPlusAnswer.Unknown => throw Unknown(answer),
            _ => throw Refusal(answer),
        };
    }

    /// <summary><c>inquiryRefund</c> by <c>refundRequestId</c>: <c>refundStatus</c> SUCCESS, FAIL or PROCESSING.</summary>
    public async Task<ChannelRefund> QueryRefundAsync(string outRefundNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outRefundNo);
        var answer = await _transport.PostAsync(InquiryRefundPath, new Dictionary<string, string> { ["refundRequestId"] = outRefundNo }, cancellationToken).ConfigureAwait(false);
        if (answer.Status != AlipayPlusAnswer.Succeeded)
        {
            throw answer.Status == AlipayPlusAnswer.Unknown ? Unknown(answer) : Refusal(answer);
        }

        var state = answer.String("refundStatus") switch
        {
            "SUCCESS" => ChannelRefundState.Succeeded,
            "FAIL" => ChannelRefundState.Failed,
            "PROCESSING" => ChannelRefundState.Processing,
            var other => throw new ChannelException($"Unknown refundStatus '{other}'.", AlipayPlusTransport.ResponseMalformed, 200, isTransient: false),
        };
        return new ChannelRefund(outRefundNo, state, answer.String("refundId"), AlipayPlusAmount.Read(answer.Property("refundAmount")), answer.Time("refundTime"));
    }

    /// <inheritdoc />
    public ChannelNotification ParseNotification(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body) => _notifications.Parse(headers, body);

    /// <inheritdoc />
    public void Dispose()
    {
        _merchantKey.Dispose();
        _alipayPlusKey.Dispose();
    }

    private static ChannelNextAction NextAction(AlipayPlusWallet wallet, AlipayPlusAnswer answer)
    {
        if (wallet.NextAction == NextActionType.DisplayQrCode)
        {
            var codes = answer.Property("orderCodeForm");
            if (codes.ValueKind == JsonValueKind.Object && codes.TryGetProperty("codeDetails", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                foreach (var detail in details.EnumerateArray())
                {
                    if (detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("codeValue", out var value) && value.GetString() is { Length: > 0 } code)
                    {
                        return new DisplayQrCode(code);
                    }
                }
            }

            throw new ChannelException("Alipay+ placed the payment without a code value.", AlipayPlusTransport.ResponseMalformed, 200, isTransient: false);
        }

        return answer.String("normalUrl") is { } url && ChannelUrls.TryParseHttpUrl(url, out var page) && (page.Scheme == Uri.UriSchemeHttps || page.Scheme == Uri.UriSchemeHttp)
            ? new RedirectToUrl(page)
            : throw new ChannelException("Alipay+ placed the payment without a normalUrl.", AlipayPlusTransport.ResponseMalformed, 200, isTransient: false);
    }

    private static ChannelException Unknown(AlipayPlusAnswer answer) =>
        new($"Alipay+ does not know the outcome yet: {answer.Code} {answer.Message}", answer.Code, 200, isTransient: true);

    private static ChannelException Refusal(AlipayPlusAnswer answer) =>
        new($"Alipay+ refused: {answer.Code} {answer.Message}", answer.Code, 200, isTransient: false);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static RSA ImportKey(string pem, string what)
    {
        var key = RSA.Create();
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch (ArgumentException ex)
        {
            key.Dispose();
            throw new ArgumentException($"The {what} is not a PEM RSA key.", nameof(pem), ex);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Alipay;

/// <summary>
/// One Alipay open-platform app on the classic gateway (<c>gateway.do</c>, RSA2): face-to-face QR and barcode
/// payments, PC-website and mobile-web payments, query, close, cancel, refunds and their query, and the
/// asynchronous notification. Every request is signed with the app key; every answer is verified against the
/// Alipay key over the exact response text before anything in it is used, and an answer that is not verified
/// never leads to anything but an exception.
/// </summary>
public sealed partial class AlipayClient : IPaymentChannel, IDisposable
{
    /// <summary>The channel name used across the platform.</summary>
    public const string ChannelName = "alipay";

    /// <summary>Face-to-face, the payer scans a QR code (<c>alipay.trade.precreate</c>).</summary>
    public const string QrMethod = "alipay.qr";

    /// <summary>PC website, the payer's browser goes to Alipay's cashier (<c>alipay.trade.page.pay</c>).</summary>
    public const string PageMethod = "alipay.page";

    /// <summary>Mobile website, the payer's browser goes to Alipay's mobile cashier (<c>alipay.trade.wap.pay</c>).</summary>
    public const string WapMethod = "alipay.wap";

    /// <summary>Face-to-face, the till scans the payer's payment code (<c>alipay.trade.pay</c>, scene bar_code).</summary>
    public const string BarcodeMethod = "alipay.barcode";

    internal const string ResponseSignatureInvalid = "RESPONSE_SIGNATURE_INVALID";
    internal const string ResponseSignatureMissing = "RESPONSE_SIGNATURE_MISSING";
    internal const string ResponseCertificateUnknown = "RESPONSE_CERT_UNKNOWN";
    internal const string ResponseMalformed = "RESPONSE_MALFORMED";
    internal const string TradeNotExist = "ACQ.TRADE_NOT_EXIST";
    internal const string SystemError = "ACQ.SYSTEM_ERROR";

    private const string Charset = "utf-8";
    private const string UnknownCode = "20000";
    private const string WaitingForPayerCode = "10003";
    private const string BusinessFailedCode = "40004";
    private const int MaxSubjectLength = 256;

    // A trade.pay or precreate refused with one of these did not fail: the order number is already at Alipay
    // (paid, closed, or placed with other parameters), and only a query tells what became of it.
    private static readonly HashSet<string> OrderExistsCodes = new(StringComparer.Ordinal)
    {
        "ACQ.TRADE_HAS_SUCCESS",
        "ACQ.TRADE_HAS_CLOSE",
        "ACQ.CONTEXT_INCONSISTENT",
        "ACQ.TRADE_HAS_FINISHED",
    };

    private static readonly JsonSerializerOptions BizJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _httpClient;
    private readonly AlipayOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly RSA _appPrivateKey;
    private readonly RSA _alipayPublicKey;
    private readonly string? _alipayCertSn;
    private readonly AlipayNotificationParser _notificationParser;

    /// <summary>Creates the client; the keys are parsed once here, so a bad key fails at start-up.</summary>
    /// <param name="httpClient">The transport; its lifetime (and timeout) belongs to the caller.</param>
    /// <param name="options">The app's settings.</param>
    /// <param name="credentials">The app's secrets; a certificate as the Alipay key selects certificate mode.</param>
    /// <param name="timeProvider">The clock for request timestamps.</param>
    /// <exception cref="ArgumentException">A setting or key is unusable.</exception>
    public AlipayClient(HttpClient httpClient, AlipayOptions options, AlipayCredentials credentials, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options.BaseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AppId);
        if (!options.BaseUrl.IsAbsoluteUri || !string.IsNullOrEmpty(options.BaseUrl.Query))
        {
            throw new ArgumentException("BaseUrl must be an absolute gateway URL without a query.", nameof(options));
        }

        if (credentials.IsCertificateMode && (string.IsNullOrWhiteSpace(options.AppCertSn) || string.IsNullOrWhiteSpace(options.AlipayRootCertSn)))
        {
            throw new ArgumentException("Certificate mode needs the app certificate SN and the Alipay root certificate SN.", nameof(options));
        }

        _httpClient = httpClient;
        _options = options;
        _timeProvider = timeProvider;
        _appPrivateKey = AlipaySignature.ImportPrivateKey(credentials.AppPrivateKey);
        try
        {
            if (credentials.IsCertificateMode)
            {
                _alipayPublicKey = AlipayCertificates.PublicKey(credentials.AlipayPublicKey);
                _alipayCertSn = AlipayCertificates.CertificateSn(credentials.AlipayPublicKey);
            }
            else
            {
                _alipayPublicKey = AlipaySignature.ImportPublicKey(credentials.AlipayPublicKey);
            }
        }
        catch
        {
            _appPrivateKey.Dispose();
            throw;
        }

        _notificationParser = new AlipayNotificationParser(options.AppId, _alipayPublicKey);
    }

    /// <inheritdoc />
    public string Name => ChannelName;

    /// <summary>In certificate mode, the SN of the configured Alipay certificate; null in public-key mode.</summary>
    public string? AlipayCertSn => _alipayCertSn;

    /// <summary>HTTP 200 with the body <c>success</c>: the only answer after which Alipay stops re-sending.</summary>
    public ChannelReply SuccessReply { get; } = new(200, "text/plain; charset=utf-8", "success");

    /// <summary>
    /// HTTP 500 with the body <c>fail</c>. Alipay re-sends on any body other than <c>success</c> (4m, 10m, 10m, 1h,
    /// 2h, 6h, 15h); the status only tells the host's logs and monitors that this was a failure. The message is not
    /// echoed: Alipay reads nothing but the body.
    /// </summary>
    public ChannelReply FailureReply(string message) => new(500, "text/plain; charset=utf-8", "fail");

    /// <inheritdoc />
    public async Task<PrepayResult> PrepayAsync(PrepayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Amount.Currency != Currency.Cny)
        {
            throw new ChannelException($"Alipay accepts CNY only, not {request.Amount.Currency}.", "CURRENCY_NOT_SUPPORTED", null, isTransient: false);
        }

        return request.Method switch
        {
            QrMethod => await PrecreateAsync(request, cancellationToken).ConfigureAwait(false),
            PageMethod => PrepareRedirect(request, "alipay.trade.page.pay", "FAST_INSTANT_TRADE_PAY"),
            WapMethod => PrepareRedirect(request, "alipay.trade.wap.pay", "QUICK_WAP_WAY"),
            BarcodeMethod => await PayByCodeAsync(request, cancellationToken).ConfigureAwait(false),
            _ => throw new ChannelException($"This Alipay adapter does not serve {request.Method}.", "METHOD_NOT_SUPPORTED", null, isTransient: false),
        };
    }

    // The channel takes the platform's order number as its own, so the order number is all it needs.
    Task<ChannelOrder> IPaymentChannel.QueryAsync(ChannelOrderRef order, CancellationToken cancellationToken) => QueryAsync(order.OutTradeNo, cancellationToken);

    Task<CloseOutcome> IPaymentChannel.CloseAsync(ChannelOrderRef order, CancellationToken cancellationToken) => CloseAsync(order.OutTradeNo, cancellationToken);

    Task<CloseOutcome> IPaymentChannel.CancelAsync(ChannelOrderRef order, CancellationToken cancellationToken) => CancelAsync(order.OutTradeNo, cancellationToken);

    Task<ChannelRefund> IPaymentChannel.QueryRefundAsync(ChannelOrderRef order, string outRefundNo, CancellationToken cancellationToken) =>
        QueryRefundAsync(order.OutTradeNo, outRefundNo, cancellationToken);

    /// <summary>
    /// Reads <c>alipay.trade.query</c>. Alipay answers ACQ.TRADE_NOT_EXIST for a precreated QR order until the payer
    /// scans it (and for page/WAP orders until the payer opens the cashier); such an order is still payable until its
    /// time_expire, so it is reported as <see cref="ChannelTradeState.NotPaid"/> with no channel trade number.
    /// </summary>
    public async Task<ChannelOrder> QueryAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        return await FindAsync(outTradeNo, cancellationToken).ConfigureAwait(false)
            ?? new ChannelOrder(outTradeNo, ChannelTradeState.NotPaid, null, null, null);
    }

    /// <summary>
    /// <c>alipay.trade.close</c>. A precreated QR code nobody scanned yet is ACQ.TRADE_NOT_EXIST to close and would stay
    /// payable until its time_expire, so it is cancelled instead, which makes it unpayable (or, if the payer paid in between,
    /// gives the money back: <see cref="CloseOutcome.Reversed"/>). ACQ.TRADE_STATUS_ERROR (paid, or already closed) is
    /// resolved by a query.
    /// </summary>
    public async Task<CloseOutcome> CloseAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        var response = await CallAsync("alipay.trade.close", new Dictionary<string, object?> { ["out_trade_no"] = outTradeNo }, null, cancellationToken).ConfigureAwait(false);
        if (response.Code == AlipayResponse.SuccessCode)
        {
            return CloseOutcome.Closed;
        }

        switch (response.SubCode)
        {
            case TradeNotExist:
                return await CancelAsync(outTradeNo, cancellationToken).ConfigureAwait(false);
            case "ACQ.TRADE_STATUS_ERROR":
                var order = await FindAsync(outTradeNo, cancellationToken).ConfigureAwait(false);
                return order?.State switch
                {
                    ChannelTradeState.Succeeded or ChannelTradeState.Refunded => CloseOutcome.AlreadyPaid,
                    ChannelTradeState.Closed => CloseOutcome.Closed,
                    _ => throw Refusal(response),
                };
            default:
                throw Refusal(response);
        }
    }

    /// <summary>
    /// <c>alipay.trade.cancel</c>: <c>action</c> close is <see cref="CloseOutcome.Closed"/>, refund is
    /// <see cref="CloseOutcome.Reversed"/>. Alipay leaves action out for an idempotent repeat and for an unknown
    /// trade; a query then tells which. A refusal with <c>retry_flag</c> Y is transient.
    /// </summary>
    public async Task<CloseOutcome> CancelAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        var response = await CallAsync("alipay.trade.cancel", new Dictionary<string, object?> { ["out_trade_no"] = outTradeNo }, null, cancellationToken).ConfigureAwait(false);
        if (response.Code != AlipayResponse.SuccessCode)
        {
            throw response.String("retry_flag") == "Y"
                ? new ChannelException($"Alipay could not cancel yet, retry: {response.Code} {response.SubCode} {response.Message}", response.SubCode ?? response.Code, 200, isTransient: true)
                : Refusal(response);
        }

        switch (response.String("action"))
        {
            case "close":
                return CloseOutcome.Closed;
            case "refund":
                return CloseOutcome.Reversed;
        }

        var order = await FindAsync(outTradeNo, cancellationToken).ConfigureAwait(false);
        return order?.State switch
        {
            null => CloseOutcome.NotFound,
            ChannelTradeState.Closed => CloseOutcome.Closed,
            ChannelTradeState.Refunded => CloseOutcome.Reversed,
            _ => throw new ChannelException($"Alipay accepted the cancel but the trade is {order.State}.", "CANCEL_PENDING", 200, isTransient: true),
        };
    }

    /// <summary>
    /// <c>alipay.trade.refund</c> with <c>out_request_no</c> = the refund number, so partial refunds are separate and a
    /// repeat is the same refund. Alipay answers synchronously: <c>fund_change</c> Y is <see cref="ChannelRefundState.Succeeded"/>;
    /// N (nothing moved by this call, e.g. a repeat) is settled by a refund query.
    /// </summary>
    public async Task<ChannelRefund> RefundAsync(ChannelRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Amount.Currency != Currency.Cny)
        {
            throw new ChannelException($"Alipay refunds CNY only, not {request.Amount.Currency}.", "CURRENCY_NOT_SUPPORTED", null, isTransient: false);
        }

        var biz = new Dictionary<string, object?>
        {
            ["out_trade_no"] = request.OutTradeNo,
            ["refund_amount"] = AlipayFields.FormatYuan(request.Amount.MinorUnits),
            ["out_request_no"] = request.OutRefundNo,
            ["refund_reason"] = request.Reason,
        };
        var response = await CallAsync("alipay.trade.refund", biz, null, cancellationToken).ConfigureAwait(false);
        if (response.Code != AlipayResponse.SuccessCode)
        {
            throw Refusal(response);
        }

        if (response.String("fund_change") != "Y")
        {
            return await QueryRefundAsync(request.OutTradeNo, request.OutRefundNo, cancellationToken).ConfigureAwait(false);
        }

        if (!AlipayFields.TryParseTime(response.String("gmt_refund_pay"), out var refundedAt))
        {
            throw Malformed("gmt_refund_pay");
        }

        return new ChannelRefund(request.OutRefundNo, ChannelRefundState.Succeeded, null, request.Amount, refundedAt);
    }

    /// <summary>
    /// <c>alipay.trade.fastpay.refund.query</c>. Alipay answers 10000 without refund data for a refund it does not
    /// hold, which is a <see cref="ChannelException"/> with code REFUND_NOT_EXIST: re-sending the refund with the
    /// same number is then safe. refund_status REFUND_SUCCESS (or, as documented, absent with data) is success.
    /// </summary>
    public async Task<ChannelRefund> QueryRefundAsync(string outTradeNo, string outRefundNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        ArgumentException.ThrowIfNullOrEmpty(outRefundNo);
        var biz = new Dictionary<string, object?>
        {
            ["out_trade_no"] = outTradeNo,
            ["out_request_no"] = outRefundNo,
            ["query_options"] = new[] { "gmt_refund_pay" },
        };
        var response = await CallAsync("alipay.trade.fastpay.refund.query", biz, null, cancellationToken).ConfigureAwait(false);
        if (response.Code != AlipayResponse.SuccessCode)
        {
            throw Refusal(response);
        }

        if (response.String("refund_amount") is not { } refundAmount)
        {
            throw new ChannelException($"Alipay holds no refund {outRefundNo} of {outTradeNo}.", "REFUND_NOT_EXIST", 200, isTransient: false);
        }

        if (!AlipayFields.TryParseFen(refundAmount, out var fen))
        {
            throw Malformed("refund_amount");
        }

        if (!AlipayFields.TryParseTime(response.String("gmt_refund_pay"), out var refundedAt))
        {
            throw Malformed("gmt_refund_pay");
        }

        var state = response.String("refund_status") switch
        {
            null or "" or "REFUND_SUCCESS" => ChannelRefundState.Succeeded,
            _ => ChannelRefundState.Processing,
        };
        return new ChannelRefund(outRefundNo, state, null, AlipayFields.Cny(fen), state == ChannelRefundState.Succeeded ? refundedAt : null);
    }

    /// <inheritdoc />
    public ChannelNotification ParseNotification(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return _notificationParser.Parse(body);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _appPrivateKey.Dispose();
        _alipayPublicKey.Dispose();
    }

    /// <summary>
    /// The signed parameters of a call, in the order they are sent: the common parameters, then
    /// <c>biz_content</c>, then <c>sign</c> over all the others.
    /// </summary>
    internal List<KeyValuePair<string, string>> SignedParameters(string method, IReadOnlyDictionary<string, object?> biz, string? notifyUrl, string? returnUrl)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("app_id", _options.AppId),
            new("method", method),
            new("format", "JSON"),
            new("charset", Charset),
            new("sign_type", AlipaySignature.SignType),
            new("timestamp", AlipayFields.FormatTime(_timeProvider.GetUtcNow())),
            new("version", "1.0"),
        };
        if (_alipayCertSn is not null)
        {
            parameters.Add(new("app_cert_sn", _options.AppCertSn!));
            parameters.Add(new("alipay_root_cert_sn", _options.AlipayRootCertSn!));
        }

        if (notifyUrl is not null)
        {
            parameters.Add(new("notify_url", notifyUrl));
        }

        if (returnUrl is not null)
        {
            parameters.Add(new("return_url", returnUrl));
        }

        var content = biz.Where(field => field.Value is not null).ToDictionary(field => field.Key, field => field.Value);
        parameters.Add(new("biz_content", JsonSerializer.Serialize(content, BizJson)));
        parameters.Add(new("sign", AlipaySignature.Sign(_appPrivateKey, AlipaySignature.RequestContent(parameters))));
        return parameters;
    }

    private async Task<PrepayResult> PrecreateAsync(PrepayRequest request, CancellationToken cancellationToken)
    {
        var biz = new Dictionary<string, object?>
        {
            ["out_trade_no"] = request.OutTradeNo,
            ["total_amount"] = AlipayFields.FormatYuan(request.Amount.MinorUnits),
            ["subject"] = Subject(request.Description),
            ["product_code"] = "FACE_TO_FACE_PAYMENT",
            ["time_expire"] = AlipayFields.FormatTime(request.ExpiresAt),
        };
        var response = await CallAsync("alipay.trade.precreate", biz, request.NotifyUrl.AbsoluteUri, cancellationToken).ConfigureAwait(false);
        if (response.Code == AlipayResponse.SuccessCode)
        {
            return response.String("qr_code") is { Length: > 0 } qrCode
                ? PrepayResult.Placed(new DisplayQrCode(qrCode))
                : throw Malformed("qr_code");
        }

        return response.SubCode is { } subCode && OrderExistsCodes.Contains(subCode)
            ? PrepayResult.AlreadyAtChannel(subCode)
            : throw Refusal(response);
    }

    private PrepayResult PrepareRedirect(PrepayRequest request, string method, string productCode)
    {
        if (request.ReturnUrl is null)
        {
            throw new ChannelException($"{request.Method} needs a return URL.", "RETURN_URL_REQUIRED", null, isTransient: false);
        }

        var biz = new Dictionary<string, object?>
        {
            ["out_trade_no"] = request.OutTradeNo,
            ["total_amount"] = AlipayFields.FormatYuan(request.Amount.MinorUnits),
            ["subject"] = Subject(request.Description),
            ["product_code"] = productCode,
            ["time_expire"] = AlipayFields.FormatTime(request.ExpiresAt),
            // Documented as URL-encoded by the merchant; Alipay echoes it in the notification as sent.
            ["passback_params"] = request.Attach is null ? null : Uri.EscapeDataString(request.Attach),
            ["quit_url"] = method == "alipay.trade.wap.pay" ? request.ReturnUrl.AbsoluteUri : null,
        };
        var parameters = SignedParameters(method, biz, request.NotifyUrl.AbsoluteUri, request.ReturnUrl.AbsoluteUri);
        var url = _options.BaseUrl.AbsoluteUri + "?" + string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return PrepayResult.Placed(new RedirectToUrl(new Uri(url)));
    }

    private async Task<PrepayResult> PayByCodeAsync(PrepayRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.PaymentCode))
        {
            throw new ChannelException("alipay.barcode needs the payer's payment code.", "PAYMENT_CODE_REQUIRED", null, isTransient: false);
        }

        var biz = new Dictionary<string, object?>
        {
            ["out_trade_no"] = request.OutTradeNo,
            ["scene"] = "bar_code",
            ["auth_code"] = request.PaymentCode,
            ["product_code"] = "FACE_TO_FACE_PAYMENT",
            ["subject"] = Subject(request.Description),
            ["total_amount"] = AlipayFields.FormatYuan(request.Amount.MinorUnits),
            ["time_expire"] = AlipayFields.FormatTime(request.ExpiresAt),
        };
        var response = await CallAsync("alipay.trade.pay", biz, request.NotifyUrl.AbsoluteUri, cancellationToken).ConfigureAwait(false);
        switch (response.Code)
        {
            case AlipayResponse.SuccessCode:
                return PrepayResult.Answered(ReadOrder(response, request.OutTradeNo, ChannelTradeState.Succeeded, paymentTimeField: "gmt_payment"));
            case WaitingForPayerCode:
                return PrepayResult.Answered(ReadOrder(response, request.OutTradeNo, ChannelTradeState.Paying, paymentTimeField: null));
            case BusinessFailedCode when response.SubCode is { } subCode && OrderExistsCodes.Contains(subCode):
                return PrepayResult.AlreadyAtChannel(subCode);
            case BusinessFailedCode when response.SubCode is { Length: > 0 } subCode && subCode != SystemError:
                // A verified business refusal (balance, risk, invalid code...): the payment failed; the sub_code says why.
                return new PrepayResult(
                    PrepayStatus.Answered,
                    null,
                    new ChannelOrder(request.OutTradeNo, ChannelTradeState.Failed, response.String("trade_no"), null, null),
                    subCode);
            default:
                throw Refusal(response);
        }
    }

    private async Task<ChannelOrder?> FindAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        // fund_bill_list is answered only when asked for: it names what the payer paid with.
        var biz = new Dictionary<string, object?> { ["out_trade_no"] = outTradeNo, ["query_options"] = new[] { "fund_bill_list" } };
        var response = await CallAsync("alipay.trade.query", biz, null, cancellationToken).ConfigureAwait(false);
        if (response.Code != AlipayResponse.SuccessCode)
        {
            return response.SubCode == TradeNotExist ? null : throw Refusal(response);
        }

        var paidAtText = response.String("send_pay_date");
        if (!AlipayFields.TryMapTradeStatus(response.String("trade_status"), wasPaid: !string.IsNullOrEmpty(paidAtText), out var state))
        {
            throw new ChannelException($"Unknown trade_status '{response.String("trade_status")}'.", ResponseMalformed, 200, isTransient: false);
        }

        return ReadOrder(response, outTradeNo, state, paymentTimeField: "send_pay_date");
    }

    private static ChannelOrder ReadOrder(AlipayResponse response, string outTradeNo, ChannelTradeState state, string? paymentTimeField)
    {
        if (response.String("out_trade_no") is { } echoed && echoed != outTradeNo)
        {
            throw new ChannelException($"Alipay answered about order {echoed}, not {outTradeNo}.", ResponseMalformed, 200, isTransient: false);
        }

        Money? amount = null;
        if (response.String("total_amount") is { } total)
        {
            amount = AlipayFields.TryParseFen(total, out var fen) ? AlipayFields.Cny(fen) : throw Malformed("total_amount");
        }

        DateTimeOffset? paidAt = null;
        if (paymentTimeField is not null && !AlipayFields.TryParseTime(response.String(paymentTimeField), out paidAt))
        {
            throw Malformed(paymentTimeField);
        }

        return new ChannelOrder(outTradeNo, state, response.String("trade_no"), amount, paidAt) { Payer = AlipayPayer.FromAnswer(response) };
    }

    private async Task<AlipayResponse> CallAsync(string method, IReadOnlyDictionary<string, object?> biz, string? notifyUrl, CancellationToken cancellationToken)
    {
        var parameters = SignedParameters(method, biz, notifyUrl, returnUrl: null);

        // As the official SDKs send it: the common parameters in the query string, biz_content as the form body.
        var query = string.Join('&', parameters.Where(p => p.Key != "biz_content").Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseUrl.AbsoluteUri + "?" + query))
        {
            Content = new FormUrlEncodedContent(parameters.Where(p => p.Key == "biz_content")),
        };
        request.Headers.UserAgent.ParseAdd("PayFunctions-Alipay/1.0");

        byte[] body;
        int status;
        try
        {
            using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelException("Alipay could not be reached.", null, null, isTransient: true, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelException("Alipay did not answer in time.", null, null, isTransient: true, ex);
        }

        if (status != 200)
        {
            throw new ChannelException($"Alipay answered HTTP {status}.", null, status, isTransient: status >= 500 || status == 429);
        }

        if (!AlipayResponse.TryParse(body, method, out var answer))
        {
            throw new ChannelException($"Alipay answered {method} with a body that is not its documented JSON envelope.", ResponseMalformed, status, isTransient: false);
        }

        Verify(answer);
        if (answer.MemberName == "error_response")
        {
            throw Refusal(answer);
        }

        return answer;
    }

    private void Verify(AlipayResponse answer)
    {
        if (answer.Sign is null)
        {
            // Alipay cannot sign for an app it does not know (e.g. 40001/40002 invalid app_id): such an answer may
            // only ever fail the call. A success must be signed.
            throw answer.Code == AlipayResponse.SuccessCode
                ? new ChannelException("Alipay's success answer carries no signature.", ResponseSignatureMissing, 200, isTransient: false)
                : Refusal(answer, signed: false);
        }

        if (_alipayCertSn is not null && answer.AlipayCertSn is { } certSn && !string.Equals(certSn, _alipayCertSn, StringComparison.OrdinalIgnoreCase))
        {
            throw new ChannelException($"Alipay signed with certificate {certSn}, not the configured {_alipayCertSn}.", ResponseCertificateUnknown, 200, isTransient: false);
        }

        if (!AlipaySignature.Verify(_alipayPublicKey, answer.Content.Span, answer.Sign))
        {
            throw new ChannelException("Alipay response signature rejected.", ResponseSignatureInvalid, 200, isTransient: false);
        }
    }

    private static ChannelException Refusal(AlipayResponse response, bool signed = true)
    {
        var transient = response.Code == UnknownCode || response.SubCode == SystemError;
        var text = new StringBuilder($"Alipay answered {response.Code} {response.SubCode}: {response.Message}");
        if (!signed)
        {
            text.Append(" (unsigned)");
        }

        return new ChannelException(text.ToString(), response.SubCode ?? response.Code, 200, transient);
    }

    // subject is documented as at most 256 characters; a surrogate pair is never cut in half.
    private static string Subject(string description) =>
        description.Length <= MaxSubjectLength ? description
            : description[..(char.IsHighSurrogate(description[MaxSubjectLength - 1]) ? MaxSubjectLength - 1 : MaxSubjectLength)];

    private static ChannelException Malformed(string field) =>
        new($"Alipay's answer carries an unusable {field}.", ResponseMalformed, 200, isTransient: false);
}

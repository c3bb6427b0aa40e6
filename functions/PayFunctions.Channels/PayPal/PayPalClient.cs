using System.Text.Json;
using PayFunctions.Domain;

namespace PayFunctions.Channels.PayPal;

/// <summary>
/// PayPal Checkout through the Orders v2 REST API for one app: an order of intent CAPTURE per payment, approved by the
/// payer on PayPal's page and captured by the platform (an approved order is <see cref="ChannelTradeState.Authorized"/>
/// until then), refunds of the capture, and webhooks verified locally against PayPal's certificate.
/// </summary>
public sealed class PayPalClient : IPaymentChannel
{
    /// <summary>The channel name used across the platform.</summary>
    public const string ChannelName = "paypal";

    /// <summary>The payer approves the order on PayPal's page, reached by redirect.</summary>
    public const string CheckoutMethod = "paypal.checkout";

    private const string OrdersPath = "/v2/checkout/orders";
    private const int MaxDescriptionLength = 127;

    private readonly HttpClient _httpClient;
    private readonly PayPalOptions _options;
    private readonly TimeProvider _time;
    private readonly PayPalTransport _transport;
    private readonly PayPalWebhookCertificates _certificates;
    private readonly PayPalNotificationParser _notifications;

    internal PayPalClient(HttpClient httpClient, PayPalOptions options, string clientSecret, PayPalAccessTokens tokens, PayPalWebhookCertificates certificates, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Validate(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        _httpClient = httpClient;
        _options = options;
        _time = timeProvider;
        _certificates = certificates;
        _transport = new PayPalTransport(httpClient, options, clientSecret, tokens, timeProvider);
        _notifications = new PayPalNotificationParser(options, certificates, timeProvider);
    }

    /// <inheritdoc />
    public string Name => ChannelName;

    /// <summary>HTTP 200: any 2xx tells PayPal the webhook was delivered.</summary>
    public ChannelReply SuccessReply { get; } = new(200, "text/plain; charset=utf-8", string.Empty);

    /// <summary>HTTP 500: anything but a 2xx makes PayPal deliver the webhook again (up to 25 times over 3 days).</summary>
    public ChannelReply FailureReply(string message) => new(500, "text/plain; charset=utf-8", string.IsNullOrWhiteSpace(message) ? "fail" : message);

    /// <summary>
    /// Creates the order (<c>POST /v2/checkout/orders</c>, intent CAPTURE) with the platform's order number as
    /// <c>PayPal-Request-Id</c>, so a repeated prepay gets the same order back, and returns PayPal's approval link.
    /// Whether the platform captures at once or later (<see cref="PrepayRequest.CaptureLater"/>), the order is the same:
    /// PayPal takes no money before the capture.
    /// </summary>
    public async Task<PrepayResult> PrepayAsync(PrepayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != CheckoutMethod)
        {
            throw new ChannelException($"This PayPal adapter does not serve {request.Method}.", "METHOD_NOT_SUPPORTED", null, isTransient: false);
        }

        if (request.ReturnUrl is null)
        {
            throw new ChannelException("PayPal's approval page needs a return_url to send the payer back to.", "RETURN_URL_MISSING", null, isTransient: false);
        }

        var returnUrl = request.ReturnUrl.AbsoluteUri;
        var body = new CreateOrderRequest(
            "CAPTURE",
            [new PurchaseUnitRequest(request.OutTradeNo, request.OutTradeNo, Money(request.Amount), Truncate(request.Description))],
            new PaymentSourceRequest(new PayPalSourceRequest(new ExperienceContext(returnUrl, returnUrl, "PAY_NOW", "NO_SHIPPING"))));
        var answer = await _transport.SendAsync(HttpMethod.Post, OrdersPath, body, request.OutTradeNo, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            throw PayPalTransport.Refused("order", answer.Status, answer.Body);
        }

        var order = PayPalTransport.Read<PayPalOrder>(answer);
        var approve = order.Links?.FirstOrDefault(l => l.Rel is "payer-action" or "approve")?.Href;
        if (order.Status is "CREATED" or "PAYER_ACTION_REQUIRED" && ChannelUrls.TryParseHttpUrl(approve, out var link))
        {
            return PrepayResult.Placed(new RedirectToUrl(link)) with { ChannelOrderId = order.Id };
        }

        // The same PayPal-Request-Id answers the order as it now stands: approved or paid already, there is nothing to show.
        return PrepayResult.AlreadyAtChannel(order.Status ?? PayPalTransport.ResponseMalformed) with { ChannelOrderId = order.Id };
    }

    /// <summary>Reads the order (<c>GET /v2/checkout/orders/{id}</c>) by PayPal's id, which PayPal needs for every later call.</summary>
    public async Task<ChannelOrder> QueryAsync(ChannelOrderRef order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.ChannelOrderId is null)
        {
            // The order was never placed (its create was refused or never answered with an id): PayPal has nothing to pay.
            return new ChannelOrder(order.OutTradeNo, ChannelTradeState.NotPaid, null, null, null);
        }

        return Checked(await GetOrderAsync(order.ChannelOrderId, cancellationToken).ConfigureAwait(false), order.OutTradeNo);
    }

    /// <summary>
    /// PayPal cannot void an order of intent CAPTURE, so the capabilities do not declare Close: an order nobody captures
    /// moves no money and lapses at PayPal by itself.
    /// </summary>
    public Task<CloseOutcome> CloseAsync(ChannelOrderRef order, CancellationToken cancellationToken) =>
        throw new NotSupportedException("PayPal has no void for an order of intent CAPTURE; an uncaptured order moves no money and lapses.");

    /// <summary>
    /// Captures an approved order (<c>POST /v2/checkout/orders/{id}/capture</c>, <c>PayPal-Request-Id</c> derived from the
    /// order number, so a repeat is the same capture). PayPal captures the whole order amount: a smaller
    /// <paramref name="amount"/> first replaces the order's amount (<c>PATCH</c>, allowed while the order is APPROVED); a
    /// larger one, or another currency, is refused.
    /// </summary>
    public async Task<ChannelOrder> CaptureAsync(ChannelOrderRef order, Money amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var id = order.ChannelOrderId ?? throw new ChannelException("The payment has no PayPal order to capture.", "ORDER_NOT_PLACED", null, isTransient: false);
        var current = Checked(await GetOrderAsync(id, cancellationToken).ConfigureAwait(false), order.OutTradeNo);
        if (current.State != ChannelTradeState.Authorized)
        {
            // Captured already (by an earlier attempt), not approved yet, or voided: the order says so itself.
            return current;
        }

        if (current.Amount is not { } authorized || amount.Currency != authorized.Currency || amount.MinorUnits > authorized.MinorUnits || !amount.IsPositive)
        {
            throw new ChannelException($"PayPal cannot capture {amount} of an order of {current.Amount}.", "CAPTURE_AMOUNT_INVALID", null, isTransient: false);
        }

        if (amount.MinorUnits < authorized.MinorUnits)
        {
            var patch = new[] { new PatchOperation("replace", "/purchase_units/@reference_id=='default'/amount", Money(amount)) };
            var patched = await _transport.SendAsync(HttpMethod.Patch, $"{OrdersPath}/{Uri.EscapeDataString(id)}", patch, null, cancellationToken).ConfigureAwait(false);
            if (!patched.IsSuccess)
            {
                throw PayPalTransport.Refused("amount change", patched.Status, patched.Body);
            }
        }

        var answer = await _transport.SendAsync(HttpMethod.Post, $"{OrdersPath}/{Uri.EscapeDataString(id)}/capture", null, order.OutTradeNo + "-capture", cancellationToken)
            .ConfigureAwait(false);
        if (answer.IsSuccess)
        {
            return Checked(PayPalTransport.Read<PayPalOrder>(answer), order.OutTradeNo);
        }

        // Captured by a concurrent attempt: the order tells what it became.
        return PayPalTransport.IssueOf(answer.Body) == "ORDER_ALREADY_CAPTURED"
            ? Checked(await GetOrderAsync(id, cancellationToken).ConfigureAwait(false), order.OutTradeNo)
            : throw PayPalTransport.Refused("capture", answer.Status, answer.Body);
    }

    /// <summary>
    /// Refunds part or all of the capture (<c>POST /v2/payments/captures/{capture id}/refund</c>) with the refund number
    /// as <c>PayPal-Request-Id</c> and <c>invoice_id</c>, and the order number as <c>custom_id</c>.
    /// </summary>
    public async Task<ChannelRefund> RefundAsync(ChannelRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var captureId = request.ChannelTradeNo ?? throw new ChannelException("A PayPal refund needs the capture id.", "CAPTURE_ID_MISSING", null, isTransient: false);
        var body = new RefundRequest(Money(request.Amount), request.OutRefundNo, request.OutTradeNo, request.Reason is null ? null : Truncate(request.Reason));
        var answer = await _transport.SendAsync(HttpMethod.Post, $"/v2/payments/captures/{Uri.EscapeDataString(captureId)}/refund", body, request.OutRefundNo, cancellationToken)
            .ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            throw PayPalTransport.Refused("refund", answer.Status, answer.Body);
        }

        return ReadRefund(PayPalTransport.Read<PayPalRefund>(answer), request.OutRefundNo, answer.Status);
    }

    /// <summary>Reads a refund from the order's details, where PayPal lists the refunds of its capture with their <c>invoice_id</c>.</summary>
    public async Task<ChannelRefund> QueryRefundAsync(ChannelOrderRef order, string outRefundNo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var id = order.ChannelOrderId ?? throw new ChannelException("The payment has no PayPal order.", "ORDER_NOT_PLACED", null, isTransient: false);
        var details = await GetOrderAsync(id, cancellationToken).ConfigureAwait(false);
        var refund = details.PurchaseUnits?.SelectMany(u => u.Payments?.Refunds ?? []).FirstOrDefault(r => r.InvoiceId == outRefundNo)
            ?? throw new ChannelException("PayPal has no such refund.", "REFUND_NOT_FOUND", 404, isTransient: false);
        return ReadRefund(refund, outRefundNo, 200);
    }

    /// <summary>
    /// Fetches and checks the signing certificate the webhook names, when it is from an allowed URL and not cached, so the
    /// synchronous <see cref="ParseNotification"/> finds it.
    /// </summary>
    public async Task PrepareNotificationAsync(IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        if (PayPalWebhookHeaders.From(headers) is { } signed && ChannelUrls.TryParseHttpUrl(signed.CertUrl, out var certUrl)
            && !_certificates.TryGet(certUrl, _time.GetUtcNow(), out _) && signed.TryReadTime(out var sentAt)
            && (_time.GetUtcNow() - sentAt).Duration() <= PayPalNotificationParser.MaxClockSkew)
        {
            await _certificates.EnsureAsync(_httpClient, certUrl, _options.BaseUrl, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ChannelNotification ParseNotification(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body) => _notifications.Parse(headers, body);

    private async Task<PayPalOrder> GetOrderAsync(string id, CancellationToken cancellationToken)
    {
        var answer = await _transport.SendAsync(HttpMethod.Get, $"{OrdersPath}/{Uri.EscapeDataString(id)}", null, null, cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess ? PayPalTransport.Read<PayPalOrder>(answer) : throw PayPalTransport.Refused("order query", answer.Status, answer.Body);
    }

    private static ChannelOrder Checked(PayPalOrder order, string outTradeNo)
    {
        ChannelOrder view;
        try
        {
            view = PayPalOrderStates.ToChannelOrder(order);
        }
        catch (JsonException ex)
        {
            throw new ChannelException($"PayPal answered with an unusable order: {ex.Message}", PayPalTransport.ResponseMalformed, null, isTransient: false, ex);
        }

        // An order id from storage must still be this payment's order: PayPal's invoice_id is the platform's number.
        return view.OutTradeNo == outTradeNo
            ? view
            : throw new ChannelException("PayPal answered about another order.", PayPalTransport.ResponseMalformed, null, isTransient: false);
    }

    private static ChannelRefund ReadRefund(PayPalRefund refund, string outRefundNo, int status)
    {
        try
        {
            return PayPalOrderStates.ToChannelRefund(refund, outRefundNo);
        }
        catch (JsonException ex)
        {
            throw new ChannelException($"PayPal answered with an unusable refund: {ex.Message}", PayPalTransport.ResponseMalformed, status, isTransient: false, ex);
        }
    }

    private static PayPalMoney Money(Money money) => new(money.Currency.Code, PayPalAmounts.Format(money));

    private static string Truncate(string text) => text.Length > MaxDescriptionLength ? text[..MaxDescriptionLength] : text;

    private static void Validate(PayPalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BaseUrl is not { IsAbsoluteUri: true })
        {
            throw new ArgumentException("BaseUrl must be absolute.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.WebhookId))
        {
            throw new ArgumentException("A PayPal account needs its ClientId and WebhookId.", nameof(options));
        }
    }
}

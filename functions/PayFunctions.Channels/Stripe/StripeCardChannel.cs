using PayFunctions.Domain;
using Stripe;
using Stripe.Checkout;

namespace PayFunctions.Channels.Stripe;

/// <summary>
/// One Stripe account, through the maintained Stripe.net SDK pointed at <see cref="StripeOptions.BaseUrl"/>: each order is a
/// Checkout Session in <c>payment</c> mode (the card is entered on Stripe's page, never on the platform's), with the
/// PaymentIntent Stripe creates under it; query, close, cancel, capture and refunds go through that session and intent.
/// </summary>
public sealed partial class StripeCardChannel : IPaymentChannel
{
    /// <summary>The channel name used across the platform.</summary>
    public const string ChannelName = "stripe";

    /// <summary>Visa and Mastercard cards on Stripe's hosted Checkout page.</summary>
    public const string CardMethod = "stripe.card";

    /// <summary>The metadata key that carries the platform's order number on the session, the PaymentIntent and its refunds.</summary>
    public const string OutTradeNoKey = "out_trade_no";

    /// <summary>The metadata key that carries the platform's refund number on a refund.</summary>
    public const string OutRefundNoKey = "out_refund_no";

    // Stripe expires a session no sooner than 30 minutes and no later than 24 hours after it is created; the margins keep a
    // deadline near either bound valid when the request reaches Stripe a little later.
    private static readonly TimeSpan ShortestSession = TimeSpan.FromMinutes(35);
    private static readonly TimeSpan LongestSession = TimeSpan.FromHours(23);

    private readonly StripeOptions _options;
    private readonly TimeProvider _time;
    private readonly SessionService _sessions;
    private readonly PaymentIntentService _paymentIntents;
    private readonly RefundService _refunds;
    private readonly StripeWebhook _webhook;

    /// <summary>Creates the adapter of one account.</summary>
    /// <param name="httpClient">The platform's transport; its lifetime and timeout belong to the caller.</param>
    /// <param name="options">The account's settings and secrets.</param>
    /// <param name="timeProvider">The clock for session deadlines and the webhook tolerance.</param>
    public StripeCardChannel(HttpClient httpClient, StripeOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _options = options;
        _time = timeProvider;

        // No retries inside the SDK: the platform's durable retries own the schedule, and every money call carries its
        // own idempotency key, so a retried call is the same call.
        var client = new StripeClient(
            options.SecretKey,
            httpClient: new SystemNetHttpClient(httpClient, maxNetworkRetries: 0, appInfo: null, enableTelemetry: false),
            apiBase: options.BaseUrl.GetLeftPart(UriPartial.Authority));
        _sessions = new SessionService(client);
        _paymentIntents = new PaymentIntentService(client);
        _refunds = new RefundService(client);
        _webhook = new StripeWebhook(options.WebhookSecret, options.AccountId, timeProvider);
    }

    /// <inheritdoc />
    public string Name => ChannelName;

    /// <summary>HTTP 200: Stripe takes any 2xx as delivered.</summary>
    public ChannelReply SuccessReply { get; } = new(200, "application/json", """{"received":true}""");

    /// <summary>HTTP 500: anything but a 2xx makes Stripe deliver the event again, with back-off, for up to three days.</summary>
    public ChannelReply FailureReply(string message) => new(500, "text/plain; charset=utf-8", string.IsNullOrWhiteSpace(message) ? "failed" : message);

    /// <summary>
    /// Creates the Checkout Session with the order number as its idempotency key, so a repeated prepay gets the same session
    /// back; its id is the order's <see cref="PrepayResult.ChannelOrderId"/> and its URL the payer's next step.
    /// </summary>
    public async Task<PrepayResult> PrepayAsync(PrepayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != CardMethod)
        {
            throw new ChannelException($"This Stripe adapter does not serve {request.Method}.", "METHOD_NOT_SUPPORTED", null, isTransient: false);
        }

        if (request.ReturnUrl is null)
        {
            throw new ChannelException("Stripe Checkout needs a return URL to send the payer back to.", "RETURN_URL_MISSING", null, isTransient: false);
        }

        var metadata = new Dictionary<string, string> { [OutTradeNoKey] = request.OutTradeNo };
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            AllowedPaymentMethodTypes = ["card"],
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = request.Amount.Currency.Code.ToLowerInvariant(),
                        UnitAmount = request.Amount.MinorUnits,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                    },
                },
            ],
            ClientReferenceId = request.OutTradeNo,
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                CaptureMethod = request.CaptureLater ? "manual" : "automatic",
                Metadata = new Dictionary<string, string>(metadata),
                Description = request.Description,
            },
            ExpiresAt = SessionDeadline(request.ExpiresAt),
            SuccessUrl = request.ReturnUrl.AbsoluteUri,
            CancelUrl = request.ReturnUrl.AbsoluteUri,
        };
        var session = await CallAsync(
            () => _sessions.CreateAsync(options, new RequestOptions { IdempotencyKey = request.OutTradeNo }, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!ChannelUrls.TryParseHttpUrl(session.Url, out var url) || string.IsNullOrEmpty(session.Id))
        {
            throw new ChannelException("Stripe answered a Checkout Session without an id or URL.", StripeFailures.ResponseMalformed, 200, isTransient: false);
        }

        return PrepayResult.Placed(new RedirectToUrl(url)) with { ChannelOrderId = session.Id };
    }

    /// <summary>Reads the session with its PaymentIntent and the intent's latest charge, and maps them.</summary>
    public async Task<ChannelOrder> QueryAsync(ChannelOrderRef order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.ChannelOrderId is null)
        {
            // No session was ever created for this order, so nothing at Stripe can be paid.
            return new ChannelOrder(order.OutTradeNo, ChannelTradeState.NotPaid, null, null, null);
        }

        var session = await GetSessionAsync(order.ChannelOrderId, cancellationToken).ConfigureAwait(false);
        return StripeStates.OrderOf(order.OutTradeNo, session);
    }

    /// <summary>
    /// Expires an open session; a completed one is <see cref="CloseOutcome.AlreadyPaid"/>, also when its payment is only
    /// authorized: the payer has committed the money, and the platform decides whether to capture or release it.
    /// </summary>
    public async Task<CloseOutcome> CloseAsync(ChannelOrderRef order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.ChannelOrderId is null)
        {
            return CloseOutcome.NotFound;
        }

        var session = await GetSessionAsync(order.ChannelOrderId, cancellationToken).ConfigureAwait(false);
        return StripeStates.OrderOf(order.OutTradeNo, session).State switch
        {
            ChannelTradeState.Succeeded or ChannelTradeState.Refunded or ChannelTradeState.Authorized => CloseOutcome.AlreadyPaid,
            _ => await ReleaseAsync(order, session, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Cancels whatever the order's state: an open session expires, an authorization is released, a paid order is refunded in full.</summary>
    public async Task<CloseOutcome> CancelAsync(ChannelOrderRef order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.ChannelOrderId is null)
        {
            return CloseOutcome.NotFound;
        }

        var session = await GetSessionAsync(order.ChannelOrderId, cancellationToken).ConfigureAwait(false);
        var current = StripeStates.OrderOf(order.OutTradeNo, session);
        if (current.State is not (ChannelTradeState.Succeeded or ChannelTradeState.Refunded))
        {
            return await ReleaseAsync(order, session, cancellationToken).ConfigureAwait(false);
        }

        var options = new RefundCreateOptions
        {
            PaymentIntent = current.ChannelTradeNo,
            Metadata = new Dictionary<string, string> { [OutTradeNoKey] = order.OutTradeNo },
        };

        // One cancel per order: the key makes a repeated cancel the same refund.
        await CallAsync(
            () => _refunds.CreateAsync(options, new RequestOptions { IdempotencyKey = "cancel-" + order.OutTradeNo }, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return CloseOutcome.Reversed;
    }

    /// <summary>Captures <paramref name="amount"/> of an authorized order; the same capture again is answered with the captured order.</summary>
    public async Task<ChannelOrder> CaptureAsync(ChannelOrderRef order, Money amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var current = await QueryAsync(order, cancellationToken).ConfigureAwait(false);
        if (current.State == ChannelTradeState.Succeeded && current.Amount == amount)
        {
            return current;
        }

        if (current.State != ChannelTradeState.Authorized || current.ChannelTradeNo is null)
        {
            throw new ChannelException($"The order is {current.State} at Stripe, not authorized.", "PAYMENT_INTENT_UNEXPECTED_STATE", null, isTransient: false);
        }

        if (current.Amount is { } authorized && (amount.Currency != authorized.Currency || amount.MinorUnits > authorized.MinorUnits || amount.MinorUnits <= 0))
        {
            throw new ChannelException($"Cannot capture {amount} of an authorization of {authorized}.", "AMOUNT_TOO_LARGE", null, isTransient: false);
        }

        var options = new PaymentIntentCaptureOptions { AmountToCapture = amount.MinorUnits };
        var key = $"capture-{order.OutTradeNo}-{amount.MinorUnits}";
        await CallAsync(
            () => _paymentIntents.CaptureAsync(current.ChannelTradeNo, options, new RequestOptions { IdempotencyKey = key }, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return await QueryAsync(order, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ChannelNotification ParseNotification(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body) =>
        _webhook.Parse(headers, body);

    /// <summary>
    /// Stripe's default deadline (24 hours) unless the payment's own falls where Stripe takes it: the platform expires the
    /// session itself at the payment's expiry. Only the payment's fixed deadline is ever sent, so a repeated create sends
    /// the same parameters under the same idempotency key.
    /// </summary>
    private DateTime? SessionDeadline(DateTimeOffset expiresAt)
    {
        var ahead = expiresAt - _time.GetUtcNow();
        return ahead >= ShortestSession && ahead <= LongestSession ? expiresAt.UtcDateTime : null;
    }

    private async Task<CloseOutcome> ReleaseAsync(ChannelOrderRef order, Session session, CancellationToken cancellationToken)
    {
        try
        {
            switch (session.Status)
            {
                case "open":
                    await CallAsync(() => _sessions.ExpireAsync(session.Id, null, null, cancellationToken), cancellationToken).ConfigureAwait(false);
                    break;
                case "complete" when session.PaymentIntent is { Status: "requires_capture" } authorized:
                    await CallAsync(() => _paymentIntents.CancelAsync(authorized.Id, null, null, cancellationToken), cancellationToken).ConfigureAwait(false);
                    break;
                case "expired":
                    return CloseOutcome.Closed;
            }
        }
        catch (ChannelException refused) when (refused.HttpStatus == 400)
        {
            // The session or intent moved on since it was read (the payer paid, or it expired): the read below tells which.
        }

        // Whatever was done, the session as Stripe now holds it decides: a payer who finished paying meanwhile has paid.
        var after = StripeStates.OrderOf(order.OutTradeNo, await GetSessionAsync(session.Id, cancellationToken).ConfigureAwait(false));
        return after.State switch
        {
            ChannelTradeState.Closed => CloseOutcome.Closed,
            ChannelTradeState.Succeeded or ChannelTradeState.Refunded => CloseOutcome.AlreadyPaid,
            _ => throw new ChannelException($"The Stripe session is still {after.State}; closing is tried again.", "SESSION_NOT_CLOSED", null, isTransient: true),
        };
    }

    private Task<Session> GetSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        var options = new SessionGetOptions { Expand = ["payment_intent.latest_charge"] };
        return CallAsync(() => _sessions.GetAsync(sessionId, options, null, cancellationToken), cancellationToken);
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (StripeFailures.Translate(exception, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }
}

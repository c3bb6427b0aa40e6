using ChannelSandbox.WeChatPay.Notifications;
using ChannelSandbox.WeChatPay.Refunds;

namespace ChannelSandbox.WeChatPay;

/// <summary>One order, of any trade type, and everything that happened to it. Every transition holds the order's lock.</summary>
public sealed class Order(PrepayRequest request, PrepayAnswer answer, DateTimeOffset createdAt) : INotificationTarget
{
    // WeChat Pay closes an unpaid order two hours after it was placed unless time_expire says otherwise.
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(2);

    private readonly Lock _gate = new();
    private readonly List<DeliveryRecord> _deliveries = [];
    private readonly List<Refund> _refunds = [];
    private TradeState _state = request.TradeType == TradeType.MICROPAY ? TradeState.USERPAYING : TradeState.NOTPAY;
    private string? _transactionId;
    private string? _openId = request.OpenId;
    private DateTimeOffset? _successTime;

    public PrepayRequest Request { get; } = request;

    /// <summary>What the prepay answered: code_url, prepay_id or h5_url; empty for a payment-code order.</summary>
    public PrepayAnswer Answer { get; } = answer;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset ExpiresAt { get; } = request.TimeExpire ?? createdAt + DefaultLifetime;

    /// <summary>The payment notification, built once at payment so every delivery carries the same id and body.</summary>
    public NotificationMessage? Notification { get; private set; }

    public string Label => Request.OutTradeNo;

    public string? NotifyUrl => Request.NotifyUrl;

    public TradeState State(DateTimeOffset now)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
            return _state;
        }
    }

    /// <summary>The payer pays. A payment-code order is never notified: the till learns the result by querying.</summary>
    /// <param name="racedClose">
    /// The payer's payment was under way when the order closed or expired, and completes anyway: what
    /// WeChat Pay warns of for a close called too soon after the order was placed.
    /// </param>
    /// <param name="successTime">When the payment completed, when not <paramref name="now"/>: a payment booked at a chosen moment, such as just before midnight.</param>
    public OrderOutcome Pay(DateTimeOffset now, Func<Transaction, NotificationMessage> notify, bool racedClose = false, DateTimeOffset? successTime = null)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
            if (Final() is { } final && !(racedClose && _state == TradeState.CLOSED))
            {
                return final;
            }

            _state = TradeState.SUCCESS;
            _successTime = successTime ?? now;
            _transactionId = "4200" + WeChatPayCrypto.RandomDigits(6) + ChinaTime.Format(_successTime.Value)[..10].Replace("-", "", StringComparison.Ordinal) + WeChatPayCrypto.RandomDigits(10);
            _openId ??= "o" + WeChatPayCrypto.RandomString(27);
            Notification = Request.TradeType == TradeType.MICROPAY ? null : notify(Snapshot());
            return OrderOutcome.Done;
        }
    }

    public OrderOutcome Fail(DateTimeOffset now)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
            if (Final() is { } final)
            {
                return final;
            }

            _state = TradeState.PAYERROR;
            return OrderOutcome.Done;
        }
    }

    /// <summary>Closing a closed order succeeds again: the merchant's intent is already met.</summary>
    public OrderOutcome Close(DateTimeOffset now)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
            if (_state.IsPaid())
            {
                return OrderOutcome.AlreadyPaid;
            }

            _state = TradeState.CLOSED;
            return OrderOutcome.Done;
        }
    }

    /// <summary>
    /// Reverses a payment-code order: an unpaid one is revoked, a paid one revoked and its money returned. Not while
    /// the payer is still confirming; reversing a reversed order succeeds again.
    /// </summary>
    public OrderOutcome Reverse(DateTimeOffset now)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
            if (_state == TradeState.USERPAYING)
            {
                return OrderOutcome.UserPaying;
            }

            _state = TradeState.REVOKED;
            return OrderOutcome.Done;
        }
    }

    /// <summary>
    /// Takes a refund of a paid order. A repeated out_refund_no is the same refund; the refunds of an order never add
    /// up to more than its total.
    /// </summary>
    public (Refund? Refund, RefundOutcome Outcome) Refund(RefundRequest refund, DateTimeOffset now, TimeSpan delay, RefundFate fate)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
            if (_refunds.Find(existing => existing.Request.OutRefundNo == refund.OutRefundNo) is { } same)
            {
                return (same, RefundOutcome.Taken);
            }

            if (!_state.IsPaid())
            {
                return (null, RefundOutcome.NotPaid);
            }

            if (refund.Total != Request.Total)
            {
                return (null, RefundOutcome.TotalMismatch);
            }

            if (_refunds.Sum(existing => existing.Request.Amount) + refund.Amount > Request.Total)
            {
                return (null, RefundOutcome.NotEnough);
            }

            var taken = new Refund(refund, _transactionId!, now, now + delay, fate);
            _refunds.Add(taken);
            _state = TradeState.REFUND;
            return (taken, RefundOutcome.Taken);
        }
    }

    /// <summary>
    /// The payment as the trade bill lists it, once the order was paid: still listed after a refund, as REVOKED after a
    /// reversal; null for an order never paid.
    /// </summary>
    public PaidPayment? Payment()
    {
        lock (_gate)
        {
            return _successTime is { } paidAt ? new PaidPayment(_transactionId!, paidAt, _openId ?? string.Empty, _state == TradeState.REVOKED) : null;
        }
    }

    public IReadOnlyList<Refund> Refunds()
    {
        lock (_gate)
        {
            return [.. _refunds];
        }
    }

    public Transaction Transaction(DateTimeOffset now)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
            return Snapshot();
        }
    }

    public void Record(DeliveryRecord delivery)
    {
        lock (_gate)
        {
            _deliveries.Add(delivery);
        }
    }

    public IReadOnlyList<DeliveryRecord> Deliveries()
    {
        lock (_gate)
        {
            return [.. _deliveries];
        }
    }

    private OrderOutcome? Final() => _state switch
    {
        TradeState.CLOSED or TradeState.REVOKED => OrderOutcome.Closed,
        TradeState.SUCCESS or TradeState.REFUND => OrderOutcome.AlreadyPaid,
        _ => null,
    };

    private void ExpireIfDue(DateTimeOffset now)
    {
        if (_state is TradeState.NOTPAY or TradeState.PAYERROR && now >= ExpiresAt)
        {
            _state = TradeState.CLOSED;
        }
    }

    private Transaction Snapshot()
    {
        var direct = DirectSnapshot();
        return Request.SubMchId is null
            ? direct
            : direct with
            {
                AppId = null,
                MchId = null,
                SpAppId = Request.AppId,
                SpMchId = Request.MchId,
                SubAppId = Request.SubAppId,
                SubMchId = Request.SubMchId,
                Payer = direct.Payer is { OpenId: { } openId }
                    ? Request.SubOpenId ? new TransactionPayer(null, SubOpenId: openId) : new TransactionPayer(null, SpOpenId: openId)
                    : null,
            };
    }

    private Transaction DirectSnapshot()
    {
        var paid = _state.IsPaid();
        return new Transaction(
            Request.AppId,
            Request.MchId,
            Request.OutTradeNo,
            _transactionId,
            Request.TradeType.ToString(),
            _state.ToString(),
            _state.Description(),
            paid ? "OTHERS" : null,
            Request.Attach,
            _successTime is { } successTime ? ChinaTime.Format(successTime) : null,
            _openId is { } openId && (paid || Request.TradeType == TradeType.JSAPI) ? new TransactionPayer(openId) : null,
            new TransactionAmount(Request.Total, paid ? Request.Total : null, Request.Currency, Request.Currency));
    }
}

/// <summary>A paid order's payment: its transaction id, when it was paid, by whom, and whether it was reversed since.</summary>
public sealed record PaidPayment(string TransactionId, DateTimeOffset PaidAt, string OpenId, bool Revoked);

/// <summary>What a prepay answered, by trade type: <c>code_url</c>, <c>prepay_id</c> or <c>h5_url</c>.</summary>
public sealed record PrepayAnswer(string? CodeUrl = null, string? PrepayId = null, string? H5Url = null);

public enum OrderOutcome
{
    Done,
    Closed,
    AlreadyPaid,
    UserPaying,
}

public enum RefundOutcome
{
    Taken,
    NotPaid,
    NotEnough,
    TotalMismatch,
}

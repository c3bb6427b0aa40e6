using ChannelSandbox.WeChatPay.Notifications;

namespace ChannelSandbox.WeChatPay;

/// <summary>One Native order and everything that happened to it. Every transition holds the order's lock.</summary>
public sealed class NativeOrder(PrepayRequest request, string codeUrl, DateTimeOffset createdAt)
{
    // WeChat Pay closes an unpaid Native order two hours after it was placed unless time_expire says otherwise.
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(2);

    private readonly Lock _gate = new();
    private readonly List<DeliveryRecord> _deliveries = [];
    private TradeState _state = TradeState.NOTPAY;
    private string? _transactionId;
    private string? _openId;
    private DateTimeOffset? _successTime;

    public PrepayRequest Request { get; } = request;

    public string CodeUrl { get; } = codeUrl;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset ExpiresAt { get; } = request.TimeExpire ?? createdAt + DefaultLifetime;

    /// <summary>The payment notification, built once at payment so every delivery carries the same id and body.</summary>
    public NotificationMessage? Notification { get; private set; }

    public TradeState State(DateTimeOffset now)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
            return _state;
        }
    }

    public OrderOutcome Pay(DateTimeOffset now, Func<Transaction, NotificationMessage> notify)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
            switch (_state)
            {
                case TradeState.CLOSED:
                    return OrderOutcome.Closed;
                case TradeState.SUCCESS:
                    return OrderOutcome.AlreadyPaid;
            }

            _state = TradeState.SUCCESS;
            _successTime = now;
            _transactionId = "4200" + WeChatPayCrypto.RandomDigits(6) + ChinaTime.Format(now)[..10].Replace("-", "", StringComparison.Ordinal) + WeChatPayCrypto.RandomDigits(10);
            _openId = "o" + WeChatPayCrypto.RandomString(27);
            Notification = notify(Snapshot());
            return OrderOutcome.Done;
        }
    }

    public OrderOutcome Fail(DateTimeOffset now)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
            switch (_state)
            {
                case TradeState.CLOSED:
                    return OrderOutcome.Closed;
                case TradeState.SUCCESS:
                    return OrderOutcome.AlreadyPaid;
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
            if (_state == TradeState.SUCCESS)
            {
                return OrderOutcome.AlreadyPaid;
            }

            _state = TradeState.CLOSED;
            return OrderOutcome.Done;
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

    private void ExpireIfDue(DateTimeOffset now)
    {
        if (_state is TradeState.NOTPAY or TradeState.PAYERROR && now >= ExpiresAt)
        {
            _state = TradeState.CLOSED;
        }
    }

    private Transaction Snapshot()
    {
        var paid = _state == TradeState.SUCCESS;
        return new Transaction(
            Request.AppId,
            Request.MchId,
            Request.OutTradeNo,
            _transactionId,
            "NATIVE",
            _state.ToString(),
            _state.Description(),
            paid ? "OTHERS" : null,
            Request.Attach,
            _successTime is { } successTime ? ChinaTime.Format(successTime) : null,
            paid ? new TransactionPayer(_openId!) : null,
            new TransactionAmount(Request.Total, paid ? Request.Total : null, Request.Currency, Request.Currency));
    }
}

public enum OrderOutcome
{
    Done,
    Closed,
    AlreadyPaid,
}

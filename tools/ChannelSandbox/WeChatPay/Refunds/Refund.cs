using ChannelSandbox.WeChatPay.Notifications;

namespace ChannelSandbox.WeChatPay.Refunds;

/// <summary>
/// One refund: PROCESSING until it is due, then SUCCESS (or ABNORMAL when it was told to fail), notified unless it was
/// told to stay silent. Transitions hold its lock.
/// </summary>
public sealed class Refund(RefundRequest request, string transactionId, DateTimeOffset createdAt, DateTimeOffset dueAt, RefundFate fate) : INotificationTarget
{
    private readonly Lock _gate = new();
    private readonly List<DeliveryRecord> _deliveries = [];
    private RefundStatus _status = RefundStatus.PROCESSING;
    private bool _fails = fate.Fails;
    private DateTimeOffset? _successTime;

    public RefundRequest Request { get; } = request;

    public string RefundId { get; } = "50" + WeChatPayCrypto.RandomDigits(27);

    public string TransactionId { get; } = transactionId;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset DueAt { get; } = dueAt;

    /// <summary>The result notification, built once when the refund ends so every delivery carries the same id and body.</summary>
    public NotificationMessage? Notification { get; private set; }

    public string Label => Request.OutRefundNo;

    public string? NotifyUrl => Request.NotifyUrl;

    /// <summary>Ends a due refund (or, when <paramref name="failNow"/>, fails a processing one at once); true only for the call that ended it.</summary>
    public bool TryEnd(DateTimeOffset now, bool failNow, string mchId, Func<RefundNotice, NotificationMessage> notify)
    {
        lock (_gate)
        {
            if (_status != RefundStatus.PROCESSING || (!failNow && now < DueAt))
            {
                return false;
            }

            _fails |= failNow;
            _status = _fails ? RefundStatus.ABNORMAL : RefundStatus.SUCCESS;
            _successTime = _fails ? null : now;
            Notification = NotifyUrl is null || fate.Silent ? null : notify(Notice(mchId));
            return true;
        }
    }

    public RefundStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>The refund as the refund and query APIs return it.</summary>
    public RefundView View()
    {
        lock (_gate)
        {
            return new RefundView(
                RefundId,
                Request.OutRefundNo,
                TransactionId,
                Request.OutTradeNo,
                "ORIGINAL",
                "支付用户零钱",
                _successTime is { } success ? ChinaTime.Format(success) : null,
                ChinaTime.Format(CreatedAt),
                _status.ToString(),
                "AVAILABLE",
                new RefundViewAmount(Request.Total, Request.Amount, Request.Total, Request.Amount, Request.Amount, Request.Total, 0, Request.Currency, 0));
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

    private RefundNotice Notice(string mchId) => new(
        Request.SubMchId is null ? mchId : null,
        Request.OutTradeNo,
        TransactionId,
        Request.OutRefundNo,
        RefundId,
        _status.ToString(),
        _successTime is { } success ? ChinaTime.Format(success) : null,
        "支付用户零钱",
        new RefundNoticeAmount(Request.Total, Request.Amount, Request.Total, Request.Amount))
    {
        SpMchid = Request.SubMchId is null ? null : mchId,
        SubMchid = Request.SubMchId,
    };
}

/// <summary>The <c>status</c> values of a refund; the names are the wire values.</summary>
public enum RefundStatus
{
    PROCESSING,
    SUCCESS,
    ABNORMAL,
}

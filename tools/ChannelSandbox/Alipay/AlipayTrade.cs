using System.Collections.Concurrent;

namespace ChannelSandbox.Alipay;

/// <summary>What the merchant asked for when the trade was placed; a repeat with other terms is ACQ.CONTEXT_INCONSISTENT.</summary>
public sealed record TradeTerms(string OutTradeNo, string Product, long TotalFen, string Subject, string? NotifyUrl, string? ReturnUrl, DateTimeOffset? TimeExpire, string? PassbackParams);

/// <summary>A notification exactly as it goes on the wire, built once: every delivery sends the same body.</summary>
public sealed record AlipayNotification(string NotifyId, string Kind, string Body);

/// <summary>One POST of a notification; <see cref="Status"/> is null when no HTTP answer came.</summary>
public sealed record AlipayDelivery(string NotifyId, string Reason, string Url, string Body, DateTimeOffset SentAt, int? Status, string? ResponseBody, string? Error, bool Acknowledged);

public sealed record AlipayRefund(string OutRequestNo, long Fen, DateTimeOffset At);

public enum TradeOutcome
{
    Done,
    NotExist,
    Closed,
    AlreadyPaid,
    StatusError,
    AmountExceeded,
    Discordant,
    Repeated,
}

/// <summary>
/// One trade and everything that happened to it. A precreated QR (or page/WAP) trade is invisible, as at Alipay,
/// until the payer scans it (or opens the cashier): query and close answer ACQ.TRADE_NOT_EXIST. Every transition
/// holds the trade's lock.
/// </summary>
public sealed class AlipayTrade(TradeTerms terms, string qrCode, DateTimeOffset createdAt)
{
    // Without time_expire an unpaid face-to-face trade is closed two hours after it was placed.
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(2);

    private readonly Lock _gate = new();
    private readonly List<AlipayDelivery> _deliveries = [];
    private readonly List<AlipayNotification> _notifications = [];
    private readonly List<AlipayRefund> _refunds = [];

    public TradeTerms Terms { get; } = terms;

    public string QrCode { get; } = qrCode;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset ExpiresAt => Terms.TimeExpire ?? CreatedAt + DefaultLifetime;

    public bool Visible { get; private set; }

    public string Status { get; private set; } = "WAIT_BUYER_PAY";

    public string? TradeNo { get; private set; }

    public string BuyerId { get; } = "2088" + AlipayCrypto.RandomDigits(12);

    public DateTimeOffset? PaidAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public long RefundedFen { get; private set; }

    /// <summary>The payer scanned the code or opened the cashier: the trade now exists at Alipay, waiting for payment.</summary>
    public TradeOutcome Scan(DateTimeOffset now)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
            if (Status == "TRADE_CLOSED")
            {
                return TradeOutcome.Closed;
            }

            Reveal(now);
            return TradeOutcome.Done;
        }
    }

    /// <summary>The payer confirms: TRADE_SUCCESS and the notification <paramref name="notify"/> builds.</summary>
    public TradeOutcome Pay(DateTimeOffset now, Func<AlipayTrade, string, IReadOnlyDictionary<string, string>, AlipayNotification>? notify)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
            switch (Status)
            {
                case "TRADE_CLOSED":
                    return TradeOutcome.Closed;
                case "TRADE_SUCCESS":
                    return TradeOutcome.AlreadyPaid;
            }

            Reveal(now);
            Status = "TRADE_SUCCESS";
            PaidAt = now;
            if (notify is not null)
            {
                _notifications.Add(notify(this, "payment", new Dictionary<string, string>()));
            }

            return TradeOutcome.Done;
        }
    }

    /// <summary>alipay.trade.close: only an existing unpaid trade can be closed.</summary>
    public TradeOutcome Close(DateTimeOffset now, Func<AlipayTrade, string, IReadOnlyDictionary<string, string>, AlipayNotification> notify, out AlipayNotification? notification)
    {
        notification = null;
        lock (_gate)
        {
            ExpireIfDue(now);
            if (!Visible)
            {
                return TradeOutcome.NotExist;
            }

            if (Status != "WAIT_BUYER_PAY")
            {
                return TradeOutcome.StatusError;
            }

            Status = "TRADE_CLOSED";
            ClosedAt = now;
            notification = notify(this, "close", new Dictionary<string, string> { ["gmt_close"] = AlipayCrypto.Time(now) });
            _notifications.Add(notification);
            return TradeOutcome.Done;
        }
    }

    /// <summary>alipay.trade.cancel: an unpaid trade (scanned or not) is closed, a paid one refunded in full; a repeat does nothing.</summary>
    public string? Cancel(DateTimeOffset now)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
            switch (Status)
            {
                case "WAIT_BUYER_PAY":
                    Reveal(now);
                    Status = "TRADE_CLOSED";
                    ClosedAt = now;
                    return "close";
                case "TRADE_SUCCESS":
                    _refunds.Add(new AlipayRefund(Terms.OutTradeNo, Terms.TotalFen - RefundedFen, now));
                    RefundedFen = Terms.TotalFen;
                    Status = "TRADE_CLOSED";
                    ClosedAt = now;
                    return "refund";
                default:
                    Reveal(now);
                    return null;
            }
        }
    }

    /// <summary>alipay.trade.refund: one refund per out_request_no; a repeat of the same one changes nothing.</summary>
    public TradeOutcome Refund(
        string outRequestNo,
        long fen,
        DateTimeOffset now,
        Func<AlipayTrade, string, IReadOnlyDictionary<string, string>, AlipayNotification> notify,
        out AlipayRefund? refund,
        out AlipayNotification? notification)
    {
        notification = null;
        lock (_gate)
        {
            ExpireIfDue(now);
            if (!Visible)
            {
                refund = null;
                return TradeOutcome.NotExist;
            }

            refund = _refunds.FirstOrDefault(existing => existing.OutRequestNo == outRequestNo);
            if (refund is not null)
            {
                return refund.Fen == fen ? TradeOutcome.Repeated : TradeOutcome.Discordant;
            }

            if (Status != "TRADE_SUCCESS")
            {
                return TradeOutcome.StatusError;
            }

            if (fen > Terms.TotalFen - RefundedFen)
            {
                return TradeOutcome.AmountExceeded;
            }

            refund = new AlipayRefund(outRequestNo, fen, now);
            _refunds.Add(refund);
            RefundedFen += fen;
            if (RefundedFen == Terms.TotalFen)
            {
                Status = "TRADE_CLOSED";
                ClosedAt = now;
            }

            notification = notify(this, "refund", new Dictionary<string, string>
            {
                ["out_biz_no"] = outRequestNo,
                ["refund_fee"] = AlipayCrypto.Yuan(RefundedFen),
                ["gmt_refund"] = AlipayCrypto.TimeWithMilliseconds(now),
            });
            _notifications.Add(notification);
            return TradeOutcome.Done;
        }
    }

    public AlipayRefund? FindRefund(string outRequestNo)
    {
        lock (_gate)
        {
            return _refunds.FirstOrDefault(refund => refund.OutRequestNo == outRequestNo);
        }
    }

    public void Touch(DateTimeOffset now)
    {
        lock (_gate)
        {
            ExpireIfDue(now);
        }
    }

    public AlipayNotification? LatestNotification()
    {
        lock (_gate)
        {
            return _notifications.LastOrDefault();
        }
    }

    public IReadOnlyList<AlipayNotification> Notifications()
    {
        lock (_gate)
        {
            return [.. _notifications];
        }
    }

    public void Record(AlipayDelivery delivery)
    {
        lock (_gate)
        {
            _deliveries.Add(delivery);
        }
    }

    public IReadOnlyList<AlipayDelivery> Deliveries()
    {
        lock (_gate)
        {
            return [.. _deliveries];
        }
    }

    public IReadOnlyList<AlipayRefund> Refunds()
    {
        lock (_gate)
        {
            return [.. _refunds];
        }
    }

    private void Reveal(DateTimeOffset now)
    {
        Visible = true;
        TradeNo ??= AlipayCrypto.Time(now)[..10].Replace("-", "", StringComparison.Ordinal) + "2200" + AlipayCrypto.RandomDigits(14);
    }

    private void ExpireIfDue(DateTimeOffset now)
    {
        if (Status == "WAIT_BUYER_PAY" && now >= ExpiresAt)
        {
            Status = "TRADE_CLOSED";
            ClosedAt = ExpiresAt;
        }
    }
}

/// <summary>The app's trades, in memory: a sandbox starts empty and forgets everything on restart, like the WeChat Pay side.</summary>
public sealed class AlipayTradeStore
{
    private readonly ConcurrentDictionary<string, AlipayTrade> _trades = new(StringComparer.Ordinal);

    public AlipayTrade GetOrAdd(TradeTerms terms, DateTimeOffset now, out bool added)
    {
        var created = false;
        var trade = _trades.GetOrAdd(
            terms.OutTradeNo,
            _ =>
            {
                created = true;
                return new AlipayTrade(terms, "https://qr.alipay.com/" + Guid.NewGuid().ToString("N")[..20], now);
            });
        added = created;
        return trade;
    }

    public AlipayTrade? Find(string outTradeNo) => _trades.GetValueOrDefault(outTradeNo);

    public IEnumerable<AlipayTrade> All() => _trades.Values;

    public void Remove(string outTradeNo) => _trades.TryRemove(outTradeNo, out _);
}
